import Foundation
#if canImport(Glibc)
import Glibc
import Session
#endif

/// The photo files `dataset add` means by its arguments: files as they are, folders by their
/// JPEG and PNG files (sorted), patterns (`train/*.jpg`) by what they match (sorted).
struct PhotoPatterns {
    /// How an argument becomes a path (bundled assets included).
    let photoArguments: PhotoArguments

    /// Every photo the arguments name, in order, each once; an argument naming nothing is returned in `unmatched`.
    func expand(_ arguments: [String]) throws -> (paths: [String], unmatched: [String]) {
        var paths: [String] = []
        var seen = Set<String>()
        var unmatched: [String] = []
        func add(_ path: String) { if seen.insert(path).inserted { paths.append(path) } }
        for argument in arguments {
            var found: [String] = []
            if argument.contains("*") || argument.contains("?") || argument.contains("[") {
                if let sandbox = photoArguments.sandbox {
                    // In a class: the student's folder first, then the assets; never a match outside both.
                    found = argument.hasPrefix("/") ? Self.glob(argument) : Self.glob(sandbox.home + "/" + argument)
                    if found.isEmpty && !argument.hasPrefix("/") { found = Self.glob(photoArguments.assetsRoot + "/" + argument) }
                    if !found.isEmpty, found.allSatisfy({ sandbox.readablePath($0) == nil }) { throw SandboxError.outsideRead(argument) }
                    found = found.compactMap { sandbox.readablePath($0) }
                } else {
                    found = Self.glob(argument)
                    if found.isEmpty && !argument.hasPrefix("/") { found = Self.glob(photoArguments.assetsRoot + "/" + argument) }
                }
                found = found.filter(Self.isPhotoName)
            } else {
                let path = try photoArguments.path(argument)
                var isDirectory: ObjCBool = false
                if FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory), isDirectory.boolValue {
                    let names = (try? FileManager.default.contentsOfDirectory(atPath: path)) ?? []
                    found = names.filter(Self.isPhotoName).sorted().map { (path.hasSuffix("/") ? path : path + "/") + $0 }
                } else {
                    found = [path]
                }
            }
            if found.isEmpty { unmatched.append(argument) }
            found.forEach(add)
        }
        return (paths, unmatched)
    }

    /// True for a name ending in .jpg, .jpeg or .png (any case).
    static func isPhotoName(_ name: String) -> Bool {
        let lower = name.lowercased()
        return lower.hasSuffix(".jpg") || lower.hasSuffix(".jpeg") || lower.hasSuffix(".png")
    }

    /// The files a pattern matches, sorted.
    static func glob(_ pattern: String) -> [String] {
        var result = glob_t()
        defer { globfree(&result) }
        guard Glibc.glob(pattern, 0, nil, &result) == 0 else { return [] }
        var paths: [String] = []
        for index in 0..<Int(result.gl_pathc) {
            if let cString = result.gl_pathv[index] { paths.append(String(cString: cString)) }
        }
        return paths.sorted()
    }
}
