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

@Suite struct S3BucketFolderLayoutTests {
    @Test func keysAFolderCannotHoldAreKeptAsideAndStillRead() throws {
        let temporary = try TemporaryFolder(prefix: "panya-folder")
        defer { temporary.remove() }
        let folder = S3BucketFolder(root: temporary.file("root"))
        try folder.createBucket("b")
        try folder.write(bucket: "b", key: "a", bytes: [1])
        try folder.write(bucket: "b", key: "a/b", bytes: [2])
        try folder.write(bucket: "b", key: "dir/", bytes: [3])
        // The plain layout where it can be: a teacher still finds `a` as a file.
        #expect(FileManager.default.contents(atPath: folder.root + "/b/a") == Data([1]))
        #expect(try FileIO.bytes(folder.existingFile(bucket: "b", key: "a/b")) == [2])
        #expect(try folder.read(bucket: "b", key: "dir/") == [3])
        #expect(try folder.list(bucket: "b").map(\.key) == ["a", "a/b", "dir/"])
        try folder.delete(bucket: "b", key: "a/b")
        #expect(try folder.list(bucket: "b").map(\.key) == ["a", "dir/"])
    }

    @Test func aRecordIsBelievedOnlyWhileTheFileIsUnchanged() throws {
        let temporary = try TemporaryFolder(prefix: "panya-folder")
        defer { temporary.remove() }
        let folder = S3BucketFolder(root: temporary.file("root"))
        try folder.createBucket("b")
        let written = try folder.write(bucket: "b", key: "p.jpg", bytes: [1, 2], record: S3ObjectRecord(key: "p.jpg", etag: "\"e\"", contentType: "image/jpeg"))
        #expect(written.record?.contentType == "image/jpeg")
        #expect(try folder.object(bucket: "b", key: "p.jpg").record?.etag == "\"e\"")
        // Replaced by hand (another size): the record no longer describes it.
        try Data([9, 9, 9]).write(to: URL(fileURLWithPath: folder.root + "/b/p.jpg"))
        #expect(try folder.object(bucket: "b", key: "p.jpg").record == nil)
    }

    @Test func refusedKeysTouchNothing() throws {
        let temporary = try TemporaryFolder(prefix: "panya-folder")
        defer { temporary.remove() }
        let folder = S3BucketFolder(root: temporary.file("root"))
        try folder.createBucket("b")
        let deep = Array(repeating: "d", count: 3000).joined(separator: "/")
        #expect(throws: S3FolderError.self) { try folder.write(bucket: "b", key: deep, bytes: [1]) }
        for key in ["../x", "a/./b", "/abs", "a\u{0}b"] {
            #expect(throws: S3FolderError.self) { try folder.write(bucket: "b", key: key, bytes: [1]) }
        }
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.root + "/b").isEmpty)
        #expect(!FileManager.default.fileExists(atPath: folder.root + "/x"))
    }

    @Test func deleteBucketRefusesABucketWithObjects() throws {
        let temporary = try TemporaryFolder(prefix: "panya-folder")
        defer { temporary.remove() }
        let folder = S3BucketFolder(root: temporary.file("root"))
        try folder.createBucket("b")
        try folder.write(bucket: "b", key: "x/y", bytes: [1])
        #expect(throws: S3FolderError.bucketNotEmpty("b")) { try folder.deleteBucket("b") }
        try folder.delete(bucket: "b", key: "x/y")
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.root + "/b").isEmpty)
        try folder.deleteBucket("b")
        #expect(!folder.bucketExists("b"))
        #expect(folder.buckets().isEmpty)
    }
}

/// A file's bytes, for the checks above.
enum FileIO {
    static func bytes(_ path: String) -> [UInt8] {
        [UInt8](FileManager.default.contents(atPath: path) ?? Data())
    }
}
