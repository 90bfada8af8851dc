import Photos
import CustomLabels

/// One photo the lessons ship: where it goes under `lessons/photos/`, what it shows, how it is saved.
public struct LessonPhoto: Sendable, Equatable {
    /// What the photo is for in the walkthrough.
    public enum Role: String, Sendable, Equatable {
        /// A tray to detect on.
        case detect
        /// A training photo (10 per label).
        case train
        /// A test photo (lesson 5: 3 single breads per label and 6 trays of three; never a training photo).
        case test
        /// A training photo added in the improvement lesson (あんぱん with the navel off-centre).
        case improve
    }

    /// Path relative to `lessons/photos/`, e.g. `train/anpan-01.jpg`.
    public var file: String
    /// What the photo is for.
    public var role: Role
    /// How it is saved.
    public var format: ImageFormat
    /// What is drawn.
    public var tray: TraySpec

    /// A lesson photo entry.
    public init(file: String, role: Role, format: ImageFormat, tray: TraySpec) {
        self.file = file
        self.role = role
        self.format = format
        self.tray = tray
    }
}

/// The photos `lessons/photos/` holds, all drawn by `BreadPhotoGenerator`.
public enum LessonPhotoSet {
    /// The JPEG quality of every shipped JPEG.
    public static let jpegQuality = 85

    /// The boxes of breads3.jpg: exactly the walkthrough's published boxes, the breads drawn inside them.
    public static let breads3: [BreadPlacement] = [
        BreadPlacement(kind: .yakisobapan,
                       box: BoundingBox(width: 0.41152000427246094, height: 0.34727999567985535, left: 0.23639999330043793, top: 0.08641000092029572),
                       rotation: 0.10, seed: 301),
        BreadPlacement(kind: .melonpan,
                       box: BoundingBox(width: 0.31696000695228577, height: 0.48267999291419983, left: 0.5984500050544739, top: 0.33976998925209045),
                       rotation: 0.3, seed: 302),
        BreadPlacement(kind: .anpan,
                       box: BoundingBox(width: 0.3001199960708618, height: 0.4251999855041504, left: 0.1973399966955185, top: 0.468860000371933),
                       rotation: 0, seed: 303),
    ]

    /// Every photo, in manifest order.
    public static var all: [LessonPhoto] {
        var photos: [LessonPhoto] = []
        let breads3Tray = TraySpec(width: 1280, height: 960, breads: breads3, seed: 3, light: 1.0, warmth: 0.1)
        photos.append(LessonPhoto(file: "breads3.jpg", role: .detect, format: .jpeg, tray: breads3Tray))
        photos.append(LessonPhoto(file: "breads3.png", role: .detect, format: .png, tray: breads3Tray))
        photos.append(LessonPhoto(file: "tray-two-anpan.jpg", role: .detect, format: .jpeg, tray: TraySpec(
            width: 1280, height: 960,
            breads: [
                BreadPlacement(kind: .anpan, box: BoundingBox(width: 0.3, height: 0.41, left: 0.14, top: 0.2), rotation: 0.4, seed: 411),
                BreadPlacement(kind: .anpan, box: BoundingBox(width: 0.285, height: 0.39, left: 0.55, top: 0.4), rotation: 1.1, seed: 412),
            ],
            seed: 41, light: 0.97, warmth: 0.2)))
        photos.append(LessonPhoto(file: "tray-melon-yakisoba.jpg", role: .detect, format: .jpeg, tray: TraySpec(
            width: 1280, height: 960,
            breads: [
                BreadPlacement(kind: .melonpan, box: BoundingBox(width: 0.33, height: 0.45, left: 0.12, top: 0.3), rotation: 0.2, seed: 421),
                BreadPlacement(kind: .yakisobapan, box: BoundingBox(width: 0.4, height: 0.48, left: 0.5, top: 0.22), rotation: -0.7, seed: 422),
            ],
            seed: 42, light: 1.03, warmth: -0.1)))
        photos.append(LessonPhoto(file: "tray-four.jpg", role: .detect, format: .jpeg, tray: TraySpec(
            width: 1280, height: 960,
            breads: [
                BreadPlacement(kind: .anpan, box: BoundingBox(width: 0.22, height: 0.3, left: 0.1, top: 0.12), rotation: 0.7, seed: 431),
                BreadPlacement(kind: .anpan, box: BoundingBox(width: 0.21, height: 0.29, left: 0.1, top: 0.56), rotation: 2.0, seed: 432),
                BreadPlacement(kind: .melonpan, box: BoundingBox(width: 0.26, height: 0.36, left: 0.38, top: 0.52), rotation: 0.5, seed: 433),
                BreadPlacement(kind: .yakisobapan, box: BoundingBox(width: 0.5, height: 0.3, left: 0.4, top: 0.1), rotation: 0.15, seed: 434),
            ],
            seed: 43, light: 0.95, warmth: 0.0)))
        for kind in BreadKind.allCases {
            for index in 1...10 {
                let seed = UInt64(1000 * (kind.ordinal + 1) + index)
                photos.append(LessonPhoto(file: "train/\(kind.rawValue)-\(index < 10 ? "0" : "")\(index).jpg", role: .train,
                                          format: .jpeg, tray: single(kind, seed: seed)))
            }
        }
        for kind in BreadKind.allCases {
            photos.append(LessonPhoto(file: "test/\(kind.rawValue).jpg", role: .test, format: .jpeg,
                                      tray: single(kind, seed: UInt64(9000 + kind.ordinal))))
        }
        // More test photos, so that an assumed threshold rests on more than one bread per label:
        // two more single breads per label and six trays of three breads like the ones detected on.
        for index in 2...3 {
            for kind in BreadKind.allCases {
                photos.append(LessonPhoto(file: "test/\(kind.rawValue)-\(index).jpg", role: .test, format: .jpeg,
                                          tray: single(kind, seed: UInt64(9000 + 100 * (index - 1) + kind.ordinal))))
            }
        }
        for index in 1...testTrayCount {
            photos.append(LessonPhoto(file: "test/tray-\(index).jpg", role: .test, format: .jpeg, tray: testTray(seed: UInt64(9500 + index))))
        }
        for index in 1...offCentreNavelCount {
            photos.append(LessonPhoto(file: "improve/anpan-navel-0\(index).jpg", role: .improve, format: .jpeg,
                                      tray: offCentreNavel(seed: UInt64(5000 + index))))
        }
        photos.append(LessonPhoto(file: "improve/tray-navel.jpg", role: .detect, format: .jpeg, tray: navelTray))
        return photos
    }

    /// The manifest of the test trays, under `lessons/photos/`.
    public static let testTraysManifestFile = "test/trays.manifest"

    /// The test trays (`test/tray-1.jpg` …), in manifest order.
    public static var testTrayFiles: [String] { (1...testTrayCount).map { "test/tray-\($0).jpg" } }

    /// The test photo lesson 5 leaves out of its manifests: the student boxes it by hand.
    public static let handBoxedTestFile = "test/yakisobapan.jpg"

    /// The single-bread test photos, 3 per label, label by label (`test/anpan.jpg`, `test/anpan-2.jpg`, …, `test/yakisobapan-3.jpg`).
    public static var singleTestFiles: [String] {
        BreadKind.allCases.flatMap { kind in ["test/\(kind.rawValue).jpg", "test/\(kind.rawValue)-2.jpg", "test/\(kind.rawValue)-3.jpg"] }
    }

    /// Every Ground Truth manifest of test photos written beside them, with the photos it holds:
    /// `test/singles.manifest` (lesson 5: every single-bread test photo but the one the student boxes),
    /// `test/one-each.manifest` (lesson 6: the first test photo of each label), `test/trays.manifest`.
    public static var testManifests: [(file: String, files: [String])] {
        [("test/singles.manifest", singleTestFiles.filter { $0 != handBoxedTestFile }),
         ("test/one-each.manifest", BreadKind.allCases.map { "test/\($0.rawValue).jpg" }),
         (testTraysManifestFile, testTrayFiles)]
    }

    /// How many trays of three breads the test photos hold (`test/tray-N.jpg`, in `test/trays.manifest`).
    public static let testTrayCount = 6

    /// A 640×480 tray like the ones students detect on: one bread of each kind, each of a size, place
    /// and turn drawn from `seed` (breads a fifth smaller than the single-bread photos', as on a
    /// tray of three), not touching, inside the tray; light and warmth varied. Boxes rounded to 4 decimals.
    public static func testTray(seed: UInt64) -> TraySpec {
        var random = SplitMix64(seed: seed)
        func round4(_ value: Double) -> Double { (value * 10000).rounded() / 10000 }
        let aspect = 480.0 / 640.0
        var breads: [BreadPlacement] = []
        for kind in BreadKind.allCases {
            for _ in 0..<400 {
                let size: (Double, Double)
                switch kind {
                case .anpan, .melonpan:
                    let side = random.uniform(0.19, 0.27) * 0.8
                    size = (side, side * random.uniform(0.95, 1.05) / aspect)
                case .yakisobapan:
                    size = (random.uniform(0.30, 0.40) * 0.8, random.uniform(0.16, 0.23) * 0.8 / aspect)
                }
                // Inside the tray's inner part (a margin of about 11 % on every side), 2 % apart.
                let box = BoundingBox(width: round4(size.0), height: round4(size.1),
                                      left: round4(random.uniform(0.115, 0.885 - size.0)), top: round4(random.uniform(0.11, 0.89 - size.1)))
                let gap = 0.02
                if breads.contains(where: { other in
                    box.left < other.box.right + gap && other.box.left < box.right + gap && box.top < other.box.bottom + gap && other.box.top < box.bottom + gap
                }) { continue }
                let turn = random.uniform(-StableMath.pi, StableMath.pi)
                breads.append(BreadPlacement(kind: kind, box: box, rotation: kind == .yakisobapan ? turn * 0.3 : turn, seed: random.next()))
                break
            }
        }
        return TraySpec(width: 640, height: 480, breads: breads, seed: seed &+ 77, light: random.uniform(0.86, 1.1), warmth: random.uniform(-0.5, 0.5))
    }

    /// How many training photos of あんぱん with an off-centre navel the improvement lesson adds.
    public static let offCentreNavelCount = 5

    /// How far off-centre the improvement lesson's あんぱん navels sit (share of the radius).
    public static let navelOffset = 0.5

    /// A 640×480 tray with one あんぱん whose navel sits off-centre (like `single`).
    public static func offCentreNavel(seed: UInt64) -> TraySpec {
        var tray = single(.anpan, seed: seed)
        tray.breads[0].navelOffset = navelOffset
        return tray
    }

    /// The improvement lesson's tray: one あんぱん with its navel off-centre (a tray like the test
    /// photos). Chosen by measurement (bench/vision): a model trained on train/ gives it less than
    /// the あんぱん test photo, so it is missed; trained on train/ + improve/, more, so it is found.
    public static var navelTray: TraySpec { offCentreNavel(seed: 5153) }

    /// A 640×480 tray with one bread of `kind`, its size, place, turn and light varied by `seed`.
    /// Box values are rounded to 4 decimals so the manifest reads cleanly.
    public static func single(_ kind: BreadKind, seed: UInt64) -> TraySpec {
        var random = SplitMix64(seed: seed)
        func round4(_ value: Double) -> Double { (value * 10000).rounded() / 10000 }
        let width = 640.0, height = 480.0
        let sidePixels: (Double, Double)
        switch kind {
        case .anpan, .melonpan:
            let size = random.uniform(170, 260)
            sidePixels = (size, size * random.uniform(0.95, 1.05))
        case .yakisobapan:
            sidePixels = (random.uniform(280, 380), random.uniform(150, 230))
        }
        let left = random.uniform(0.08 * width, width * 0.92 - sidePixels.0)
        let top = random.uniform(0.08 * height, height * 0.92 - sidePixels.1)
        let box = BoundingBox(width: round4(sidePixels.0 / width), height: round4(sidePixels.1 / height),
                              left: round4(left / width), top: round4(top / height))
        let rotation = random.uniform(-StableMath.pi, StableMath.pi)
        let light = random.uniform(0.88, 1.08)
        let warmth = random.uniform(-0.4, 0.5)
        let breadSeed = random.next()
        return TraySpec(width: 640, height: 480,
                        breads: [BreadPlacement(kind: kind, box: box, rotation: kind == .yakisobapan ? rotation * 0.3 : rotation, seed: breadSeed)],
                        seed: seed &+ 77, light: light, warmth: warmth)
    }
}

extension BreadKind {
    /// 0, 1, 2 in the order of `allCases`.
    var ordinal: Int { BreadKind.allCases.firstIndex(of: self) ?? 0 }
}
