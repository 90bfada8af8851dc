import ArgumentParser
import CustomLabels
import PanyaSupport
import Session
import Shell

/// Options every panya command accepts.
struct GlobalOptions: ParsableArguments {
    @Option(help: HelpLanguage.help(Catalog.cliBackend))
    var backend: String = "mock"

    @Option(name: .customLong("mock-dir"), help: HelpLanguage.help(Catalog.cliMockDir))
    var mockDir: String?

    @Option(help: HelpLanguage.help(Catalog.cliDatabase))
    var db: String?

    @Option(help: HelpLanguage.help(Catalog.cliLanguage))
    var lang: String?

    @Option(help: HelpLanguage.help(Catalog.cliProfile))
    var profile: String?

    @Option(help: HelpLanguage.help(Catalog.cliRegion))
    var region: String?

    @Option(name: .customLong("endpoint-url"), help: HelpLanguage.help(Catalog.cliEndpointURL))
    var endpointURL: String?

    @Option(name: .customLong("training-bucket"), help: HelpLanguage.help(Catalog.cliTrainingBucket))
    var trainingBucket: String?

    @Flag(name: .customLong("no-color"), help: HelpLanguage.help(Catalog.cliNoColor))
    var noColor = false

    @Option(help: HelpLanguage.help(Catalog.cliStudent))
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
