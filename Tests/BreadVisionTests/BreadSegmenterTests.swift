import CustomLabels
import PhotoGenerator
import Photos
import Testing
@testable import BreadVision

@Suite struct BreadSegmenterTests {
    /// Every bread of `tray` has a region at IoU ≥ 0.5, and there are no other regions.
    static func expectFound(_ tray: TraySpec, _ segmentation: BreadSegmentation, sourceLocation: SourceLocation = #_sourceLocation) {
        #expect(segmentation.regions.count == tray.breads.count, "regions \(segmentation.regions.map(\.box))", sourceLocation: sourceLocation)
        for bread in tray.breads {
            let best = segmentation.regions.map { $0.box.intersectionOverUnion(bread.box) }.max() ?? 0
            #expect(best >= 0.5, "\(bread.kind) at \(bread.box): best IoU \(best)", sourceLocation: sourceLocation)
        }
    }

    @Test(arguments: [UInt64(1), 2, 3])
    func separatesBreadsThatTouch(seed: UInt64) {
        let tray = VisionTestSupport.heldOutTray(seed: 200 + seed, count: 2, touching: true)
        #expect(tray.breads.count == 2)
        let a = tray.breads[0].box, b = tray.breads[1].box
        #expect(a.intersection(b) != nil, "the two boxes overlap, so the breads touch")
        Self.expectFound(tray, BreadSegmenter.segment(BreadPhotoGenerator.generate(tray: tray)))
    }

    @Test(arguments: [0.35, -0.6, 1.2])
    func findsBreadsOnATurnedTray(rotation: Double) {
        let tray = VisionTestSupport.heldOutTray(seed: 100, count: 3, trayRotation: rotation)
        #expect(tray.breads.count >= 2)
        Self.expectFound(tray, BreadSegmenter.segment(BreadPhotoGenerator.generate(tray: tray)))
    }

    @Test func findsBreadsInA64PixelPhoto() {
        let tray = VisionTestSupport.heldOutTray(seed: 77, width: 64, height: 48, count: 2)
        let photo = BreadPhotoGenerator.generate(tray: tray)
        let segmentation = BreadSegmenter.segment(photo)
        #expect(segmentation.image.factor == 1)
        Self.expectFound(tray, segmentation)
    }

    @Test func anEmptyTrayHasNoRegions() {
        let photo = BreadPhotoGenerator.generate(tray: TraySpec(width: 320, height: 240, breads: [], seed: 5, light: 0.9, warmth: 0.3))
        #expect(BreadSegmenter.segment(photo).regions.isEmpty)
        let turned = BreadPhotoGenerator.generate(tray: TraySpec(width: 320, height: 240, breads: [], seed: 6, trayRotation: 0.5))
        #expect(BreadSegmenter.segment(turned).regions.isEmpty)
    }

    @Test func numbersRegionsInReadingOrder() {
        // Top row: a bread on the right a little higher than the one on the left; then one below.
        let tray = TraySpec(width: 320, height: 240, breads: [
            BreadPlacement(kind: .melonpan, box: BoundingBox(width: 0.22, height: 0.28, left: 0.12, top: 0.14), seed: 1),
            BreadPlacement(kind: .anpan, box: BoundingBox(width: 0.2, height: 0.26, left: 0.6, top: 0.1), seed: 2),
            BreadPlacement(kind: .yakisobapan, box: BoundingBox(width: 0.36, height: 0.24, left: 0.3, top: 0.6), seed: 3),
        ], seed: 9)
        let regions = BreadSegmenter.segment(BreadPhotoGenerator.generate(tray: tray)).regions
        #expect(regions.map(\.number) == [1, 2, 3])
        let matched = regions.map { region in tray.breads.firstIndex { $0.box.intersectionOverUnion(region.box) >= 0.5 } }
        #expect(matched == [0, 1, 2])
    }

    @Test func findsADecoyAsARegion() {
        var tray = VisionTestSupport.heldOutTray(seed: 301, count: 1)
        tray.decoys = [DecoyPlacement(kind: .napkin, box: BoundingBox(width: 0.26, height: 0.33, left: 0.6, top: 0.3), rotation: 0.3, seed: 1)]
        let regions = BreadSegmenter.segment(BreadPhotoGenerator.generate(tray: tray)).regions
        #expect(regions.contains { $0.box.intersectionOverUnion(tray.decoys[0].box) >= 0.5 })
    }

    @Test func workingImageKeepsSmallPhotosAndReducesLargeOnes() throws {
        let small = try #require(Photo(width: 100, height: 80, pixels: [UInt8](repeating: 200, count: 100 * 80 * 3)))
        #expect(WorkingImage(photo: small).factor == 1)
        let large = try #require(Photo(width: 1283, height: 962, pixels: [UInt8](repeating: 90, count: 1283 * 962 * 3)))
        let image = WorkingImage(photo: large)
        #expect(image.factor == 5)
        #expect(image.width == 257 && image.height == 193)
        #expect(image.pixels.allSatisfy { $0 == 90 })
        let box = image.box(x0: 0, y0: 0, x1: image.width, y1: image.height)
        #expect(box == BoundingBox(width: 1, height: 1, left: 0, top: 0))
    }
}
