import Foundation
import PanyaTestSupport
import Testing

/// The house's rules, read from the sources: the terminal's module never reaches SQLite itself,
/// no domain module reaches up to the shell, and the architecture's module table names every module.
@Suite struct ModuleBoundaryTests {
    /// The modules an import list of `module`'s sources names.
    static func imports(of module: String) throws -> Set<String> { try ModuleSources.imports(of: module) }

    /// The library targets Package.swift declares (`.target(name: "…"`), tests and C bridges aside.
    static func libraryTargets() throws -> [String] {
        let manifest = try String(contentsOfFile: RepositoryRoot.file("Package.swift"), encoding: .utf8)
        let pattern = try NSRegularExpression(pattern: #"\.(?:target|executableTarget)\(name: "([A-Za-z]+)""#)
        let range = NSRange(manifest.startIndex..., in: manifest)
        return pattern.matches(in: manifest, range: range).compactMap { match in
            Range(match.range(at: 1), in: manifest).map { String(manifest[$0]) }
        }.filter { !$0.hasPrefix("C") && $0 != "PanyaTestSupport" }
    }

    @Test func theShellNeverImportsGRDB() throws {
        #expect(!(try Self.imports(of: "Shell")).contains("GRDB"))
    }

    @Test func theSessionNeverReachesTheTerminal() throws {
        let imports = try Self.imports(of: "Session")
        #expect(!imports.isEmpty)
        for module in ["Shell", "CEditLine", "PanyaLanguage", "PanyaClass", "PanyaServer", "GRDB"] {
            #expect(!imports.contains(module), "Session imports \(module)")
        }
    }

    @Test(arguments: ["PanyaSupport", "PanyaLanguage", "CustomLabels", "Photos", "PanyaStore", "MockBackend", "AWSBackend",
                      "BreadVision", "Schedules", "Register", "Lessons", "PanyaServer", "Session", "Workbench"])
    func aDomainModuleNeverImportsTheShell(_ module: String) throws {
        let imports = try Self.imports(of: module)
        #expect(!imports.contains("Shell"))
        #expect(!imports.contains("PanyaClass"))
        #expect(!imports.contains("CEditLine"))
    }

    /// Above the backend, the simulator's lifecycle and ledger are asked of the simulator
    /// (`SimulatedTime`), never read from its tables: no source names the stores of those tables.
    @Test(arguments: ["Shell", "Session", "PanyaServer", "PanyaClass"])
    func nothingAboveTheBackendReadsTheSimulatorsTables(_ module: String) throws {
        let files = try ModuleSources.files(of: module)
        for file in files {
            for store in ["MockStateStore", "MockVersionState", "MockBillingEntry", "RecordingIndexStore"] {
                #expect(!file.text.contains(store), "\(module)/\(file.name) names \(store)")
            }
        }
        #expect(!files.isEmpty)
    }

    @Test func theArchitectureTableNamesEveryModule() throws {
        let architecture = try String(contentsOfFile: RepositoryRoot.file("docs/architecture.md"), encoding: .utf8)
        let targets = try Self.libraryTargets()
        #expect(targets.count > 10)
        for target in targets {
            #expect(architecture.contains("| `\(target)` |"), "docs/architecture.md's module table has no row for \(target)")
        }
    }
}
