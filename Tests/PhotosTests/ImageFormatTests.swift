import Testing
@testable import Photos

@Suite struct ImageFormatTests {
    @Test func signatures() {
        #expect(ImageFormat.detect([0xFF, 0xD8, 0xFF, 0xE0]) == .jpeg)
        #expect(ImageFormat.detect([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]) == .png)
        #expect(ImageFormat.detect([0xFF, 0xD8]) == nil)
        #expect(ImageFormat.detect([]) == nil)
        #expect(ImageFormat.describeUnsupported(Array("GIF87a".utf8)) == "GIF")
        #expect(ImageFormat.describeUnsupported(Array("RIFF\0\0\0\0WEBPVP8 ".utf8)) == "WebP")
        #expect(ImageFormat.describeUnsupported([1, 2, 3]) == nil)
    }

    @Test func headerWithoutDecoding() throws {
        let bytes = try TestSupport.lessonBytes("breads3.jpg")
        #expect(try PhotoHeader.read(bytes: bytes, name: "breads3.jpg") == PhotoHeader(format: .jpeg, width: 1280, height: 960))
        let png = try TestSupport.lessonBytes("breads3.png")
        #expect(try PhotoHeader.read(bytes: png, name: "breads3.png") == PhotoHeader(format: .png, width: 1280, height: 960))
        #expect(try Photo.validate(bytes: png, name: "breads3.png") == PhotoHeader(format: .png, width: 1280, height: 960))
    }

    @Test(arguments: [
        ("out.jpg", ImageFormat.jpeg), ("out.JPEG", .jpeg), ("dir.png/out.Png", .png), ("a.b.png", .png),
        ("out.gif", nil), ("out", nil), ("dir.png/out", nil), (".png", .png), ("out.", nil),
    ] as [(String, ImageFormat?)])
    func theNameOfAFileToWriteSaysItsFormat(path: String, format: ImageFormat?) {
        #expect(ImageFormat.forOutput(path: path) == format)
    }
}
