import Testing
@testable import Photos

@Suite struct PhotoFingerprintTests {
    @Test func knownValues() {
        #expect(PhotoFingerprint.sha256(Array("abc".utf8)) == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")
        #expect(PhotoFingerprint.sha256([]) == "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855")
    }

    @Test func manifestHashesMatchTheFiles() throws {
        for entry in try ManifestReader.entries() {
            let bytes = try TestSupport.lessonBytes(entry.file)
            #expect(PhotoFingerprint.sha256(bytes) == entry.sha256, "\(entry.file)")
        }
    }
}

/// Reads the committed manifest with JSONSerialization (an independent reader of what we wrote).
enum ManifestReader {
    struct Entry {
        var file: String
        var sha256: String
        var width: Int
        var height: Int
        var breads: [(name: String, box: [String: Double])]
    }

    static func entries() throws -> [Entry] {
        let bytes = try Photo.readBytes(path: TestSupport.lessonPhotos + "/manifest.json", limits: .anySize)
        let root = try #require(try JSONSerialization.jsonObject(with: Data(bytes)) as? [String: Any])
        let photos = try #require(root["Photos"] as? [[String: Any]])
        return try photos.map { photo in
            let breads = try #require(photo["Breads"] as? [[String: Any]]).map { bread in
                (name: bread["Name"] as? String ?? "", box: bread["BoundingBox"] as? [String: Double] ?? [:])
            }
            return Entry(file: try #require(photo["File"] as? String), sha256: try #require(photo["SHA256"] as? String),
                         width: try #require(photo["Width"] as? Int), height: try #require(photo["Height"] as? Int), breads: breads)
        }
    }
}

import Foundation
