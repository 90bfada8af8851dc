import CustomLabels
import Foundation
import PanyaStore
import PanyaTestSupport
@testable import MockBackend

/// The shipped recordings and photos (tests run against them).
let shippedRecordings = RepositoryRoot.file("mock-responses")
let photosFolder = RepositoryRoot.file("lessons/photos")

let seedVersion = "arn:aws:rekognition:ap-northeast-1:123456789012:project/verification001/version/verification001.2023-08-01T10.00.00/1690851600000"
let seedProject = "arn:aws:rekognition:ap-northeast-1:123456789012:project/verification001/1690848000000"

func photoBytes(_ name: String) throws -> [UInt8] {
    guard let data = FileManager.default.contents(atPath: photosFolder + "/" + name) else {
        throw CocoaError(.fileNoSuchFile)
    }
    return [UInt8](data)
}

/// A mock over the shipped recordings with an in-memory database; `s3Root` optional.
func makeBackend(s3Root: String? = nil) throws -> MockBackend {
    try MockBackend(directory: shippedRecordings, database: .inMemory(), s3Root: s3Root)
}

/// A mock whose seed version is already RUNNING.
func runningBackend(s3Root: String? = nil) throws -> MockBackend {
    let backend = try makeBackend(s3Root: s3Root)
    _ = try backend.startProjectVersion(arn: seedVersion, minInferenceUnits: 1, maxInferenceUnits: nil)
    _ = try backend.waitUntilStable(arn: seedVersion) { _ in }
    return backend
}
