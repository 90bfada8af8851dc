import Testing
@testable import Photos

@Suite struct CanvasTests {
    @Test func fillAndPixel() {
        var canvas = Canvas(width: 4, height: 3, color: RGB(1, 2, 3))
        #expect(canvas.pixel(x: 3, y: 2) == RGB(1, 2, 3))
        #expect(canvas.pixel(x: 4, y: 0) == nil)
        canvas.fill(RGB(9, 8, 7))
        #expect(canvas.pixels == [UInt8](repeating: 0, count: 0) + Array(repeating: [9, 8, 7] as [UInt8], count: 12).flatMap { $0 })
    }

    @Test func blendMixes() {
        var canvas = Canvas(width: 1, height: 1, color: RGB(0, 0, 0))
        canvas.blend(x: 0, y: 0, color: RGB(200, 100, 50), alpha: 0.5)
        #expect(canvas.pixel(x: 0, y: 0) == RGB(100, 50, 25))
        canvas.blend(x: 5, y: 5, color: RGB(255, 255, 255), alpha: 1)   // outside: ignored
    }

    @Test func rectanglesWithThickness() {
        var canvas = Canvas(width: 20, height: 20, color: RGB(255, 255, 255))
        canvas.strokeRect(x: 2, y: 2, width: 16, height: 16, thickness: 3, color: RGB(255, 0, 0))
        #expect(canvas.pixel(x: 2, y: 10) == RGB(255, 0, 0))
        #expect(canvas.pixel(x: 4, y: 10) == RGB(255, 0, 0))
        #expect(canvas.pixel(x: 5, y: 10) == RGB(255, 255, 255))
        #expect(canvas.pixel(x: 10, y: 10) == RGB(255, 255, 255))
        #expect(canvas.pixel(x: 17, y: 17) == RGB(255, 0, 0))
        #expect(canvas.pixel(x: 1, y: 1) == RGB(255, 255, 255))
        canvas.fillRect(x: 6, y: 6, width: 2, height: 2, color: RGB(0, 0, 255))
        #expect(canvas.pixel(x: 7, y: 7) == RGB(0, 0, 255))
    }

    @Test func ellipsesAndLines() {
        var canvas = Canvas(width: 40, height: 40, color: RGB(0, 0, 0))
        canvas.fillEllipse(centerX: 20, centerY: 20, radiusX: 10, radiusY: 5, color: RGB(255, 255, 255))
        #expect(canvas.pixel(x: 20, y: 20) == RGB(255, 255, 255))
        #expect(canvas.pixel(x: 28, y: 20) == RGB(255, 255, 255))
        #expect(canvas.pixel(x: 20, y: 28) == RGB(0, 0, 0))
        // Turned a quarter: now tall.
        var turned = Canvas(width: 40, height: 40, color: RGB(0, 0, 0))
        turned.fillEllipse(centerX: 20, centerY: 20, radiusX: 10, radiusY: 5, rotation: StableMath.pi / 2, color: RGB(255, 255, 255))
        #expect(turned.pixel(x: 20, y: 28) == RGB(255, 255, 255))
        #expect(turned.pixel(x: 28, y: 20) == RGB(0, 0, 0))
        var ring = Canvas(width: 40, height: 40, color: RGB(0, 0, 0))
        ring.strokeEllipse(centerX: 20, centerY: 20, radiusX: 12, radiusY: 12, thickness: 2, color: RGB(0, 255, 0))
        #expect(ring.pixel(x: 20, y: 20) == RGB(0, 0, 0))
        #expect(ring.pixel(x: 31, y: 19)?.g ?? 0 > 128)
        var line = Canvas(width: 20, height: 20, color: RGB(0, 0, 0))
        line.drawLine(x0: 2, y0: 2, x1: 18, y1: 18, thickness: 2, color: RGB(255, 0, 0))
        #expect(line.pixel(x: 10, y: 10)?.r ?? 0 > 200)
        #expect(line.pixel(x: 2, y: 17) == RGB(0, 0, 0))
    }

    @Test func rotatedRectangle() {
        var canvas = Canvas(width: 30, height: 30, color: RGB(0, 0, 0))
        canvas.fillRotatedRect(centerX: 15, centerY: 15, width: 20, height: 4, rotation: StableMath.pi / 2, color: RGB(255, 255, 255))
        #expect(canvas.pixel(x: 15, y: 6) == RGB(255, 255, 255))
        #expect(canvas.pixel(x: 6, y: 15) == RGB(0, 0, 0))
    }

    @Test func noiseAndTextureAreRepeatable() {
        var a = Canvas(width: 16, height: 16, color: RGB(128, 128, 128))
        var b = a
        a.addNoise(amount: 5, seed: 3)
        b.addNoise(amount: 5, seed: 3)
        #expect(a == b)
        #expect(a.pixels.allSatisfy { $0 >= 123 && $0 <= 133 })
        #expect(Set(a.pixels).count > 1)
        a.texture(x: 0, y: 0, width: 16, height: 16, scale: 4, strength: 0.2, seed: 1)
        b.texture(x: 0, y: 0, width: 16, height: 16, scale: 4, strength: 0.2, seed: 1)
        #expect(a == b)
    }

    @Test func textUsesTheBitmapFont() {
        var canvas = Canvas(width: 12, height: 7, color: RGB(0, 0, 0))
        canvas.drawText("1", x: 0, y: 0, color: RGB(255, 255, 255))
        // "1" is 0x04,0x0C,0x04,… : its stem is the third column.
        #expect(canvas.pixel(x: 2, y: 0) == RGB(255, 255, 255))
        #expect(canvas.pixel(x: 0, y: 0) == RGB(0, 0, 0))
        #expect(canvas.pixel(x: 1, y: 6) == RGB(255, 255, 255))
        #expect(BitmapFont.width(of: "12", scale: 2) == 22)
        #expect(BitmapFont.canDraw("ANPAN 81.7%"))
        #expect(!BitmapFont.canDraw("あんぱん"))
    }

    @Test func resizeAveragesAreas() throws {
        // 2×2 black/white checks averaged to one grey pixel.
        let photo = try #require(Photo(width: 2, height: 2, pixels: [0, 0, 0, 255, 255, 255, 255, 255, 255, 0, 0, 0]))
        let small = photo.resized(width: 1, height: 1)
        #expect(small.pixels == [128, 128, 128])
        let same = photo.resized(width: 2, height: 2)
        #expect(same.pixels == photo.pixels)
    }
}
