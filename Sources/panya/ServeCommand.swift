import ArgumentParser
import PanyaServer
import PanyaSupport

/// `panya serve`: the simulator behind Rekognition's own wire protocol (and an S3 subset).
struct ServeCommand: ParsableCommand {
    static var configuration: CommandConfiguration {
        CommandConfiguration(commandName: "serve", abstract: HelpLanguage.text(Catalog.cliServeAbstract),
                             discussion: HelpLanguage.text(Catalog.cliServeDiscussion))
    }

    /// `--mock-dir`, `--db`, `--lang` and `--region` (the other global options do not apply to the server).
    @OptionGroup var global: GlobalOptions
    @Option(help: HelpLanguage.help(Catalog.cliServeHost)) var host = "127.0.0.1"
    @Option(help: HelpLanguage.help(Catalog.cliPort)) var port = 4566
    @Flag(help: HelpLanguage.help(Catalog.cliServeAuth)) var auth = false
    @Option(help: HelpLanguage.help(Catalog.cliServeKeys)) var keys: String?
    @Option(help: HelpLanguage.help(Catalog.cliServeClock)) var clock = "simulated"
    @Option(help: HelpLanguage.help(Catalog.cliServeHeaderTimeout)) var headerTimeout = ServerConfiguration.defaultHeaderTimeout
    @Option(help: HelpLanguage.help(Catalog.cliServeIdleTimeout)) var idleTimeout = ServerConfiguration.defaultIdleTimeout

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
