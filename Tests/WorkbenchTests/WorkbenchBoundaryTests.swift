import Foundation
import PanyaTestSupport
import Testing

/// The workbench sits below both backends and everything above them: read from its sources'
/// `import` lines, it never reaches up.
@Suite struct WorkbenchBoundaryTests {
    /// Every module an `import` line of `Sources/Workbench` names.
    static func imports() throws -> Set<String> {
        let folder = RepositoryRoot.file("Sources/Workbench")
        guard let files = FileManager.default.enumerator(atPath: folder) else { return [] }
        var found = Set<String>()
        while let name = files.nextObject() as? String {
            guard name.hasSuffix(".swift") else { continue }
            let text = try String(contentsOfFile: folder + "/" + name, encoding: .utf8)
            for line in text.split(separator: "\n") {
                let words = line.split(separator: " ")
                if let index = words.firstIndex(of: "import"), index + 1 < words.count,
                   words[..<index].allSatisfy({ ["@testable", "public", "package", "internal", "@preconcurrency"].contains($0) }) {
                    found.insert(String(words[index + 1]))
                }
            }
        }
        return found
    }

    @Test func theSourcesAreRead() throws {
        #expect(try Self.imports().contains("CustomLabels"))
    }

    @Test(arguments: ["MockBackend", "AWSBackend", "Session", "Shell", "PanyaLanguage"])
    func theWorkbenchNeverImports(_ module: String) throws {
        #expect(!(try Self.imports()).contains(module), "Sources/Workbench imports \(module)")
    }
}
