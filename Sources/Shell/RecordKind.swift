/// The `kind` of every record the shell's commands return (scripts see it with `type`… as "record";
/// the prompt picks the human form by kind).
enum RecordKind {
    static let project = "project"
    static let model = "model"
    static let threshold = "threshold"
    static let labelEvaluation = "label_evaluation"
    static let evaluation = "evaluation"
    static let detectResult = "detect_result"
    static let detection = "detection"
    static let inspection = "inspection"
    static let inspectionRow = "inspection_row"
    static let photoEntry = "photo"
    static let clock = "clock"
    static let bill = "bill"
    static let billLine = "bill_line"
    static let backend = "backend"
    static let registerLine = "register_line"
    static let registerTotal = "register_total"
    static let receipt = "receipt"
    static let lessonEntry = "lesson"
    static let recording = "recording"
}
