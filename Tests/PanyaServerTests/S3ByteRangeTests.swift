import Testing
@testable import PanyaServer

@Suite struct S3ByteRangeTests {
    @Test(arguments: [
        ("bytes=0-4", S3ByteRange.Answer.part(first: 0, last: 4)),
        ("bytes=5-", .part(first: 5, last: 9)),
        ("bytes=-3", .part(first: 7, last: 9)),
        ("bytes=-30", .part(first: 0, last: 9)),
        ("bytes=8-100", .part(first: 8, last: 9)),
        ("bytes=10-", .unsatisfiable),
        ("bytes=10-12", .unsatisfiable),
        ("bytes=-0", .unsatisfiable),
        ("bytes=0-1,4-5", .whole),
        ("bytes=5-2", .whole),
        ("items=0-1", .whole),
        ("bytes=x-1", .whole),
    ])
    func rangesOfATenByteObject(header: String, answer: S3ByteRange.Answer) {
        #expect(S3ByteRange.answer(header, size: 10) == answer)
    }

    @Test func noHeaderAndEmptyObject() {
        #expect(S3ByteRange.answer(nil, size: 10) == .whole)
        #expect(S3ByteRange.answer("bytes=0-", size: 0) == .unsatisfiable)
    }
}
