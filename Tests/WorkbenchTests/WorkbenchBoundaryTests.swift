import Foundation
import PanyaTestSupport
import Testing

/// The workbench sits below both backends and everything above them: read from its sources'
/// `import` lines, it never reaches up.
@Suite struct WorkbenchBoundaryTests {
    /// Every module an `import` line of `Sources/Workbench` names.
    static func imports() throws -> Set<String> { try ModuleSources.imports(of: "Workbench") }

    @Test func theSourcesAreRead() throws {
        #expect(try Self.imports().contains("CustomLabels"))
    }

    @Test(arguments: ["MockBackend", "AWSBackend", "Session", "Shell", "PanyaLanguage"])
    func theWorkbenchNeverImports(_ module: String) throws {
        #expect(!(try Self.imports()).contains(module), "Sources/Workbench imports \(module)")
    }
}
