import Testing
@testable import CustomLabels

private let breads = ["あんぱん", "メロンパン", "焼きそばパン"]
private let middle = BoundingBox(width: 0.3, height: 0.4, left: 0.35, top: 0.3)

private func photo(_ name: String, _ labels: [String], sha: String? = nil) -> TrainingPhoto {
    TrainingPhoto(name: name, sha256: sha ?? String(repeating: "0", count: 48) + String(name.utf8.reduce(UInt64(5381)) { $0 &* 33 &+ UInt64($1) }, radix: 16),
                  width: 1280, height: 960, byteCount: 500_000, format: .jpeg,
                  boxes: labels.map { LabelledBox(label: $0, box: middle) })
}

/// The lesson: 30 training photos (10 per label, interleaved) and one test photo per label.
private func lesson() -> TrainingDatasets {
    let training = (0..<30).map { i in photo("train/\(i).jpg", [breads[i % 3]]) }
    let test = breads.map { photo("test/\($0).jpg", [$0]) }
    return TrainingDatasets(labels: breads, training: training, test: test)
}

/// One way to spoil the lesson's datasets, and the problems it must give.
struct SpoiledDatasets: Sendable, CustomTestStringConvertible {
    var testDescription: String
    var spoil: @Sendable (inout TrainingDatasets) -> Void
    var expected: [TrainingProblem]
}

private let cases: [SpoiledDatasets] = [
    SpoiledDatasets(testDescription: "no labels", spoil: { d in
        d.labels = []
        for i in d.training.indices { d.training[i].boxes = [] }
        for i in d.test.indices { d.test[i].boxes = [] }
    }, expected: [.noLabels, .tooFewTrainingImages(count: 0)]),
    SpoiledDatasets(testDescription: "a label without a training box", spoil: { d in
        for i in d.training.indices where d.training[i].boxes.first?.label == "メロンパン" { d.training[i].boxes = [] }
    }, expected: [.labelWithoutBox(label: "メロンパン", dataset: .training)]),
    SpoiledDatasets(testDescription: "a label without a test box", spoil: { d in d.test[2].boxes = [] },
                    expected: [.labelWithoutBox(label: "焼きそばパン", dataset: .test)]),
    SpoiledDatasets(testDescription: "nine training photos", spoil: { d in d.training = Array(d.training.prefix(9)) },
                    expected: [.tooFewTrainingImages(count: 9)]),
    SpoiledDatasets(testDescription: "an empty test set", spoil: { d in d.test = [] }, expected: [.emptyTestSet]),
    SpoiledDatasets(testDescription: "a test photo that is a training photo", spoil: { d in d.test[0].sha256 = d.training[3].sha256.uppercased() },
                    expected: [.testPhotoInTraining(test: "test/あんぱん.jpg", training: "train/3.jpg")]),
    SpoiledDatasets(testDescription: "51 boxes", spoil: { d in d.training[4].boxes = Array(repeating: LabelledBox(label: "メロンパン", box: middle), count: 51) },
                    expected: [.tooManyBoxes(photo: "train/4.jpg", dataset: .training, count: 51)]),
    SpoiledDatasets(testDescription: "a 63-pixel photo", spoil: { d in d.test[1].width = 63 },
                    expected: [.imageDimension(photo: "test/メロンパン.jpg", dataset: .test, width: 63, height: 960)]),
    SpoiledDatasets(testDescription: "a 4097-pixel photo", spoil: { d in d.training[0].height = 4097 },
                    expected: [.imageDimension(photo: "train/0.jpg", dataset: .training, width: 1280, height: 4097)]),
    SpoiledDatasets(testDescription: "a photo over 15 MB", spoil: { d in d.training[2].byteCount = 15 * 1024 * 1024 + 1 },
                    expected: [.imageTooLarge(photo: "train/2.jpg", dataset: .training, bytes: 15 * 1024 * 1024 + 1)]),
    SpoiledDatasets(testDescription: "a GIF", spoil: { d in d.training[5].format = .other("GIF") },
                    expected: [.unsupportedFormat(photo: "train/5.jpg", dataset: .training, format: "GIF")]),
    SpoiledDatasets(testDescription: "a box off the photo", spoil: { d in
        d.training[6].boxes.append(LabelledBox(label: "あんぱん", box: BoundingBox(width: 0.2, height: 0.2, left: 0.9, top: 0.1)))
    }, expected: [.boxOffImage(photo: "train/6.jpg", dataset: .training, box: 1, label: "あんぱん")]),
    SpoiledDatasets(testDescription: "an empty box", spoil: { d in
        d.test[0].boxes[0].box.width = 0
    }, expected: [.boxOffImage(photo: "test/あんぱん.jpg", dataset: .test, box: 0, label: "あんぱん")]),
    SpoiledDatasets(testDescription: "a label not in the project", spoil: { d in d.training[7].boxes.append(LabelledBox(label: "カレーパン", box: middle)) },
                    expected: [.unknownLabel(photo: "train/7.jpg", dataset: .training, label: "カレーパン")]),
]

@Suite struct TrainingValidationTests {
    @Test func theLessonCanBeTrained() {
        #expect(TrainingValidation.problems(lesson()).isEmpty)
        #expect(TrainingValidation.statusMessage([]) == nil)
    }

    @Test(arguments: cases)
    func eachRuleFailsTraining(_ spoiled: SpoiledDatasets) {
        var datasets = lesson()
        spoiled.spoil(&datasets)
        #expect(TrainingValidation.problems(datasets) == spoiled.expected)
    }

    /// The limits themselves are allowed: 10 photos, 50 boxes, 64 and 4096 pixels, exactly 15 MB, a box on the edges.
    @Test func theLimitsThemselvesAreFine() {
        var d = lesson()
        d.training = Array(d.training.prefix(12))
        d.training[0].boxes = Array(repeating: LabelledBox(label: "あんぱん", box: middle), count: 50)
        d.training[1].width = 64
        d.training[1].height = 4096
        d.training[2].byteCount = 15 * 1024 * 1024
        d.training[3].boxes = [LabelledBox(label: "あんぱん", box: BoundingBox(pixelLeft: 0, top: 0, width: 1280, height: 960, imageWidth: 1280, imageHeight: 960))]
        d.training[4].format = .png
        d.training[9].boxes = []
        d.training[10].boxes = []
        #expect(TrainingValidation.problems(d) == [])
        d.training[11].boxes = []
        #expect(TrainingValidation.problems(d) == [.tooFewTrainingImages(count: 9)])
    }

    @Test func moreThan250LabelsFails() {
        var d = lesson()
        d.labels += (1...248).map { "パン\($0)" }
        let problems = TrainingValidation.problems(d)
        #expect(problems.first == .tooManyLabels(count: 251))
        #expect(problems.filter { $0.code == "LabelWithoutBox" }.count == 2 * 248)
    }

    @Test func theStatusMessageSaysWhatToFix() throws {
        let message = try #require(TrainingValidation.statusMessage([.tooFewTrainingImages(count: 9), .emptyTestSet]))
        #expect(message.en == "The training dataset has 9 photos with a box. Use at least 10 training photos, each with its breads boxed. "
            + "The test dataset is empty. Add test photos (not the training photos) with `dataset add test` and box their breads.")
        #expect(message.ja == "トレーニングデータセットで箱の付いた写真は 9 枚です。箱を付けたトレーニング用の写真を 10 枚以上使ってください。"
            + "テストデータセットが空です。`dataset add test` でテスト用の写真 (トレーニング用とは別の写真) を追加し、パンに箱を付けてください。")
    }

    @Test func aLabelWithoutATestBoxIsNamed() {
        let problem = TrainingProblem.labelWithoutBox(label: "メロンパン", dataset: .test)
        #expect(problem.message.en == "The label メロンパン has no box in the test dataset. Box at least one メロンパン in a test photo with `boxes add`, or, if メロンパン is a mistake (a typo), remove it: `dataset label remove メロンパン`.")
        #expect(problem.message.ja == "ラベル「メロンパン」の箱がテストデータセットに 1 つもありません。`boxes add` でテスト用の写真のメロンパンに箱を付けるか、まちがえて作ったラベルなら `dataset label remove メロンパン` で消してください。")
        #expect(TrainingProblem.imageTooLarge(photo: "big.jpg", dataset: .training, bytes: 16 * 1024 * 1024).message.en
            == "big.jpg (the training dataset) is 16 MB; a training photo may be at most 15 MB. Save it smaller (fewer pixels or more JPEG compression).")
    }

    @Test func everyProblemHasAStableCodeAndBothLanguages() {
        var seen = Set<String>()
        for problem in cases.flatMap(\.expected) + [.tooManyLabels(count: 251)] {
            let code = problem.code ?? ""
            #expect(!code.isEmpty && !problem.message.en.isEmpty && !problem.message.ja.isEmpty && problem.message.en != problem.message.ja)
            seen.insert(code)
        }
        #expect(seen.count == 12)
    }
}
