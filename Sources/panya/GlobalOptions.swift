import ArgumentParser
import CustomLabels
import PanyaSupport
import Session
import Shell

/// Options every panya command accepts.
struct GlobalOptions: ParsableArguments {
    @Option(help: "Custom Labels backend: mock (offline, recordings) or aws (live).")
    var backend: String = "mock"

    @Option(name: .customLong("mock-dir"), help: "Folder of recorded responses for the mock backend.")
    var mockDir: String?

    @Option(help: "SQLite database path (':memory:' keeps nothing). Default: PANYA_DB, else $XDG_DATA_HOME/panya/panya.sqlite.")
    var db: String?

    @Option(help: "Message language: ja or en. Default: PANYA_LANG, else LANG.")
    var lang: String?

    @Option(help: "AWS profile (aws backend).")
    var profile: String?

    @Option(help: "AWS region (aws backend).")
    var region: String?

    @Option(name: .customLong("endpoint-url"), help: "Rekognition endpoint URL (aws backend).")
    var endpointURL: String?

    @Option(name: .customLong("training-bucket"), help: "S3 bucket `train` uploads to (aws backend). Default: PANYA_TRAINING_BUCKET.")
    var trainingBucket: String?

    @Flag(name: .customLong("no-color"), help: "Never use colour.")
    var noColor = false

    @Option(help: "Student name for lesson progress. Default: the login name.")
    var student: String?

    func validate() throws {
        guard BackendKind(rawValue: backend) != nil else {
            throw ValidationError("--backend must be 'mock' or 'aws', not '\(backend)'.")
        }
        if let db, db.isEmpty {
            throw ValidationError("--db needs a file: give a path, or --db :memory: to keep nothing.")
        }
        if let lang, UILanguage(code: lang) == nil {
            throw ValidationError("--lang must be 'ja' or 'en', not '\(lang)'.")
        }
    }

    /// The session options these flags describe.
    func shellOptions() -> ShellOptions {
        var options = ShellOptions()
        options.backend = BackendKind(rawValue: backend) ?? .mock
        options.mockDirectory = mockDir
        options.databasePath = db
        options.language = UILanguage.resolve(flag: lang)
        options.terminal = Terminal.detect(noColorFlag: noColor)
        options.profile = profile
        options.region = region
        options.endpointURL = endpointURL
        options.trainingBucket = trainingBucket
        options.student = student
        return options
    }
}
