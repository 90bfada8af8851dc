import Dispatch
import Foundation
import Synchronization
import MockBackend
import PanyaStore
import PanyaSupport

/// What the `serve` subcommand was given, before defaults are applied.
public struct ServeOptions: Sendable {
    public var host = "127.0.0.1"
    public var port = 4566
    public var mockDirectory: String?
    public var databasePath: String?
    public var auth = false
    public var keysFile: String?
    public var clock = "simulated"
    public var language: UILanguage = .en
    /// `--region`: the region requests must be signed for.
    public var region = ServerConfiguration.defaultRegion
    /// `--header-timeout` seconds.
    public var headerTimeout = ServerConfiguration.defaultHeaderTimeout
    /// `--idle-timeout` seconds.
    public var idleTimeout = ServerConfiguration.defaultIdleTimeout

    public init() {}
}

/// Starts `panya serve` from the command line: resolves defaults, prints the banner, runs until
/// Ctrl-C / SIGTERM, and returns the exit status (0 stopped cleanly, 2 could not start).
public enum ServerLauncher {
    /// The configuration the options describe (and the key pair generated for `--auth` without `--keys`).
    public static func configuration(_ options: ServeOptions, environment: [String: String] = ProcessEnvironment.current) throws(ServerError)
        -> (ServerConfiguration, generatedKeys: AccessKeys?) {
        let clock: ServerConfiguration.ClockMode
        switch options.clock {
        case "simulated": clock = .simulated
        case "real": clock = .real(scale: ServerConfiguration.ClockMode.defaultScale)
        default: throw .badClock(options.clock)
        }
        guard (0...65535).contains(options.port) else { throw .badPort(options.port) }
        guard options.headerTimeout > 0, options.headerTimeout.isFinite else { throw .badTimeout(option: "--header-timeout", seconds: options.headerTimeout) }
        guard options.idleTimeout > 0, options.idleTimeout.isFinite else { throw .badTimeout(option: "--idle-timeout", seconds: options.idleTimeout) }
        guard ServerLauncher.isRegionName(options.region) else { throw .badRegion(options.region) }
        var generated: AccessKeys?
        let authentication: ServerConfiguration.Authentication
        switch (options.auth, options.keysFile) {
        case (false, nil): authentication = .off
        case (false, _?): throw .keysWithoutAuth
        case (true, let file?): authentication = .keys(try AccessKeys.load(path: file))
        case (true, nil):
            let keys = AccessKeys.generate()
            generated = keys
            authentication = .keys(keys)
        }
        let configuration = ServerConfiguration(
            host: options.host, port: options.port,
            mockDirectory: options.mockDirectory ?? MockBackend.defaultDirectory(environment: environment),
            // The bundled recordings are the repository's: their buckets (uploads) go to the data folder.
            s3Root: options.mockDirectory == nil ? Paths.bucketsFolder(environment: environment) : nil,
            databasePath: PanyaDatabase.resolvePath(flag: options.databasePath, environment: environment),
            authentication: authentication, clock: clock, language: options.language, region: options.region,
            headerTimeout: options.headerTimeout, idleTimeout: options.idleTimeout)
        return (configuration, generated)
    }

    /// Runs the server in the foreground; returns the exit status.
    public static func run(_ options: ServeOptions) -> Int32 {
        let language = options.language
        let server: PanyaServer
        let generated: AccessKeys?
        do {
            let (configuration, keys) = try configuration(options)
            server = try PanyaServer(configuration: configuration)
            generated = keys
        } catch let error as UserFacingError {
            printError(error.message.text(language))
            return 2
        } catch {
            printError("\(error)")
            return 2
        }
        let status = Mutex<Int32>(0)
        let done = DispatchSemaphore(value: 0)
        Task {
            do {
                try await server.run(handleSignals: true) { port in
                    PanyaServer.printLine(server.banner(port: port, generatedKeys: generated))
                }
                PanyaServer.printLine(Catalog.serveStopped.text(language))
            } catch let error as UserFacingError {
                printError(error.message.text(language))
                status.withLock { $0 = 2 }
            } catch {
                printError("\(error)")
                status.withLock { $0 = 2 }
            }
            done.signal()
        }
        done.wait()
        return status.withLock { $0 }
    }

    /// `ap-northeast-1`, `us-west-2`: lower-case letters, digits and dashes.
    static func isRegionName(_ text: String) -> Bool {
        !text.isEmpty && text.utf8.allSatisfy { ($0 >= 97 && $0 <= 122) || ($0 >= 48 && $0 <= 57) || $0 == 45 }
    }

    static func printError(_ text: String) {
        FileHandle.standardError.write(Data(("panya serve: " + text + "\n").utf8))
    }
}
