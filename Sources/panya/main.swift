import ArgumentParser
import Foundation
import PanyaSupport
import Shell

// A thin entry point: parse, run, map errors to exit codes (0 ok, 1 failed, 2 bad usage).
if let help = CommandLineHelp.japanese(arguments: Array(CommandLine.arguments.dropFirst()), environment: ProcessEnvironment.current) {
    print(help)
    Foundation.exit(0)
}
do {
    var command = try Panya.parseAsRoot()
    try command.run()
} catch let exit as ExitCode {
    Foundation.exit(exit.rawValue)
} catch {
    let code = Panya.exitCode(for: error)
    if code == .success {
        // --help and --version print to standard output.
        print(Panya.fullMessage(for: error))
        Foundation.exit(0)
    }
    FileHandle.standardError.write(Data((Panya.fullMessage(for: error) + "\n").utf8))
    Foundation.exit(2)
}
