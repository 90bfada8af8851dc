import CustomLabels
import Foundation
import PanyaTestSupport
import Testing
@testable import Photos

/// The walkthrough's three detections on breads3.jpg (mock-responses/detections/breads3.json).
enum Breads3 {
    static let labels: [CustomLabel] = [
        CustomLabel(name: "焼きそばパン", confidence: 90.44999694824219,
                    boundingBox: BoundingBox(width: 0.41152000427246094, height: 0.34727999567985535, left: 0.23639999330043793, top: 0.08641000092029572)),
        CustomLabel(name: "メロンパン", confidence: 88.00399780273438,
                    boundingBox: BoundingBox(width: 0.31696000695228577, height: 0.48267999291419983, left: 0.5984500050544739, top: 0.33976998925209045)),
        CustomLabel(name: "あんぱん", confidence: 77.53700256347656,
                    boundingBox: BoundingBox(width: 0.3001199960708618, height: 0.4251999855041504, left: 0.1973399966955185, top: 0.468860000371933)),
    ]
    static var boxes: [AnnotatedBox] { AnnotatedBox.from(labels) }
}

@Suite struct BoxDrawingTests {
    @Test func boxesAreColouredInPaletteOrder() {
        let boxes = Breads3.boxes
        #expect(boxes.map(\.color) == [RGB.box(0), RGB.box(1), RGB.box(2)])
        #expect(boxes[0].label == "焼きそばパン" && boxes[0].confidence == 90.44999694824219)
        let rect = boxes[2].pixelRect(width: 1280, height: 960)
        #expect(rect.map { Int($0.x) } == 252)
    }

    @Test func outlinesAreDrawnOnTheBoxEdges() throws {
        let photo = try Photo.load(path: TestSupport.lessonPhotos + "/breads3.jpg")
        let drawn = BoxDrawing.drawBoxes(photo, boxes: Breads3.boxes)
        #expect(drawn.width == photo.width && drawn.height == photo.height)
        // Left edge of the anpan box, halfway down: the third palette colour (green).
        let rect = try #require(Breads3.boxes[2].pixelRect(width: 1280, height: 960))
        let edge = drawn.pixel(x: Int(rect.x) + 2, y: Int(rect.y + rect.height / 2))
        #expect(edge == RGB.box(2))
        // The middle of the box is untouched.
        let inside = (Int(rect.x + rect.width / 2), Int(rect.y + rect.height / 2))
        #expect(drawn.pixel(x: inside.0, y: inside.1) == photo.pixel(x: inside.0, y: inside.1))
    }

    @Test func tagsNameTheBreadInLetters() {
        #expect(BoxDrawing.tagText(number: 1, item: Breads3.boxes[0]) == "1 yakisobapan 90.45%")
        let ascii = AnnotatedBox(box: nil, label: "anpan", confidence: 81.7, color: RGB.box(0))
        #expect(BoxDrawing.tagText(number: 2, item: ascii) == "2 anpan 81.70%")
    }

    @Test(arguments: [("めろんぱん", "meronpan"), ("クロワッサン", "kurowassan"), ("しょくぱん", "shokupan"), ("チーズパン", "chiizupan")])
    func kanaLabelsAreSpeltInLetters(label: String, letters: String) {
        let item = AnnotatedBox(box: nil, label: label, confidence: 50, color: RGB.box(0))
        #expect(BoxDrawing.tagText(number: 3, item: item) == "3 \(letters) 50.00%")
    }

    @Test func aLabelWithKanjiThatIsNoKnownBreadKeepsOnlyItsNumber() {
        let item = AnnotatedBox(box: nil, label: "食パン", confidence: 50, color: RGB.box(0))
        #expect(BoxDrawing.tagText(number: 4, item: item) == "4 50.00%")
    }

    @Test(arguments: [ImageFormat.jpeg, .png])
    func annotatedPhotoIsWrittenAndDecodesAgain(format: ImageFormat) throws {
        let temporary = try TemporaryFolder(prefix: "panya-photos")
        defer { temporary.remove() }
        let folder = temporary.path
        let photo = try Photo.load(path: TestSupport.lessonPhotos + "/breads3.png")
        let path = folder + "/annotated." + format.fileExtensions[0]
        try BoxDrawing.writeAnnotated(photo, boxes: Breads3.boxes, to: path, format: format)
        let again = try Photo.load(path: path)
        if let preview = ProcessInfo.processInfo.environment["PANYA_PHOTO_PREVIEW"] {   // a development aid
            try Photo.write(try again.encodePNG(), to: preview + "/annotated.png")
        }
        #expect(again.format == format)
        #expect(again.width == 1280 && again.height == 960)
        let rect = try #require(Breads3.boxes[0].pixelRect(width: 1280, height: 960))
        let edge = again.pixel(x: Int(rect.x + rect.width / 2), y: Int(rect.y) + 2)
        #expect(edge.r > 180 && edge.g < 90 && edge.b < 90)   // red survives JPEG (and PNG)
    }

    @Test func boxesOutsideThePictureAreSkipped() throws {
        let photo = TestSupport.picture(width: 64, height: 64)
        let outside = AnnotatedBox(box: BoundingBox(width: 0.2, height: 0.2, left: 1.5, top: 1.5), label: "x", color: RGB.box(0))
        let none = AnnotatedBox(box: nil, label: "whole", color: RGB.box(1))
        #expect(BoxDrawing.drawBoxes(photo, boxes: [outside, none]) == Canvas(photo: photo).photo)
    }
}
