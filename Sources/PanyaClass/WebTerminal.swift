import Dispatch
import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdWebSocket
import PanyaSupport
import Shell
import Synchronization

/// The real panya REPL in the page's terminal: a session of the student's own (their database,
/// their sandbox) on a thread of its own, its keys fed from the WebSocket through a
/// `StreamLineEditor`, its output sent back as terminal text. Ctrl-C stops the running statement;
/// a statement also stops after `timeLimit` seconds without a key from the student.
struct WebTerminal {
    let classroom: Classroom
    /// Seconds a statement may run since the student's last key.
    static let timeLimit: Double = 30

    func add(to router: Router<BasicWebSocketRequestContext>) {
        router.ws("/api/shell") { request, _ in
            guard let token = ClassHTTP.cookie(ClassHTTP.sessionCookie, in: request), classroom.student(token: token) != nil else {
                return .dontUpgrade
            }
            return .upgrade([:])
        } onUpgrade: { inbound, outbound, context in
            guard let token = ClassHTTP.cookie(ClassHTTP.sessionCookie, in: context.request),
                  let student = classroom.student(token: token) else { return }
            let query = context.request.uri.queryParameters
            let language: UILanguage = query.get("lang") == "en" ? .en : (query.get("lang") == "ja" ? .ja : classroom.options.language)
            let columns = min(200, max(40, query.get("cols", as: Int.self) ?? 80))
            let (stream, continuation) = AsyncStream<String>.makeStream()
            let control = TerminalControl()
            let editor = StreamLineEditor(output: { continuation.yield($0) }, onInterrupt: { control.interrupt() })
            let desk = classroom.desk(for: student)
            let thread = Thread {
                defer { continuation.finish() }
                let session: ShellSession
                do {
                    session = try desk.terminalSession(language: language) { continuation.yield(Self.terminalText($0)) }
                } catch {
                    let text = (error as? UserFacingError)?.message.text(language) ?? "\(error)"
                    continuation.yield(Self.terminalText(text + "\n"))
                    return
                }
                session.terminal = Terminal(color: true, columns: columns)
                session.lineReader = editor.lessonLineReader()
                session.interpreter.interrupt = InterruptSignal(pending: { control.isStopAsked(limit: Self.timeLimit) }, clear: { control.clearInterrupt() })
                editor.completer = { [weak session] line, cursor in session?.complete(line: line, cursor: cursor) ?? .none }
                _ = REPL(session: session, input: editor, ownsProcess: false).run()
                continuation.yield(Self.terminalText("\n[" + Message(en: "the shell ended: reload the page for a new one", ja: "シェルが終了しました。ページを再読み込みすると新しく始まります").text(language) + "]\n"))
            }
            thread.stackSize = 16 << 20
            thread.start()
            let sender = Task {
                for await text in stream { try? await outbound.write(.text(text)) }
                try? await outbound.close(.normalClosure, reason: nil)
            }
            do {
                for try await message in inbound.messages(maxSize: 1 << 16) {
                    guard case .text(let text) = message else { continue }
                    control.noteKey()
                    editor.feed(text)
                }
            } catch {}
            editor.close()
            control.interrupt()
            await sender.value
        }
    }

    /// Session output as terminal text: each newline also returns the carriage.
    static func terminalText(_ text: String) -> String {
        text.replacingOccurrences(of: "\r\n", with: "\n").replacingOccurrences(of: "\n", with: "\r\n")
    }
}

/// Ctrl-C from the page and the time of the last key, asked by the running statement.
final class TerminalControl: Sendable {
    private let interrupted = Atomic<Bool>(false)
    private let lastKey = Atomic<UInt64>(DispatchTime.now().uptimeNanoseconds)

    func interrupt() { interrupted.store(true, ordering: .relaxed) }
    func noteKey() { lastKey.store(DispatchTime.now().uptimeNanoseconds, ordering: .relaxed) }

    /// True after Ctrl-C, or while no key came for `limit` seconds.
    func isStopAsked(limit: Double) -> Bool {
        if interrupted.load(ordering: .relaxed) { return true }
        return DispatchTime.now().uptimeNanoseconds - lastKey.load(ordering: .relaxed) > UInt64(limit * 1e9)
    }

    /// Forgets a Ctrl-C (the statement it stopped has ended).
    func clearInterrupt() { interrupted.store(false, ordering: .relaxed) }
}
