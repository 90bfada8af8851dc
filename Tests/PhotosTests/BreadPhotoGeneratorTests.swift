import CustomLabels
import Foundation
import PanyaTestSupport
import Testing
@testable import PhotoGenerator
@testable import Photos

@Suite struct BreadPhotoGeneratorTests {
    /// Regenerates every lesson photo into a temporary folder: byte-identical to the committed
    /// files (so the generator is deterministic and the committed photos are its output).
    @Test func regeneratesTheCommittedPhotosByteForByte() throws {
        let temporary = try TemporaryFolder(prefix: "panya-photos")
        defer { temporary.remove() }
        let folder = temporary.path
        let entries = try BreadPhotoGenerator.writeLessonPhotos(to: folder)
        #expect(entries.count == LessonPhotoSet.all.count)
        for entry in entries {
            let committed = try TestSupport.lessonBytes(entry.file)
            #expect(PhotoFingerprint.sha256(committed) == entry.sha256, "\(entry.file) differs from the generator's output")
        }
        let manifest = try Photo.readBytes(path: folder + "/manifest.json", limits: .anySize)
        let committedManifest = try Photo.readBytes(path: TestSupport.lessonPhotos + "/manifest.json", limits: .anySize)
        #expect(manifest == committedManifest)
        for manifest in LessonPhotoSet.testManifests {
            let written = try Photo.readBytes(path: folder + "/" + manifest.file, limits: .anySize)
            #expect(written == (try Photo.readBytes(path: TestSupport.lessonPhotos + "/" + manifest.file, limits: .anySize)), "\(manifest.file) differs")
        }
    }

    /// Every test photo is in exactly one Ground Truth manifest lesson 5 imports, but the one the
    /// student boxes by hand; each line holds the boxes the breads were drawn in (whole pixels).
    @Test func theTestManifestsHoldEveryTestPhotoWithItsDrawnBoxes() throws {
        let tests = LessonPhotoSet.all.filter { $0.role == .test }
        let lessonFive = ["test/singles.manifest", LessonPhotoSet.testTraysManifestFile]
        var boxed: [String] = []
        for manifest in LessonPhotoSet.testManifests {
            let text = String(decoding: try Photo.readBytes(path: TestSupport.lessonPhotos + "/" + manifest.file, limits: .anySize), as: UTF8.self)
            let reading = CustomLabels.ManifestReader.read(text)
            #expect(reading.issues.isEmpty && reading.invalidRows == 0)
            let folder = (manifest.file as NSString).deletingLastPathComponent
            for row in reading.rows {
                let file = folder + "/" + row.entry.sourceRef
                if lessonFive.contains(manifest.file) { boxed.append(file) }
                let photo = try #require(tests.first { $0.file == file })
                #expect(row.entry.boxes.map(\.label) == photo.tray.breads.map(\.kind.label))
                for (read, bread) in zip(row.entry.boxes, photo.tray.breads) {
                    // Whole pixels: left and top within half a pixel of the drawn box, right and bottom (sums of two rounded values) within one.
                    #expect(abs(read.box.left - bread.box.left) * 640 <= 0.5 && abs(read.box.top - bread.box.top) * 480 <= 0.5)
                    #expect(abs(read.box.right - bread.box.right) * 640 <= 1 && abs(read.box.bottom - bread.box.bottom) * 480 <= 1)
                }
            }
        }
        #expect(boxed.sorted() == tests.map(\.file).filter { $0 != LessonPhotoSet.handBoxedTestFile }.sorted())
        let oneEach = try #require(LessonPhotoSet.testManifests.first { $0.file == "test/one-each.manifest" })
        #expect(oneEach.files == ["test/anpan.jpg", "test/melonpan.jpg", "test/yakisobapan.jpg"])
    }

    /// Lesson 5 checks the student's box against the box the hand-boxed photo's bread was drawn in,
    /// written in both languages' lesson as `yakisobapan_truth`: it must be the generator's box.
    @Test(arguments: ["05-make-your-own-model.panya", "05-make-your-own-model.en.panya"])
    func lessonFiveKnowsTheTruthOfTheHandBoxedPhoto(lesson: String) throws {
        let photo = try #require(LessonPhotoSet.all.first { $0.file == LessonPhotoSet.handBoxedTestFile })
        let box = try #require(photo.tray.breads.first).box
        let text = try String(contentsOfFile: RepositoryRoot.file("lessons/" + lesson), encoding: .utf8)
        #expect(text.contains(#"let yakisobapan_truth = {"left": \#(box.left), "top": \#(box.top), "width": \#(box.width), "height": \#(box.height)}"#))
        #expect(!text.contains("lessons/photos/" + LessonPhotoSet.handBoxedTestFile + " --label"))
    }

    /// Rewrites `lessons/photos/` when asked: `PANYA_WRITE_LESSON_PHOTOS=1 swift test --filter writeLessonPhotosWhenAsked`.
    /// (Then commit the photos and the manifest, and tell whoever writes the recordings.)
    @Test func writeLessonPhotosWhenAsked() throws {
        guard ProcessInfo.processInfo.environment["PANYA_WRITE_LESSON_PHOTOS"] == "1" else { return }
        try BreadPhotoGenerator.writeLessonPhotos(to: TestSupport.lessonPhotos)
    }

    @Test func sameSpecSamePixels() {
        let tray = LessonPhotoSet.single(.yakisobapan, seed: 5)
        #expect(BreadPhotoGenerator.generate(tray: tray) == BreadPhotoGenerator.generate(tray: tray))
        let other = LessonPhotoSet.single(.yakisobapan, seed: 6)
        #expect(BreadPhotoGenerator.generate(tray: tray).pixels != BreadPhotoGenerator.generate(tray: other).pixels)
    }

    @Test func breads3HoldsTheWalkthroughBoxes() throws {
        let entries = try ManifestReader.entries()
        let breads3 = try #require(entries.first { $0.file == "breads3.jpg" })
        #expect(breads3.width == 1280 && breads3.height == 960)
        #expect(breads3.breads.map(\.name) == ["焼きそばパン", "メロンパン", "あんぱん"])
        // Compare the manifest's text: Foundation's JSON reader on Linux rounds some doubles.
        let text = String(decoding: try Photo.readBytes(path: TestSupport.lessonPhotos + "/manifest.json", limits: .anySize), as: UTF8.self)
        for box in [
            #"{"Name": "焼きそばパン", "BoundingBox": {"Width": 0.41152000427246094, "Height": 0.34727999567985535, "Left": 0.23639999330043793, "Top": 0.08641000092029572}}"#,
            #"{"Name": "メロンパン", "BoundingBox": {"Width": 0.31696000695228577, "Height": 0.48267999291419983, "Left": 0.5984500050544739, "Top": 0.33976998925209045}}"#,
            #"{"Name": "あんぱん", "BoundingBox": {"Width": 0.3001199960708618, "Height": 0.4251999855041504, "Left": 0.1973399966955185, "Top": 0.468860000371933}}"#,
        ] {
            #expect(text.contains(box))
        }
        #expect(LessonPhotoSet.breads3.map(\.box) == Breads3.labels.compactMap(\.boundingBox))
    }

    @Test func theManifestListsTheWalkthroughsPhotos() throws {
        let entries = try ManifestReader.entries()
        for kind in BreadKind.allCases {
            let training = entries.filter { $0.file.hasPrefix("train/\(kind.rawValue)-") }
            #expect(training.count == 10)
            #expect(training.allSatisfy { $0.breads.map(\.name) == [kind.label] })
            let test = try #require(entries.first { $0.file == "test/\(kind.rawValue).jpg" })
            #expect(test.breads.map(\.name) == [kind.label])
            #expect(!training.contains { $0.sha256 == test.sha256 })
        }
        let files = Set(entries.map(\.file))
        for file in ["breads3.jpg", "breads3.png", "tray-two-anpan.jpg", "tray-melon-yakisoba.jpg", "tray-four.jpg"] {
            #expect(files.contains(file))
        }
        #expect(Set(entries.map(\.sha256)).count == entries.count)
        let four = try #require(entries.first { $0.file == "tray-four.jpg" })
        #expect(four.breads.map(\.name).sorted() == ["あんぱん", "あんぱん", "メロンパン", "焼きそばパン"].sorted())
    }

    /// Each bread covers pixels only inside its box and reaches all four sides of it.
    @Test(arguments: LessonPhotoSet.all.filter { $0.file.hasPrefix("breads3") || $0.file.hasPrefix("tray-") || $0.file.hasPrefix("test/") })
    func breadsFillTheirBoxesAndStayInside(photo: LessonPhoto) {
        let w = photo.tray.width, h = photo.tray.height
        for placement in photo.tray.breads {
            let shape = BreadShape(placement: placement, imageWidth: w, imageHeight: h)
            let box = placement.box
            let x0 = box.left * Double(w), y0 = box.top * Double(h)
            let x1 = x0 + box.width * Double(w), y1 = y0 + box.height * Double(h)
            var reach = (left: Double.infinity, top: Double.infinity, right: -Double.infinity, bottom: -Double.infinity)
            let rect = shape.touchedRect(width: w, height: h)
            for y in stride(from: rect.y0, to: rect.y1, by: 2) {
                for x in stride(from: rect.x0, to: rect.x1, by: 2) {
                    let px = Double(x) + 0.5, py = Double(y) + 0.5
                    guard shape.sample(px, py).coverage > 0.5 else { continue }
                    reach = (min(reach.left, px), min(reach.top, py), max(reach.right, px), max(reach.bottom, py))
                }
            }
            let label = "\(photo.file) \(placement.kind)"
            #expect(reach.left >= x0 - 1 && reach.top >= y0 - 1 && reach.right <= x1 + 1 && reach.bottom <= y1 + 1, "\(label) leaves its box")
            // Within 3 % of the box size (the outline wobbles inwards a little) plus the sampling step.
            let slackX = 0.035 * (x1 - x0) + 3, slackY = 0.035 * (y1 - y0) + 3
            #expect(reach.left - x0 < slackX && x1 - reach.right < slackX, "\(label) does not reach its box's sides")
            #expect(reach.top - y0 < slackY && y1 - reach.bottom < slackY, "\(label) does not reach its box's top or bottom")
        }
    }

    @Test func breadLabelsAreTheLessonsExactUTF8() {
        #expect(BreadKind.anpan.label == "あんぱん")
        #expect(BreadKind.melonpan.label == "メロンパン")
        #expect(BreadKind.yakisobapan.label == "焼きそばパン")
        #expect(BreadKind(label: "メロンパン") == .melonpan)
        #expect(BreadKind(label: "クロワッサン") == nil)
    }

    @Test func splitMix64KnownSequence() {
        // Reference values of SplitMix64 seeded with 0.
        var random = SplitMix64(seed: 0)
        #expect(random.next() == 0xE220_A839_7B1D_CDAF)
        #expect(random.next() == 0x6E78_9E6A_A1B9_65F4)
    }

    @Test(arguments: [0.0, 0.3, 1.0, -2.5, 3.141592653589793, 6.0, 10.0])
    func stableSinCosAgreesWithLibm(x: Double) {
        let ours = StableMath.sinCos(x)
        #expect(abs(ours.sin - sin(x)) < 1e-12)
        #expect(abs(ours.cos - cos(x)) < 1e-12)
    }
}
