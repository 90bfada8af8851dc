import Foundation
import Hummingbird
import HummingbirdWebSocket
import Logging
import NIOCore
import NIOPosix
import PanyaSupport

/// `panya class`: one Hummingbird server for the whole class — the pages, the students' API,
/// the teacher's API and the shell's WebSocket — over a `Classroom`.
public final class ClassServer: Sendable {
    public let classroom: Classroom
    let log: @Sendable (String) -> Void

    public init(classroom: Classroom, log: @escaping @Sendable (String) -> Void = ClassServer.printLine) {
        self.classroom = classroom
        self.log = log
    }

    /// Writes a line to standard output.
    public static let printLine: @Sendable (String) -> Void = { line in
        FileHandle.standardOutput.write(Data((line + "\n").utf8))
    }

    /// The application: pages, the students' and the teacher's API, and the shell's WebSocket.
    func application(onRunning: @escaping @Sendable (Int) async -> Void) throws -> some ApplicationProtocol {
        let router = Router(context: BasicRequestContext.self)
        router.middlewares.add(ClassMiddleware<BasicRequestContext>(log: log))
        try PageRoutes<BasicRequestContext>(classroom: classroom).add(to: router)
        StudentRoutes<BasicRequestContext>(classroom: classroom).add(to: router)
        TeacherRoutes<BasicRequestContext>(classroom: classroom).add(to: router)
        ConsoleRoutes<BasicRequestContext>(classroom: classroom).add(to: router)
        let socketRouter = Router(context: BasicWebSocketRequestContext.self)
        socketRouter.middlewares.add(ClassMiddleware<BasicWebSocketRequestContext>(log: log))
        WebTerminal(classroom: classroom).add(to: socketRouter)
        var logger = Logger(label: "panya-class")
        logger.logLevel = .critical
        let options = classroom.options
        return Application(
            router: router,
            server: .http1WebSocketUpgrade(webSocketRouter: socketRouter),
            configuration: ApplicationConfiguration(address: .hostname(options.host, port: options.port), serverName: nil),
            onServerRunning: { channel in await onRunning(channel.localAddress?.port ?? 0) },
            logger: logger)
    }

    /// Serves until Ctrl-C / SIGTERM (or the task is cancelled); `onRunning` gets the port.
    public func run(handleSignals: Bool = true, onRunning: @escaping @Sendable (Int) async -> Void = { _ in }) async throws {
        let app = try application(onRunning: onRunning)
        do {
            if handleSignals {
                try await app.runService(gracefulShutdownSignals: [.sigterm, .sigint])
            } else {
                try await app.run()
            }
        } catch is CancellationError {
            return
        }
    }

    /// The banner: the students' URL (and its QR code), the class code, the teacher's URL and password.
    public func banner(port: Int, qrCode: String?) -> String {
        let options = classroom.options
        let language = options.language
        let host = options.host == "0.0.0.0" || options.host == "::" ? (Self.roomAddress() ?? options.host) : options.host
        let url = "http://\(host.contains(":") ? "[\(host)]" : host):\(port)/"
        var lines = [Catalog.classListening(url: url).text(language)]
        if let qrCode { lines.append(qrCode) }
        lines.append(Catalog.classCodeLine(classroom.classCode).text(language))
        lines.append(Catalog.classTeacherLine(url: url + "teacher", password: classroom.teacherPassword).text(language))
        lines.append(Catalog.classFolderLine(classroom.folder).text(language))
        if options.host == "127.0.0.1" || options.host == "localhost" { lines.append(Catalog.classLoopbackHint.text(language)) }
        lines.append(Catalog.classStopHint.text(language))
        return lines.joined(separator: "\n")
    }

    /// This machine's first non-loopback IPv4 address (what phones in the room type or scan).
    static func roomAddress() -> String? {
        var addresses: UnsafeMutablePointer<ifaddrs>?
        guard getifaddrs(&addresses) == 0, let first = addresses else { return nil }
        defer { freeifaddrs(addresses) }
        var cursor: UnsafeMutablePointer<ifaddrs>? = first
        while let entry = cursor {
            defer { cursor = entry.pointee.ifa_next }
            guard let address = entry.pointee.ifa_addr, address.pointee.sa_family == sa_family_t(AF_INET) else { continue }
            var text = [CChar](repeating: 0, count: Int(NI_MAXHOST))
            guard getnameinfo(address, socklen_t(MemoryLayout<sockaddr_in>.size), &text, socklen_t(text.count), nil, 0, NI_NUMERICHOST) == 0 else { continue }
            let host = String(decoding: text.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
            if !host.hasPrefix("127.") { return host }
        }
        return nil
    }
}

extension Catalog {
    static func classListening(url: String) -> Message {
        Message(en: "panya class: students open \(url) (or scan the code below)", ja: "panya class: 生徒は \(url) を開きます (下のコードを読み取っても開けます)")
    }
    static func classCodeLine(_ code: String) -> Message {
        Message(en: "class code: \(code)", ja: "クラスコード: \(code)")
    }
    static func classTeacherLine(url: String, password: String) -> Message {
        Message(en: "teacher: \(url)  password: \(password)", ja: "先生用: \(url)  パスワード: \(password)")
    }
    static func classFolderLine(_ folder: String) -> Message {
        Message(en: "students' work is kept in \(folder)", ja: "生徒の作業は \(folder) に保存されます")
    }
    static let classLoopbackHint = Message(en: "(only this computer can connect: for the room's devices, start with --host 0.0.0.0)",
                                           ja: "(このコンピューターからしか接続できません。教室の端末から使うには --host 0.0.0.0 で起動します)")
    static let classStopHint = Message(en: "Ctrl-C stops the class (everything students made is kept).", ja: "Ctrl-C で終了します (生徒が作ったものはすべて残ります)。")
    static let classStopped = Message(en: "panya class stopped; students' work is kept.", ja: "panya class を終了しました。生徒の作業は保存されています。")
}
