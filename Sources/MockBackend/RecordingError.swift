import CustomLabels
import PanyaSupport

/// Mistakes in the recordings folder: every one names its file, line, column and key, says
/// what is wrong and how to fix it.
public struct RecordingError: UserFacingError, CustomStringConvertible {
    /// One mistake in one file.
    public struct Issue: Sendable, Equatable, CustomStringConvertible {
        /// The file, relative to the recordings folder (`detections/breads3.json`).
        public var file: String
        /// What and where inside the file.
        public var error: JSONError

        public init(file: String, error: JSONError) {
            self.file = file
            self.error = error
        }

        /// `detections/breads3.json: line 7, column 20, at CustomLabels[0].Confidence: …`.
        public var message: Message { .verbatim(file + ": ") + error.message }

        public var description: String { message.en }
    }

    /// The recordings folder.
    public var directory: String
    /// Every mistake found, file by file.
    public var issues: [Issue]

    public init(directory: String, issues: [Issue]) {
        self.directory = directory
        self.issues = issues
    }

    public var code: String? { "InvalidRecording" }

    public var message: Message {
        var text = Catalog.recordingErrors(count: issues.count, directory: directory)
        for issue in issues { text = text + .verbatim("\n") + issue.message }
        return text
    }

    public var description: String { message.en }
}
