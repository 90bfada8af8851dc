import CustomLabels
import Foundation
import PanyaSupport
import Session

/// The labelling page's boxes: a dataset photo with its boxes and the engine's proposals, and
/// saving the page's boxes as the photo's rows (the ones `boxes add` / `boxes remove` edit).
enum ConsoleBoxes {
    /// The most boxes one photo may carry (the service's Ground Truth limit).
    static let maxBoxes = 50
    /// The smallest side a box may have, as a ratio of the photo (a click, not a drag, is refused).
    static let minSide = 0.01

    struct PhotoView: Encodable, Sendable {
        var path: String
        var name: String
        var dataset: String
        var width: Int
        var height: Int
        var labels: [String]
        var boxes: [ConsoleProject.BoxJSON]
        var proposals: [ConsoleProject.BoxJSON]
    }

    struct SaveRequest: Decodable, Sendable {
        var path: String
        var boxes: [ConsoleProject.BoxJSON]
    }

    /// A dataset photo with its boxes and the engine's proposals (suggestions, never truth).
    static func photo(_ session: StudentSession, path: String) throws -> PhotoView {
        let trainer = try ConsoleProject.trainer(session)
        let project = try trainer.currentTrainingProject()
        let (kind, photo) = try trainer.datasetPhoto(project: project, path: path)
        let proposals = try trainer.proposals(photoPath: photo.name).map { ConsoleProject.BoxJSON(label: "", left: $0.left, top: $0.top, width: $0.width, height: $0.height) }
        return PhotoView(path: photo.name, name: (photo.name as NSString).lastPathComponent, dataset: kind == .training ? "train" : "test",
                         width: photo.width, height: photo.height, labels: try trainer.datasets(project: project).labels,
                         boxes: photo.boxes.map(ConsoleProject.BoxJSON.init), proposals: proposals)
    }

    /// Replaces the photo's boxes with the page's (last write wins). Every box is checked first,
    /// so a bad one changes nothing; labels not in the project yet are added.
    static func save(_ session: StudentSession, _ request: SaveRequest) throws -> PhotoView {
        let trainer = try ConsoleProject.trainer(session)
        let project = try trainer.currentTrainingProject()
        let (kind, photo) = try trainer.datasetPhoto(project: project, path: request.path)
        guard request.boxes.count <= maxBoxes else { throw ConsoleError.tooManyBoxes(maxBoxes) }
        let boxes = try request.boxes.enumerated().map { index, box in try checked(box, number: index + 1) }
        let known = try trainer.datasets(project: project).labels
        let newLabels = Array(Set(boxes.map(\.label)).subtracting(known)).sorted()
        let labels = newLabels.isEmpty ? known : try trainer.addLabels(project: project, newLabels)
        let saved = try trainer.replaceBoxes(project: project, path: photo.name, boxes: boxes)
        // The page keeps its own suggestions: a save does not run the segmenter again.
        return PhotoView(path: saved.name, name: (saved.name as NSString).lastPathComponent, dataset: kind == .training ? "train" : "test",
                         width: saved.width, height: saved.height, labels: labels,
                         boxes: saved.boxes.map(ConsoleProject.BoxJSON.init), proposals: [])
    }

    /// A box from the page, checked: a label, a size, inside the photo, drawn forwards.
    static func checked(_ box: ConsoleProject.BoxJSON, number: Int) throws -> LabelledBox {
        let label = try checkedLabel(box.label)
        let values = [box.left, box.top, box.width, box.height]
        guard values.allSatisfy(\.isFinite) else { throw ConsoleError.boxOutside(number) }
        guard box.width >= 0, box.height >= 0 else { throw ConsoleError.boxBackwards(number) }
        guard box.width >= minSide, box.height >= minSide else { throw ConsoleError.boxTooSmall(number) }
        let tolerance = 1e-6
        guard box.left >= -tolerance, box.top >= -tolerance, box.left + box.width <= 1 + tolerance, box.top + box.height <= 1 + tolerance else {
            throw ConsoleError.boxOutside(number)
        }
        let left = max(0, box.left), top = max(0, box.top)
        return LabelledBox(label: label, box: BoundingBox(width: min(box.width, 1 - left), height: min(box.height, 1 - top), left: left, top: top))
    }

    /// A label as the service takes it: 1–256 characters, no markup or control characters, trimmed.
    static func checkedLabel(_ text: String) throws -> String {
        let label = text.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !label.isEmpty else { throw ConsoleError.emptyLabel }
        guard TrainingLimits.labelNameLength.contains(label.count) else { throw ConsoleError.labelTooLong(label.count, TrainingLimits.labelNameLength.upperBound) }
        guard !label.contains(where: { "<>&\"`".contains($0) }), !label.unicodeScalars.contains(where: { CharacterSet.controlCharacters.contains($0) }) else {
            throw ConsoleError.labelMarkup
        }
        return label
    }
}
