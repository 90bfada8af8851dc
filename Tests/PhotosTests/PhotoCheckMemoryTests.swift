import Photos
import Testing

@Suite struct PhotoCheckMemoryTests {
    /// A small valid JPEG (generated, 96×64).
    func jpeg() throws -> [UInt8] {
        var canvas = Canvas(width: 96, height: 64, color: RGB(230, 220, 200))
        canvas.fillRect(x: 10, y: 10, width: 30, height: 20, color: RGB(150, 90, 40))
        return try canvas.photo.encodeJPEG(quality: 90)
    }

    @Test func aPhotoThatPassedIsRememberedUnderItsLimits() throws {
        let memory = PhotoCheckMemory()
        let bytes = try jpeg()
        let sha = PhotoFingerprint.sha256(bytes)
        let first = try memory.validate(bytes: bytes, sha256: sha, name: "a.jpg", limits: .service)
        #expect(first == (try Photo.validate(bytes: bytes, name: "a.jpg", limits: .service)))
        #expect(memory.count == 1)
        _ = try memory.validate(bytes: bytes, sha256: sha, name: "b.jpg", limits: .service)
        #expect(memory.count == 1)
        _ = try memory.validate(bytes: bytes, sha256: sha, name: "a.jpg", limits: .serviceS3Object)
        #expect(memory.count == 2)
    }

    @Test func aRefusedPhotoIsNotRememberedAndNamesItsFileEachTime() throws {
        let memory = PhotoCheckMemory()
        var bytes = try jpeg()
        bytes.removeLast(bytes.count / 2)
        let sha = PhotoFingerprint.sha256(bytes)
        for name in ["first.jpg", "second.jpg"] {
            let error = try #require(throws: PhotoError.self) {
                try memory.validate(bytes: bytes, sha256: sha, name: name, limits: .service)
            }
            #expect(error.message.en.contains(name))
        }
        #expect(memory.count == 0)
    }

    @Test func theOldestIsForgottenBeyondTheCapacity() throws {
        let memory = PhotoCheckMemory(capacity: 2)
        let bytes = try jpeg()
        for fake in ["1", "2", "3"] {
            _ = try memory.validate(bytes: bytes, sha256: fake, name: "a.jpg", limits: .service)
        }
        #expect(memory.count == 2)
    }
}
