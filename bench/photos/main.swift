// Phone-photo benchmark (release): what `panya class` does with a student's upload before the
// engine looks at it. Run with bench/photos/run.sh; prints the median of N runs of each step.
import Foundation
import Photos

let runs = Int(CommandLine.arguments.dropFirst().first ?? "") ?? 15
let root = CommandLine.arguments.dropFirst(2).first ?? "."
let clock = ContinuousClock()

func median(_ values: [Double]) -> Double { values.sorted()[values.count / 2] }

/// This thread's CPU time: the server's own cost, whatever else the shared cores run.
func threadCPUMilliseconds() -> Double {
    var now = timespec()
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &now)
    return Double(now.tv_sec) * 1e3 + Double(now.tv_nsec) / 1e6
}

/// Times `body` `runs` times after one warm-up and prints the median in milliseconds.
@discardableResult
func measure(_ name: String, _ body: () throws -> Int) -> Double {
    func run() -> Int {
        do { return try body() } catch {
            print("bench failed: \(name): \(error)")
            exit(1)
        }
    }
    var sink = run()
    var times: [Double] = [], cpu: [Double] = []
    for _ in 0..<runs {
        var value = 0
        let before = threadCPUMilliseconds()
        let elapsed = clock.measure { value = run() }
        cpu.append(threadCPUMilliseconds() - before)
        sink &+= value
        let c = elapsed.components
        times.append(Double(c.seconds) * 1e3 + Double(c.attoseconds) / 1e15)
    }
    let m = median(times), c = median(cpu)
    print("\(name.padding(toLength: 62, withPad: " ", startingAt: 0)) wall \(String(format: "%7.2f", m)) ms  CPU \(String(format: "%7.2f", c)) ms  (n=\(runs), sink \(sink % 10))")
    return c
}

/// The APP1 segment of a phone held upright: EXIF Orientation 6 in a minimal TIFF structure.
func exifOrientation6() -> [UInt8] {
    let tiff: [UInt8] = Array("II".utf8) + [42, 0, 8, 0, 0, 0, 1, 0, 0x12, 0x01, 3, 0, 1, 0, 0, 0, 6, 0, 0, 0, 0, 0, 0, 0]
    let body = Array("Exif".utf8) + [0, 0] + tiff
    return [0xFF, 0xE1, UInt8((body.count + 2) >> 8), UInt8((body.count + 2) & 0xFF)] + body
}

/// A phone-like 4032×3024 JPEG: a light tray with bread-coloured shapes, texture and sensor
/// grain (so the entropy-coded data is about as large as a phone's), quality 90, orientation 6.
func phonePhoto() throws -> [UInt8] {
    var canvas = Canvas(width: 4032, height: 3024, color: RGB(236, 232, 224))
    canvas.texture(x: 0, y: 0, width: 4032, height: 3024, scale: 180, strength: 0.05, seed: 3)
    let breads: [(Double, Double, Double, Double, RGB)] = [
        (1000, 1100, 520, 470, RGB(176, 108, 52)), (2200, 1500, 600, 560, RGB(214, 170, 92)), (3100, 900, 430, 430, RGB(150, 86, 40)),
    ]
    for (index, bread) in breads.enumerated() {
        canvas.fillEllipse(centerX: bread.0, centerY: bread.1, radiusX: bread.2, radiusY: bread.3, color: bread.4)
        canvas.texture(x: Int(bread.0 - bread.2), y: Int(bread.1 - bread.3), width: Int(2 * bread.2), height: Int(2 * bread.3),
                       scale: 24, strength: 0.12, seed: UInt64(index + 10))
    }
    canvas.addNoise(amount: 6, seed: 7)
    let jpeg = try JPEGCodec.encode(canvas.photo, quality: 90)
    return Array(jpeg.prefix(2)) + exifOrientation6() + Array(jpeg.dropFirst(2))
}

do {
    let engineSide = 1280
    let phone = try phonePhoto()
    print("12 MP photo: 4032×3024, \(phone.count) bytes, EXIF orientation 6; engine size \(engineSide)")
    let upright = try Photo.decodeUpright(data: phone, name: "phone.jpg", maxDimension: engineSide)
    print("  → \(upright.photo.width)×\(upright.photo.height), decoded at \(upright.decodedEighths)/8")

    measure("12 MP: header only (PhotoHeader.read)") { try PhotoHeader.read(bytes: phone, name: "p").width }
    measure("12 MP: decodeUpright to 1280 (DCT 1/2, reduce, turn)") {
        try Photo.decodeUpright(data: phone, name: "p", maxDimension: engineSide).photo.width
    }
    measure("12 MP: decodeUpright to 1008 (DCT 2/8, turn; no reduction)") {
        try Photo.decodeUpright(data: phone, name: "p", maxDimension: 1008).photo.width
    }
    measure("12 MP: decodeUpright to 504 (DCT 1/8, turn)") {
        try Photo.decodeUpright(data: phone, name: "p", maxDimension: 504).photo.width
    }
    measure("12 MP: decode at 1/2 only (Photo.decode, maxSide 2016)") {
        try Photo.decode(bytes: phone, name: "p", limits: .classPhoto, maxSide: 2016).width
    }
    measure("12 MP: full decode (1/1), for comparison") {
        try Photo.decode(bytes: phone, name: "p", limits: .classPhoto).width
    }
    let decoded = try Photo.decode(bytes: phone, name: "p", limits: .classPhoto, maxSide: 2016)
    measure("  step: reduce 2016×1512 → 1280×960 (area average)") { decoded.reduced(toLongerSide: engineSide).width }
    measure("  step: turn 1280×960 (orientation 6)") { upright.photo.upright(.left).width }
    measure("12 MP: screen JPEG of the upright photo (quality 80)") { try upright.jpeg(quality: 80).count }
    measure("12 MP: thumbnail JPEG (longer side 240, quality 80)") { try upright.thumbnailJPEG().count }

    let tray = try Photo.readBytes(path: root + "/lessons/photos/breads3.jpg")
    let trayPhone = Array(tray.prefix(2)) + exifOrientation6() + Array(tray.dropFirst(2))
    print("1280×960 photo: lessons/photos/breads3.jpg, \(tray.count) bytes")
    measure("1280×960: decodeUpright to 1280 (as stored)") {
        try Photo.decodeUpright(data: tray, name: "t", maxDimension: engineSide).photo.width
    }
    measure("1280×960: decodeUpright to 1280, orientation 6") {
        try Photo.decodeUpright(data: trayPhone, name: "t", maxDimension: engineSide).photo.width
    }
    let trayUpright = try Photo.decodeUpright(data: trayPhone, name: "t", maxDimension: engineSide)
    measure("1280×960: screen JPEG (quality 80)") { try trayUpright.jpeg(quality: 80).count }
    measure("1280×960: thumbnail JPEG (240, quality 80)") { try trayUpright.thumbnailJPEG().count }
} catch {
    print("bench failed: \(error)")
    exit(1)
}
