import CustomLabels
import PhotoGenerator
import Photos
import Testing
@testable import BreadVision

@Suite struct BreadFeaturesTests {
    static func features(_ tray: TraySpec) throws -> [Double] {
        let segmentation = BreadSegmenter.segment(BreadPhotoGenerator.generate(tray: tray))
        let region = try #require(segmentation.regions.first)
        return BreadFeatures.extract(region: region, in: segmentation)
    }

    static func tray(_ kind: BreadKind, rotation: Double = 0, light: Double = 1, warmth: Double = 0) -> TraySpec {
        TraySpec(width: 320, height: 240,
                 breads: [BreadPlacement(kind: kind, box: BoundingBox(width: 0.34, height: 0.45, left: 0.3, top: 0.25), rotation: rotation, seed: 7)],
                 seed: 3, light: light, warmth: warmth)
    }

    @Test func givesTheAnnouncedNumberOfFeatures() throws {
        #expect(try Self.features(Self.tray(.anpan)).count == BreadFeatures.count)
        #expect(try Self.features(Self.tray(.yakisobapan)).count == BreadFeatures.count)
    }

    /// Colour is measured against the tray: dimmer, warmer light barely moves the mean
    /// brightness and chromaticities (features 0, 2, 4), while another bread moves them a lot.
    @Test func colourSurvivesTheLight() throws {
        let normal = try Self.features(Self.tray(.anpan))
        let dim = try Self.features(Self.tray(.anpan, light: 0.88, warmth: 0.4))
        let melon = try Self.features(Self.tray(.melonpan))
        for k in [0, 2, 4] {
            #expect(abs(normal[k] - dim[k]) < 0.04, "feature \(k): \(normal[k]) vs \(dim[k])")
            #expect(abs(normal[k] - melon[k]) > 3 * abs(normal[k] - dim[k]), "feature \(k)")
        }
    }

    /// Elongation (feature 50) is the same whichever way the bread lies.
    @Test func shapeSurvivesTurning() throws {
        // The box fits the bread's extent: 160×72 pixels lying down, 72×160 standing up.
        func yakisoba(_ box: BoundingBox, _ rotation: Double) -> TraySpec {
            TraySpec(width: 320, height: 240, breads: [BreadPlacement(kind: .yakisobapan, box: box, rotation: rotation, seed: 7)], seed: 3)
        }
        let long = try Self.features(yakisoba(BoundingBox(width: 0.5, height: 0.3, left: 0.25, top: 0.35), 0))
        let turned = try Self.features(yakisoba(BoundingBox(width: 0.225, height: 0.6667, left: 0.4, top: 0.17), 1.5707963267948966))
        let round = try Self.features(Self.tray(.melonpan))
        #expect(abs(long[50] - turned[50]) < 0.25, "\(long[50]) vs \(turned[50])")
        #expect(long[50] > 1.6 && round[50] < 1.3, "\(long[50]) \(round[50])")
    }
}
