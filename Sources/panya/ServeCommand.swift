import ArgumentParser
import PanyaServer
import PanyaSupport

/// `panya serve`: the simulator behind Rekognition's own wire protocol (and an S3 subset).
struct ServeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "serve",
        abstract: "Serve the mock as a Rekognition (JSON 1.1) and S3 endpoint for the AWS CLI, boto3 and SDKs.",
        discussion: "Then: export AWS_ENDPOINT_URL=http://127.0.0.1:4566 and use the AWS CLI as usual. Shares the shell's database.")

    /// `--mock-dir`, `--db`, `--lang` and `--region` (the other global options do not apply to the server).
    @OptionGroup var global: GlobalOptions
    @Option(help: "Address to listen on.") var host = "127.0.0.1"
    @Option(help: "Port to listen on (0 picks a free one and prints it).") var port = 4566
    @Flag(help: "Check SigV4 signatures (prints a generated key pair unless --keys is given).") var auth = false
    @Option(help: "File of accepted keys, one 'ACCESS_KEY_ID SECRET' per line (with --auth).") var keys: String?
    @Option(help: "real: STARTING/STOPPING take seconds of wall time (5 min → 5 s); simulated: the shell's clock.") var clock = "simulated"
    @Option(help: "Seconds a client has to finish a request's headers once it starts one.") var headerTimeout = ServerConfiguration.defaultHeaderTimeout
    @Option(help: "Seconds a connection may stay idle before it is closed.") var idleTimeout = ServerConfiguration.defaultIdleTimeout

    func validate() throws {
        if global.backend != "mock" {
            throw ValidationError("panya serve serves the mock backend: leave --backend out.")
        }
    }

    func run() throws {
        var options = ServeOptions()
        options.host = host
        options.port = port
        options.mockDirectory = global.mockDir
        options.databasePath = global.db
        options.auth = auth
        options.keysFile = keys
        options.clock = clock
        // The global --region: the region the server answers for (requests signed for another are refused with --auth).
        options.region = global.region ?? ServerConfiguration.defaultRegion
        options.headerTimeout = headerTimeout
        options.idleTimeout = idleTimeout
        options.language = UILanguage.resolve(flag: global.lang)
        throw ExitCode(ServerLauncher.run(options))
    }
}
