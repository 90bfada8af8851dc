import Crypto
import Foundation
import MockBackend
import Testing
@testable import PanyaServer

extension ServerFixture {
    /// An S3 request with headers.
    static func s3(_ method: String, _ path: String, query: String = "", headers: [(String, String)], body: [UInt8] = []) -> ServerRequest {
        ServerRequest(method: method, rawPath: path, rawQuery: query,
                      headers: [(name: "host", value: "127.0.0.1:4566")] + headers.map { (name: $0.0, value: $0.1) }, body: body)
    }

    /// A fixture with bucket `bk1` holding `bk1/k` = the ten bytes `0123456789`.
    static func withObject() throws -> ServerFixture {
        let fixture = try ServerFixture()
        _ = fixture.respond(s3("PUT", "/bk1"))
        _ = fixture.respond(s3("PUT", "/bk1/k", body: Array("0123456789".utf8)))
        return fixture
    }
}

@Suite struct S3ObjectTests {
    @Test func rangedGetsAnswer206WithContentRange() throws {
        let fixture = try ServerFixture.withObject()
        defer { fixture.removeBuckets() }
        let part = fixture.respond(ServerFixture.s3("GET", "/bk1/k", headers: [("Range", "bytes=2-5")]))
        #expect(part.status == 206)
        #expect(part.bodyText == "2345")
        #expect(part.header("Content-Range") == "bytes 2-5/10")
        #expect(part.header("Accept-Ranges") == "bytes")
        let tail = fixture.respond(ServerFixture.s3("GET", "/bk1/k", headers: [("Range", "bytes=-3")]))
        #expect(tail.bodyText == "789" && tail.header("Content-Range") == "bytes 7-9/10")
        let open = fixture.respond(ServerFixture.s3("GET", "/bk1/k", headers: [("Range", "bytes=8-")]))
        #expect(open.bodyText == "89")
        let head = fixture.respond(ServerFixture.s3("HEAD", "/bk1/k", headers: [("Range", "bytes=0-0")]))
        #expect(head.status == 206 && head.body.isEmpty)
        #expect(head.header("Content-Length") == "1" && head.header("Content-Range") == "bytes 0-0/10")
        let several = fixture.respond(ServerFixture.s3("GET", "/bk1/k", headers: [("Range", "bytes=0-1,3-4")]))
        #expect(several.status == 200 && several.bodyText == "0123456789" && several.header("Content-Range") == nil)
    }

    @Test func aRangePastTheEndIs416() throws {
        let fixture = try ServerFixture.withObject()
        defer { fixture.removeBuckets() }
        let answer = fixture.respond(ServerFixture.s3("GET", "/bk1/k", headers: [("Range", "bytes=10-20")]))
        #expect(answer.status == 416)
        #expect(answer.errorCode == "InvalidRange")
        #expect(answer.header("Content-Range") == "bytes */10")
        #expect(answer.bodyText.contains("<Code>InvalidRange</Code>") && answer.bodyText.contains("<RequestId>"))
    }

    @Test(arguments: S3Checksum.allCases)
    func checksumsAreKeptAndReturnedWhenAsked(algorithm: S3Checksum) throws {
        let fixture = try ServerFixture.withObject()
        defer { fixture.removeBuckets() }
        let data = Array("yakisoba pan".utf8)
        let value = algorithm.base64(of: data)
        let put = fixture.respond(ServerFixture.s3("PUT", "/bk1/c", headers: [(algorithm.header, value)], body: data))
        #expect(put.status == 200 && put.header(algorithm.header) == value)
        let plain = fixture.respond(ServerFixture.s3("GET", "/bk1/c"))
        #expect(plain.header(algorithm.header) == nil)
        for method in ["GET", "HEAD"] {
            let asked = fixture.respond(ServerFixture.s3(method, "/bk1/c", headers: [("x-amz-checksum-mode", "ENABLED")]))
            #expect(asked.header(algorithm.header) == value)
            #expect(asked.header("x-amz-checksum-type") == "FULL_OBJECT")
        }
        let ranged = fixture.respond(ServerFixture.s3("GET", "/bk1/c", headers: [("x-amz-checksum-mode", "ENABLED"), ("Range", "bytes=0-1")]))
        #expect(ranged.header(algorithm.header) == nil)
        let wrong = fixture.respond(ServerFixture.s3("PUT", "/bk1/c", headers: [(algorithm.header, algorithm.base64(of: [9]))], body: data))
        #expect(wrong.status == 400 && wrong.errorCode == "BadDigest")
    }

    @Test func aWrongContentMD5IsRefusedAndNothingIsWritten() throws {
        let fixture = try ServerFixture.withObject()
        defer { fixture.removeBuckets() }
        let wrong = fixture.respond(ServerFixture.s3("PUT", "/bk1/k", headers: [("Content-MD5", Data(Insecure.MD5.hash(data: [1])).base64EncodedString())], body: [2]))
        #expect(wrong.status == 400 && wrong.errorCode == "BadDigest")
        let malformed = fixture.respond(ServerFixture.s3("PUT", "/bk1/k", headers: [("Content-MD5", "zz")], body: [2]))
        #expect(malformed.status == 400 && malformed.errorCode == "InvalidDigest")
        #expect(fixture.respond(ServerFixture.s3("GET", "/bk1/k")).bodyText == "0123456789")
    }

    @Test func contentTypeAndMetadataAreKept() throws {
        let fixture = try ServerFixture.withObject()
        defer { fixture.removeBuckets() }
        let put = fixture.respond(ServerFixture.s3("PUT", "/bk1/notes.bin", headers: [
            ("Content-Type", "text/plain; charset=utf-8"), ("x-amz-meta-baker", "Hanako"), ("X-Amz-Meta-Oven", "2"),
            ("Content-Disposition", "attachment"), ("Cache-Control", "no-cache"),
        ], body: [1]))
        #expect(put.status == 200)
        for method in ["GET", "HEAD"] {
            let got = fixture.respond(ServerFixture.s3(method, "/bk1/notes.bin"))
            #expect(got.header("Content-Type") == "text/plain; charset=utf-8")
            #expect(got.header("x-amz-meta-baker") == "Hanako" && got.header("x-amz-meta-oven") == "2")
            #expect(got.header("Content-Disposition") == "attachment" && got.header("Cache-Control") == "no-cache")
        }
        let overridden = fixture.respond(ServerFixture.s3("GET", "/bk1/notes.bin", query: "response-content-type=image%2Fpng"))
        #expect(overridden.header("Content-Type") == "image/png")
    }

    @Test func conditionalGetsAnswer304And412() throws {
        let fixture = try ServerFixture.withObject()
        defer { fixture.removeBuckets() }
        let etag = try #require(fixture.respond(ServerFixture.s3("HEAD", "/bk1/k")).header("ETag"))
        let lastModified = try #require(fixture.respond(ServerFixture.s3("HEAD", "/bk1/k")).header("Last-Modified"))
        #expect(fixture.respond(ServerFixture.s3("GET", "/bk1/k", headers: [("If-None-Match", etag)])).status == 304)
        #expect(fixture.respond(ServerFixture.s3("GET", "/bk1/k", headers: [("If-None-Match", "\"other\"")])).status == 200)
        #expect(fixture.respond(ServerFixture.s3("GET", "/bk1/k", headers: [("If-Match", etag)])).status == 200)
        let failed = fixture.respond(ServerFixture.s3("GET", "/bk1/k", headers: [("If-Match", "\"other\"")]))
        #expect(failed.status == 412 && failed.errorCode == "PreconditionFailed" && failed.bodyText.contains("<Condition>If-Match</Condition>"))
        #expect(fixture.respond(ServerFixture.s3("GET", "/bk1/k", headers: [("If-Modified-Since", lastModified)])).status == 304)
        #expect(fixture.respond(ServerFixture.s3("GET", "/bk1/k", headers: [("If-Modified-Since", "Mon, 01 Jan 2001 00:00:00 GMT")])).status == 200)
        #expect(fixture.respond(ServerFixture.s3("GET", "/bk1/k", headers: [("If-Unmodified-Since", "Mon, 01 Jan 2001 00:00:00 GMT")])).status == 412)
        #expect(fixture.respond(ServerFixture.s3("HEAD", "/bk1/k", headers: [("If-Unmodified-Since", lastModified)])).status == 200)
        // If-Match that holds wins over a failing If-Unmodified-Since, as S3 has it.
        #expect(fixture.respond(ServerFixture.s3("GET", "/bk1/k", headers: [("If-Match", etag), ("If-Unmodified-Since", "Mon, 01 Jan 2001 00:00:00 GMT")])).status == 200)
    }

    @Test func conditionalWrites() throws {
        let fixture = try ServerFixture.withObject()
        defer { fixture.removeBuckets() }
        let exists = fixture.respond(ServerFixture.s3("PUT", "/bk1/k", headers: [("If-None-Match", "*")], body: [1]))
        #expect(exists.status == 412 && exists.errorCode == "PreconditionFailed")
        #expect(fixture.respond(ServerFixture.s3("PUT", "/bk1/new", headers: [("If-None-Match", "*")], body: [1])).status == 200)
        #expect(fixture.respond(ServerFixture.s3("PUT", "/bk1/k", headers: [("If-Match", "\"nope\"")], body: [1])).status == 412)
        #expect(fixture.respond(ServerFixture.s3("PUT", "/bk1/absent", headers: [("If-Match", "*")], body: [1])).errorCode == "NoSuchKey")
        #expect(fixture.respond(ServerFixture.s3("GET", "/bk1/k")).bodyText == "0123456789")
    }

    @Test func copyObjectCopiesOrReplacesMetadata() throws {
        let fixture = try ServerFixture.withObject()
        defer { fixture.removeBuckets() }
        _ = fixture.respond(ServerFixture.s3("PUT", "/bk1/src.txt", headers: [("Content-Type", "text/plain"), ("x-amz-meta-a", "1")], body: Array("copy me".utf8)))
        _ = fixture.respond(ServerFixture.s3("PUT", "/bk2"))
        let copied = fixture.respond(ServerFixture.s3("PUT", "/bk2/dst.txt", headers: [("x-amz-copy-source", "/bk1/src.txt")]))
        #expect(copied.status == 200)
        #expect(copied.bodyText.contains("<CopyObjectResult") && copied.bodyText.contains("<ETag>\(ServerFixture.xmlEscaped(S3Endpoint.etag(Array("copy me".utf8))))</ETag>"))
        let got = fixture.respond(ServerFixture.s3("GET", "/bk2/dst.txt"))
        #expect(got.bodyText == "copy me" && got.header("Content-Type") == "text/plain" && got.header("x-amz-meta-a") == "1")
        let replaced = fixture.respond(ServerFixture.s3("PUT", "/bk2/dst2.txt", headers: [
            ("x-amz-copy-source", "bk1%2Fsrc.txt"), ("x-amz-metadata-directive", "REPLACE"), ("Content-Type", "text/markdown"), ("x-amz-meta-b", "2"),
        ]))
        #expect(replaced.status == 200)
        let got2 = fixture.respond(ServerFixture.s3("HEAD", "/bk2/dst2.txt"))
        #expect(got2.header("Content-Type") == "text/markdown" && got2.header("x-amz-meta-b") == "2" && got2.header("x-amz-meta-a") == nil)
        #expect(fixture.respond(ServerFixture.s3("PUT", "/bk1/src.txt", headers: [("x-amz-copy-source", "/bk1/src.txt")])).errorCode == "InvalidRequest")
        #expect(fixture.respond(ServerFixture.s3("PUT", "/bk1/x", headers: [("x-amz-copy-source", "/bk1/missing")])).errorCode == "NoSuchKey")
        #expect(fixture.respond(ServerFixture.s3("PUT", "/bk1/x", headers: [("x-amz-copy-source", "/nobucket/a")])).errorCode == "NoSuchBucket")
        #expect(fixture.respond(ServerFixture.s3("PUT", "/bk1/x", headers: [("x-amz-copy-source", "/bk1/src.txt"), ("x-amz-copy-source-if-match", "\"no\"")])).status == 412)
    }

    @Test func deleteObjectsListsWhatItDeleted() throws {
        let fixture = try ServerFixture.withObject()
        defer { fixture.removeBuckets() }
        _ = fixture.respond(ServerFixture.s3("PUT", "/bk1/a&b.txt", body: [1]))
        let body = #"<?xml version="1.0" encoding="UTF-8"?><Delete xmlns="http://s3.amazonaws.com/doc/2006-03-01/"><Object><Key>k</Key></Object><Object><Key>a&amp;b.txt</Key></Object><Object><Key>../x</Key></Object></Delete>"#
        let answer = fixture.respond(ServerFixture.s3("POST", "/bk1", query: "delete", body: Array(body.utf8)))
        #expect(answer.status == 200)
        #expect(answer.bodyText.contains("<Deleted><Key>k</Key></Deleted><Deleted><Key>a&amp;b.txt</Key></Deleted><Error><Key>../x</Key><Code>InvalidArgument</Code>"))
        #expect(fixture.respond(ServerFixture.s3("GET", "/bk1/k")).status == 404)
        let quiet = fixture.respond(ServerFixture.s3("POST", "/bk1", query: "delete", body: Array("<Delete><Quiet>true</Quiet><Object><Key>gone</Key></Object></Delete>".utf8)))
        #expect(quiet.status == 200 && !quiet.bodyText.contains("<Deleted>"))
        #expect(fixture.respond(ServerFixture.s3("POST", "/bk1", query: "delete", body: Array("<nope/>".utf8))).errorCode == "MalformedXML")
    }

    @Test func bucketsAreListedDeletedAndNamedAsS3Allows() throws {
        let fixture = try ServerFixture.withObject()
        defer { fixture.removeBuckets() }
        _ = fixture.respond(ServerFixture.s3("PUT", "/empty-bucket"))
        let listed = fixture.respond(ServerFixture.s3("GET", "/"))
        #expect(listed.status == 200)
        #expect(listed.bodyText.contains("<Bucket><Name>bk1</Name>") && listed.bodyText.contains("<Name>empty-bucket</Name>"))
        #expect(!listed.bodyText.contains(".panya"))
        let notEmpty = fixture.respond(ServerFixture.s3("DELETE", "/bk1"))
        #expect(notEmpty.status == 409 && notEmpty.errorCode == "BucketNotEmpty")
        #expect(fixture.respond(ServerFixture.s3("DELETE", "/empty-bucket")).status == 204)
        #expect(fixture.respond(ServerFixture.s3("HEAD", "/empty-bucket")).status == 404)
        #expect(fixture.respond(ServerFixture.s3("DELETE", "/empty-bucket")).errorCode == "NoSuchBucket")
        for name in ["Bad..Bucket", "ab", "192.168.1.1", "under_score"] {
            let refused = fixture.respond(ServerFixture.s3("PUT", "/" + name))
            #expect(refused.status == 400 && refused.errorCode == "InvalidBucketName", "\(name)")
        }
        #expect(!FileManager.default.fileExists(atPath: fixture.s3Root + "/Bad..Bucket"))
    }

    @Test func aMissingBucketIsNoSuchBucketNotNoSuchKey() throws {
        let fixture = try ServerFixture()
        defer { fixture.removeBuckets() }
        for method in ["GET", "PUT", "DELETE"] {
            #expect(fixture.respond(ServerFixture.s3(method, "/nobucket/x.jpg")).errorCode == "NoSuchBucket", "\(method)")
        }
    }

    @Test func maxKeysIsValidatedAndPagesFollowTheToken() throws {
        let fixture = try ServerFixture.withObject()
        defer { fixture.removeBuckets() }
        for key in ["a", "b", "c", "d"] { _ = fixture.respond(ServerFixture.s3("PUT", "/bk1/" + key, body: [1])) }
        let negative = fixture.respond(ServerFixture.s3("GET", "/bk1", query: "list-type=2&max-keys=-1"))
        #expect(negative.status == 400 && negative.errorCode == "InvalidArgument")
        #expect(fixture.respond(ServerFixture.s3("GET", "/bk1", query: "list-type=2&max-keys=two")).errorCode == "InvalidArgument")
        #expect(fixture.respond(ServerFixture.s3("GET", "/bk1", query: "list-type=2&continuation-token=%25%25")).errorCode == "InvalidArgument")
        var keys: [String] = []
        var token: String?
        var pages = 0
        repeat {
            let query = "list-type=2&max-keys=2" + (token.map { "&continuation-token=" + URIEncodingForTests.encode($0) } ?? "")
            let page = fixture.respond(ServerFixture.s3("GET", "/bk1", query: query)).bodyText
            keys += page.components(separatedBy: "<Key>").dropFirst().map { $0.components(separatedBy: "</Key>")[0] }
            token = page.components(separatedBy: "<NextContinuationToken>").dropFirst().first?.components(separatedBy: "<")[0]
            pages += 1
        } while token != nil && pages < 10
        #expect(keys == ["a", "b", "c", "d", "k"])
        #expect(pages == 3)
        let version1 = fixture.respond(ServerFixture.s3("GET", "/bk1", query: "marker=c&max-keys=1")).bodyText
        #expect(version1.contains("<Marker>c</Marker>") && version1.contains("<Key>d</Key>") && version1.contains("<NextMarker>d</NextMarker>"))
    }

    @Test func everyAnswerCarriesRequestIds() throws {
        let fixture = try ServerFixture.withObject()
        defer { fixture.removeBuckets() }
        for request in [ServerFixture.s3("GET", "/bk1/k"), ServerFixture.s3("GET", "/bk1/missing"), ServerFixture.s3("HEAD", "/nobucket")] {
            let answer = fixture.respond(request)
            let id = try #require(answer.header("x-amz-request-id"))
            #expect(id.count == 16)
            #expect(answer.header("x-amz-id-2")?.isEmpty == false)
            if answer.status >= 400, request.method != "HEAD" { #expect(answer.bodyText.contains("<RequestId>\(id)</RequestId>")) }
        }
    }

    @Test func keysAreCheckedBeforeAnyFileIsTouched() throws {
        let fixture = try ServerFixture.withObject()
        defer { fixture.removeBuckets() }
        let long = fixture.respond(ServerFixture.s3("PUT", "/bk1/" + String(repeating: "k", count: 1025), body: [1]))
        #expect(long.status == 400 && long.errorCode == "KeyTooLongError")
        let deep = fixture.respond(ServerFixture.s3("PUT", "/bk1/" + Array(repeating: "d", count: 3000).joined(separator: "/"), body: [1]))
        #expect(deep.status == 400 && deep.errorCode == "KeyTooLongError")
        #expect(try FileManager.default.contentsOfDirectory(atPath: fixture.s3Root + "/bk1") == ["k"])
        // The deepest key that fits (512 folders) works, and deleting it leaves no folder behind.
        let fits = "/bk1/" + Array(repeating: "d", count: 512).joined(separator: "/")
        #expect(fixture.respond(ServerFixture.s3("PUT", fits, body: [5])).status == 200)
        #expect(fixture.respond(ServerFixture.s3("GET", fits)).body == [5])
        #expect(fixture.respond(ServerFixture.s3("DELETE", fits)).status == 204)
        #expect(try FileManager.default.contentsOfDirectory(atPath: fixture.s3Root + "/bk1") == ["k"])
    }

    @Test func aKeyThatIsAlsoAFolderOfOtherKeysWorksAsInS3() throws {
        let fixture = try ServerFixture.withObject()
        defer { fixture.removeBuckets() }
        for (key, byte) in [("a", UInt8(1)), ("a/b", 2), ("c/d", 3), ("c", 4), ("folder/", 5), ("x//y", 6)] {
            #expect(fixture.respond(ServerFixture.s3("PUT", "/bk1/" + key, body: [byte])).status == 200, "\(key)")
        }
        for (key, byte) in [("a", UInt8(1)), ("a/b", 2), ("c/d", 3), ("c", 4), ("folder/", 5), ("x//y", 6)] {
            #expect(fixture.respond(ServerFixture.s3("GET", "/bk1/" + key)).body == [byte], "\(key)")
        }
        let listing = fixture.respond(ServerFixture.s3("GET", "/bk1", query: "list-type=2")).bodyText
        let keys = listing.components(separatedBy: "<Key>").dropFirst().map { $0.components(separatedBy: "</Key>")[0] }
        #expect(keys == ["a", "a/b", "c", "c/d", "folder/", "k", "x//y"])
        #expect(fixture.respond(ServerFixture.s3("DELETE", "/bk1/c")).status == 204)
        #expect(fixture.respond(ServerFixture.s3("GET", "/bk1/c")).status == 404)
        #expect(fixture.respond(ServerFixture.s3("GET", "/bk1/c/d")).body == [3])
    }
}

extension ServerFixture {
    static func xmlEscaped(_ text: String) -> String { S3XML.escape(text) }
}

/// Percent-encoding for the query strings the tests write.
enum URIEncodingForTests {
    static func encode(_ text: String) -> String {
        text.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? text
    }
}
