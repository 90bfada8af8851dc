import ArgumentParser
import PanyaClass
import PanyaSupport

/// `panya class`: the register screen, the shell and the lessons, and a teacher's view, for a
/// whole class in their browsers (offline: nothing is fetched from outside).
struct ClassCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "class",
        abstract: "Serve the class: the AI register's screen, the shell and lessons in every student's browser, and a teacher's view.",
        discussion: "Prints the URL (and a QR code), the class code and the teacher's password. Students' work is kept in the class folder.")

    /// `--mock-dir`, `--db` (the class's roster) and `--lang`.
    @OptionGroup var global: GlobalOptions
    @Option(help: "Address to listen on (0.0.0.0: every device in the room).") var host = "127.0.0.1"
    @Option(help: "Port to listen on (0 picks a free one and prints it).") var port = 8080
    @Option(help: "The class's folder (default: beside --db, else $XDG_DATA_HOME/panya/class).") var data: String?
    @Option(help: "The lessons folder (default: the bundled lessons/).") var lessons: String?
    @Option(name: .customLong("class-code"), help: "The class code students type (default: kept from the last run, else a new one).") var classCode: String?
    @Option(name: .customLong("teacher-password"), help: "The teacher's password (default: kept from the last run, else a new one).") var teacherPassword: String?
    @Flag(name: .customLong("no-qr"), help: "Do not draw the URL as a QR code.") var noQR = false

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
