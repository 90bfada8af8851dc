import Foundation

/// A module's Swift sources read as text, for the tests that check the house's rules (which
/// module may import which, which file may reach the database).
public enum ModuleSources {
    /// Every `.swift` file under `Sources/<module>`, by its path inside that folder, with its text.
    public static func files(of module: String) throws -> [(name: String, text: String)] {
        let folder = RepositoryRoot.file("Sources/" + module)
        guard let names = FileManager.default.enumerator(atPath: folder) else { return [] }
        var files: [(name: String, text: String)] = []
        while let name = names.nextObject() as? String {
            guard name.hasSuffix(".swift") else { continue }
            files.append((name, try String(contentsOfFile: folder + "/" + name, encoding: .utf8)))
        }
        return files.sorted { $0.name < $1.name }
    }

    /// The modules the `import` lines of one file name (`@testable`, access levels and
    /// `@preconcurrency` before `import` allowed).
    public static func imports(in text: String) -> Set<String> {
        var found = Set<String>()
        for line in text.split(separator: "\n") {
            let words = line.split(separator: " ")
            if let index = words.firstIndex(of: "import"), index + 1 < words.count,
               words[..<index].allSatisfy({ ["@testable", "public", "package", "internal", "@preconcurrency"].contains($0) }) {
                found.insert(String(words[index + 1]))
            }
        }
        return found
    }

    /// The modules any `import` line of `Sources/<module>` names.
    public static func imports(of module: String) throws -> Set<String> {
        try files(of: module).reduce(into: Set<String>()) { $0.formUnion(imports(in: $1.text)) }
    }
}
