import ArgumentParser
import PanyaClass
import PanyaSupport

/// `panya class`: the register screen, the shell and the lessons, and a teacher's view, for a
/// whole class in their browsers (offline: nothing is fetched from outside).
struct ClassCommand: ParsableCommand {
    static var configuration: CommandConfiguration {
        CommandConfiguration(commandName: "class", abstract: HelpLanguage.text(Catalog.cliClassAbstract),
                             discussion: HelpLanguage.text(Catalog.cliClassDiscussion))
    }

    /// `--mock-dir`, `--db` (the class's roster) and `--lang`.
    @OptionGroup var global: GlobalOptions
    @Option(help: HelpLanguage.help(Catalog.cliClassHost)) var host = "127.0.0.1"
    @Option(help: HelpLanguage.help(Catalog.cliPort)) var port = 8080
    @Option(help: HelpLanguage.help(Catalog.cliClassData)) var data: String?
    @Option(help: HelpLanguage.help(Catalog.cliClassLessons)) var lessons: String?
    @Option(name: .customLong("class-code"), help: HelpLanguage.help(Catalog.cliClassCode)) var classCode: String?
    @Option(name: .customLong("teacher-password"), help: HelpLanguage.help(Catalog.cliClassTeacherPassword)) var teacherPassword: String?
    @Flag(name: .customLong("no-qr"), help: HelpLanguage.help(Catalog.cliClassNoQR)) var noQR = false

    func validate() throws {
        if global.backend != "mock" {
            throw ValidationError("panya class serves the bundled simulator: leave --backend out.")
        }
        guard (0...65535).contains(port) else { throw ValidationError("--port must be from 0 to 65535, not \(port).") }
    }

    func run() throws {
        var options = ClassOptions()
        options.host = host
        options.port = port
        options.mockDirectory = global.mockDir
        options.databasePath = global.db
        options.dataDirectory = data
        options.lessonsDirectory = lessons
        options.classCode = classCode
        options.teacherPassword = teacherPassword
        options.showQRCode = !noQR
        options.language = global.lang.map { UILanguage.resolve(flag: $0) } ?? .ja
        let style: QRCode.Style = Terminal.detect(noColorFlag: global.noColor).color ? .colored : .lightBox
        throw ExitCode(ClassLauncher.run(options) { url in try? QRCode.text(for: url, style: style) })
    }
}
