import Foundation
import MockBackend
import PanyaTestSupport
import Testing
@testable import PanyaServer

@Suite struct S3EndpointTests {
    @Test func putGetHeadListDelete() throws {
        let fixture = try ServerFixture()
        defer { fixture.removeBuckets() }
        #expect(fixture.respond(ServerFixture.s3("PUT", "/chekimagebkt")).status == 200)
        #expect(fixture.respond(ServerFixture.s3("PUT", "/chekimagebkt")).errorCode == "BucketAlreadyOwnedByYou")
        let put = fixture.respond(ServerFixture.s3("PUT", "/chekimagebkt/check/breads3.jpg", body: ServerFixture.photo))
        #expect(put.status == 200)
        #expect(put.header("ETag")?.count == 34)
        let get = fixture.respond(ServerFixture.s3("GET", "/chekimagebkt/check/breads3.jpg"))
        #expect(get.status == 200)
        #expect(get.body == ServerFixture.photo)
        #expect(get.header("Content-Type") == "image/jpeg")
        #expect(get.header("ETag") == put.header("ETag"))
        let head = fixture.respond(ServerFixture.s3("HEAD", "/chekimagebkt/check/breads3.jpg"))
        #expect(head.status == 200 && head.body.isEmpty)
        #expect(head.header("Content-Length") == String(ServerFixture.photo.count))
        #expect(fixture.respond(ServerFixture.s3("DELETE", "/chekimagebkt/check/breads3.jpg")).status == 204)
        let gone = fixture.respond(ServerFixture.s3("GET", "/chekimagebkt/check/breads3.jpg"))
        #expect(gone.status == 404)
        #expect(gone.errorCode == "NoSuchKey")
        #expect(gone.bodyText.contains("<Code>NoSuchKey</Code>"))
    }

    @Test func listObjectsV2AsS3WritesIt() throws {
        let fixture = try ServerFixture()
        defer { fixture.removeBuckets() }
        _ = fixture.respond(ServerFixture.s3("PUT", "/bk1"))
        for key in ["check/b.jpg", "check/a.jpg", "top.txt", "check/deep/c.png"] {
            #expect(fixture.respond(ServerFixture.s3("PUT", "/bk1/" + key, body: [1, 2, 3])).status == 200)
        }
        let all = fixture.respond(ServerFixture.s3("GET", "/bk1", query: "list-type=2&prefix=check%2F"))
        #expect(all.status == 200)
        let keys = all.bodyText.components(separatedBy: "<Key>").dropFirst().map { $0.components(separatedBy: "</Key>")[0] }
        #expect(keys == ["check/a.jpg", "check/b.jpg", "check/deep/c.png"])
        #expect(all.bodyText.hasPrefix(#"<?xml version="1.0" encoding="UTF-8"?>"# + "\n" + #"<ListBucketResult xmlns="http://s3.amazonaws.com/doc/2006-03-01/"><Name>bk1</Name><Prefix>check/</Prefix><MaxKeys>1000</MaxKeys><KeyCount>3</KeyCount><IsTruncated>false</IsTruncated><Contents><Key>check/a.jpg</Key><LastModified>"#))
        let grouped = fixture.respond(ServerFixture.s3("GET", "/bk1", query: "list-type=2&delimiter=%2F"))
        #expect(grouped.bodyText.contains("<CommonPrefixes><Prefix>check/</Prefix></CommonPrefixes>"))
        #expect(grouped.bodyText.contains("<Key>top.txt</Key>"))
        #expect(!grouped.bodyText.contains("<Key>check/a.jpg</Key>"))
        let page = fixture.respond(ServerFixture.s3("GET", "/bk1", query: "list-type=2&max-keys=2"))
        let token = Data("check/b.jpg".utf8).base64EncodedString()
        #expect(page.bodyText.contains("<IsTruncated>true</IsTruncated><NextContinuationToken>\(token)</NextContinuationToken>"))
        let next = fixture.respond(ServerFixture.s3("GET", "/bk1", query: "list-type=2&continuation-token=" + URIEncodingForTests.encode(token)))
        #expect(next.bodyText.contains("<Key>check/deep/c.png</Key>") && !next.bodyText.contains("<Key>check/b.jpg</Key>"))
    }

    @Test(arguments: ["/bk1/../escape.jpg", "/bk1/check/../../escape.jpg", "/bk1/%2E%2E/escape.jpg", "/bk1//abs.jpg", "/bk1/check/./x.jpg", "/bk1/a%00b",
                      "/bk1/a/..", "/bk1/%2F..%2Fescape.jpg"])
    func keysNeverLeaveTheBucket(path: String) throws {
        let fixture = try ServerFixture()
        defer { fixture.removeBuckets() }
        _ = fixture.respond(ServerFixture.s3("PUT", "/bk1"))
        let response = fixture.respond(ServerFixture.s3("PUT", path, body: [1, 2, 3]))
        #expect(response.status == 400)
        #expect(response.errorCode == "InvalidArgument")
        #expect(!FileManager.default.fileExists(atPath: fixture.s3Root + "/escape.jpg"))
        #expect(fixture.respond(ServerFixture.s3("GET", path)).status == 400)
    }

    @Test func aLinkOutOfTheBucketIsNotFollowedForWriting() throws {
        let fixture = try ServerFixture()
        defer { fixture.removeBuckets() }
        _ = fixture.respond(ServerFixture.s3("PUT", "/bk1"))
        let outside = fixture.s3Root + "-outside"
        try FileManager.default.createDirectory(atPath: outside, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: outside) }
        try FileManager.default.createSymbolicLink(atPath: fixture.s3Root + "/bk1/link", withDestinationPath: outside)
        let response = fixture.respond(ServerFixture.s3("PUT", "/bk1/link/x.jpg", body: [1]))
        #expect(response.errorCode == "InvalidArgument")
        #expect(!FileManager.default.fileExists(atPath: outside + "/x.jpg"))
    }

    @Test func virtualHostStyle() throws {
        let fixture = try ServerFixture()
        defer { fixture.removeBuckets() }
        #expect(fixture.respond(ServerFixture.s3("PUT", "/", host: "chekimagebkt.localhost:4566")).status == 200)
        #expect(fixture.respond(ServerFixture.s3("PUT", "/check/x.jpg", body: [7], host: "chekimagebkt.localhost:4566")).status == 200)
        #expect(FileManager.default.contents(atPath: fixture.s3Root + "/chekimagebkt/check/x.jpg") == Data([7]))
        let get = fixture.respond(ServerFixture.s3("GET", "/check/x.jpg", host: "chekimagebkt.s3.ap-northeast-1.amazonaws.com"))
        #expect(get.body == [7])
    }

    @Test func errorsAsS3AnswersThem() throws {
        let fixture = try ServerFixture()
        defer { fixture.removeBuckets() }
        #expect(fixture.respond(ServerFixture.s3("PUT", "/nobucket/x.jpg", body: [1])).errorCode == "NoSuchBucket")
        #expect(fixture.respond(ServerFixture.s3("GET", "/nobucket", query: "list-type=2")).status == 404)
        #expect(fixture.respond(ServerFixture.s3("GET", "/")).status == 200)
        #expect(fixture.respond(ServerFixture.s3("GET", "/nobucket/x.jpg")).errorCode == "NoSuchBucket")
        let head = fixture.respond(ServerFixture.s3("HEAD", "/nobucket/x.jpg"))
        #expect(head.status == 404 && head.body.isEmpty)
    }

    @Test func writesLeaveNoTemporaryFiles() throws {
        let temporary = try TemporaryFolder(prefix: "panya-folder")
        defer { temporary.remove() }
        let folder = S3BucketFolder(root: temporary.file("root"))
        try folder.createBucket("b")
        try folder.write(bucket: "b", key: "a/b/c.bin", bytes: [1, 2, 3])
        try folder.write(bucket: "b", key: "a/b/c.bin", bytes: [4, 5])
        #expect(FileManager.default.contents(atPath: folder.root + "/b/a/b/c.bin") == Data([4, 5]))
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.root + "/" + S3BucketFolder.uploadsFolder).isEmpty)
        #expect(try folder.list(bucket: "b").map(\.key) == ["a/b/c.bin"])
        #expect(throws: S3FolderError.badBucket(S3BucketFolder.uploadsFolder)) { try folder.list(bucket: S3BucketFolder.uploadsFolder) }
    }
}
