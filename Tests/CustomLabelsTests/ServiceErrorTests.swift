import Testing
@testable import CustomLabels

@Test(arguments: ServiceErrorCode.allCases)
func everyCodeHasStatusAndBothLanguages(code: ServiceErrorCode) {
    #expect([400, 500, 503].contains(code.httpStatus))
    let error = ServiceError(code, "x")
    #expect(!error.explanation.ja.isEmpty && !error.hint.ja.isEmpty && !error.hint.en.isEmpty)
    #expect(error.code == code.rawValue)
}

@Test func readsErrorBodies() throws {
    let body = try JSONParser.value(#"{"__type": "com.amazonaws.rekognition#ResourceNotReadyException", "Message": "not ready"}"#)
    let error = try #require(ServiceError(body: body))
    #expect(error.kind == .resourceNotReady)
    #expect(error.description == "ResourceNotReadyException: not ready")
    #expect(error.jsonValue.compactText == #"{"__type":"ResourceNotReadyException","Message":"not ready"}"#)
    #expect(ServiceErrorCode.throttling.httpStatus == 500)
    #expect(ServiceErrorCode.internalServerError.httpStatus == 500)
    #expect(ServiceErrorCode.accessDenied.httpStatus == 400)
    let unknown = try #require(ServiceError(body: .object(["__type": .string("NewException"), "Message": .string("m")])))
    #expect(unknown.kind == .unknown && unknown.code == "NewException")
}
