import Dispatch
import Foundation
import PanyaSupport
import Synchronization

/// Starts `panya class` from the command line: prepares the class, prints the banner, serves
/// until Ctrl-C / SIGTERM, and returns the exit status (0 stopped cleanly, 2 could not start).
public enum ClassLauncher {
    public static func run(_ options: ClassOptions, qrCode: @escaping @Sendable (String) -> String? = { _ in nil }) -> Int32 {
        let language = options.language
        let server: ClassServer
        do {
            let classroom = try Classroom(options: options) { ClassServer.printLine($0) }
            server = ClassServer(classroom: classroom)
        } catch {
            printError((error as? UserFacingError)?.message.text(language) ?? "\(error)")
            return 2
        }
        let status = Mutex<Int32>(0)
        let done = DispatchSemaphore(value: 0)
        Task {
            do {
                try await server.run(handleSignals: true) { port in
                    let host = options.host == "0.0.0.0" ? (ClassServer.roomAddress() ?? options.host) : options.host
                    let url = "http://\(host.contains(":") ? "[\(host)]" : host):\(port)/"
                    ClassServer.printLine(server.banner(port: port, qrCode: options.showQRCode ? qrCode(url) : nil))
                }
                ClassServer.printLine(Catalog.classStopped.text(language))
            } catch {
                printError((error as? UserFacingError)?.message.text(language) ?? "\(error)")
                status.withLock { $0 = 2 }
            }
            done.signal()
        }
        done.wait()
        return status.withLock { $0 }
    }

    static func printError(_ text: String) {
        FileHandle.standardError.write(Data(("panya class: " + text + "\n").utf8))
    }
}
