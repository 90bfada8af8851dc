import CustomLabels
import Foundation
import PanyaTestSupport
import Testing
@testable import MockBackend

@Test func detectsS3ObjectsFromTheBucketFolder() throws {
    let folder = try TemporaryFolder(prefix: "panya-mock-tests")
    defer { folder.remove() }
    try folder.write("panya-class/trays/breads3.jpg", bytes: photoBytes("breads3.jpg"))
    let backend = try runningBackend(s3Root: folder.path)
    let request = DetectCustomLabelsRequest(projectVersionArn: seedVersion, image: .s3Object(bucket: "panya-class", name: "trays/breads3.jpg", version: nil), minConfidence: 75)
    #expect(try backend.detectCustomLabels(request).customLabels.count == 3)
    #expect(S3Location("s3://panya-class/trays/breads3.jpg")?.imageSource == request.image)
}

@Test(arguments: ["../outside.jpg", "/etc/passwd", "trays/../../outside.jpg", "missing.jpg", "link.jpg", "trays/./breads3.jpg"])
func keysCannotEscapeTheBucket(key: String) throws {
    let folder = try TemporaryFolder(prefix: "panya-mock-tests")
    defer { folder.remove() }
    try folder.write("outside.jpg", bytes: photoBytes("breads3.jpg"))
    try folder.write("bucket/trays/breads3.jpg", bytes: photoBytes("breads3.jpg"))
    try FileManager.default.createSymbolicLink(atPath: folder.path + "/bucket/link.jpg", withDestinationPath: folder.path + "/outside.jpg")
    let backend = try runningBackend(s3Root: folder.path)
    let request = DetectCustomLabelsRequest(projectVersionArn: seedVersion, image: .s3Object(bucket: "bucket", name: key, version: nil))
    let error = try #require(throws: ServiceError.self) { try backend.detectCustomLabels(request) }
    #expect(error.kind == .invalidS3Object)
    #expect(error.serviceMessage == "Unable to get object metadata from S3. Check object key, region and/or access permissions.")
}

@Test func skeletonFillsHashAndSize() throws {
    let text = try RecordingSkeleton.make(photoPath: photosFolder + "/breads3.jpg", versionArn: seedVersion, labels: ["あんぱん"])
    let json = try JSONParser.parse(text).cursor
    #expect(try json.member("Photo").member("SHA256").string() == "221f6568e5c7a89b071fc31ee44207c369ee98601a456a3c8bde6f5eb7843729")
    #expect(try json.member("Photo").member("Width").int() == 1280)
    #expect(try json.member("Photo").member("File").string() == "breads3.jpg")
    #expect(try json.member("ProjectVersionArn").string() == seedVersion)
    #expect(text.hasSuffix("}\n"))
}
