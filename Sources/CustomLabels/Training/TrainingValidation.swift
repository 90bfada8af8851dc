import PanyaSupport

/// The checks the service makes before training: every problem that would make a new version
/// `TRAINING_FAILED`, in a fixed order (project, training dataset, test dataset, each photo in
/// order), so the same datasets always give the same status message.
///
/// Rules (the service's limits, as in ``TrainingLimits``): 1 to 250 labels; every label has a box in the training dataset and
/// in the test dataset; at least 10 training photos with a box (photos without a box are not used
/// by the service, so they do not count); a test dataset with at least one photo; no test photo that
/// is also a training photo (same SHA-256); per photo JPEG or PNG, 64–4096 pixels a side, at most
/// 15 MB, at most 50 boxes, every box inside the photo and labelled with one of the project's labels.
public enum TrainingValidation {
    /// How far a box may poke out of its photo, in ratios of the photo (rounding of pixels to ratios).
    public static let boxTolerance = 1e-9

    /// Every problem with these datasets; empty when training can start.
    public static func problems(_ datasets: TrainingDatasets) -> [TrainingProblem] {
        var problems: [TrainingProblem] = []
        let labels = Set(datasets.labels)
        if datasets.labels.isEmpty { problems.append(.noLabels) }
        if labels.count > TrainingLimits.maximumLabels { problems.append(.tooManyLabels(count: labels.count)) }

        for kind in DatasetKind.allCases {
            let photos = datasets.photos(kind)
            if kind == .test && photos.isEmpty { problems.append(.emptyTestSet) }
            if kind == .training {
                let boxed = photos.filter { !$0.boxes.isEmpty }.count
                if boxed < TrainingLimits.minimumTrainingImages { problems.append(.tooFewTrainingImages(count: boxed)) }
            }
            // An empty test set is reported once, not once per label.
            if !(kind == .test && photos.isEmpty) {
                let labelled = Set(photos.flatMap { $0.boxes.map(\.label) })
                var reported = Set<String>()
                for label in datasets.labels where !labelled.contains(label) && reported.insert(label).inserted {
                    problems.append(.labelWithoutBox(label: label, dataset: kind))
                }
            }
            for photo in photos { problems += self.problems(photo, in: kind, labels: labels) }
        }

        var trainingByHash: [String: String] = [:]
        for photo in datasets.training where trainingByHash[photo.sha256.lowercased()] == nil {
            trainingByHash[photo.sha256.lowercased()] = photo.name
        }
        for photo in datasets.test {
            if let training = trainingByHash[photo.sha256.lowercased()] {
                problems.append(.testPhotoInTraining(test: photo.name, training: training))
            }
        }
        return problems
    }

    /// The problems of one photo.
    static func problems(_ photo: TrainingPhoto, in kind: DatasetKind, labels: Set<String>) -> [TrainingProblem] {
        var problems: [TrainingProblem] = []
        if case .other(let name) = photo.format {
            problems.append(.unsupportedFormat(photo: photo.name, dataset: kind, format: name))
        }
        if !TrainingLimits.imageSide.contains(photo.width) || !TrainingLimits.imageSide.contains(photo.height) {
            problems.append(.imageDimension(photo: photo.name, dataset: kind, width: photo.width, height: photo.height))
        }
        if photo.byteCount > TrainingLimits.maximumImageBytes {
            problems.append(.imageTooLarge(photo: photo.name, dataset: kind, bytes: photo.byteCount))
        }
        if photo.boxes.count > TrainingLimits.maximumBoxesPerImage {
            problems.append(.tooManyBoxes(photo: photo.name, dataset: kind, count: photo.boxes.count))
        }
        var unknown = Set<String>()
        for (index, labelled) in photo.boxes.enumerated() {
            if !labels.contains(labelled.label) && unknown.insert(labelled.label).inserted {
                problems.append(.unknownLabel(photo: photo.name, dataset: kind, label: labelled.label))
            }
            if !isInsideImage(labelled.box) {
                problems.append(.boxOffImage(photo: photo.name, dataset: kind, box: index, label: labelled.label))
            }
        }
        return problems
    }

    /// True when a box has a positive size and lies inside the photo (0…1 on both axes, with ``boxTolerance``).
    public static func isInsideImage(_ box: BoundingBox) -> Bool {
        let values = [box.left, box.top, box.width, box.height]
        guard values.allSatisfy(\.isFinite), box.width > 0, box.height > 0 else { return false }
        return box.left >= -boxTolerance && box.top >= -boxTolerance
            && box.right <= 1 + boxTolerance && box.bottom <= 1 + boxTolerance
    }

    /// The version's `StatusMessage` for these problems: every problem's sentence, in order, on one
    /// line; nil when there is none.
    public static func statusMessage(_ problems: [TrainingProblem]) -> Message? {
        guard let first = problems.first else { return nil }
        return problems.dropFirst().reduce(first.message) { $0 + Message(en: " ", ja: "") + $1.message }
    }
}
