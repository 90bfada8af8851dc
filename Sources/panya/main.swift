import ArgumentParser
import Foundation
import PanyaSupport
import Shell

// A thin entry point: parse, run, map errors to exit codes (0 ok, 1 failed, 2 bad usage).
// `--help` is written in the language the arguments or the environment choose (the declarations read it).
HelpLanguage.choose(CommandLineHelp.language(arguments: Array(CommandLine.arguments.dropFirst()), environment: ProcessEnvironment.current))
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
