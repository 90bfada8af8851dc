import Foundation
import PanyaTestSupport
import Testing

/// The shared test helpers do what every other test target relies on them for.
@Suite struct TemporaryFolderTests {
    private func exists(_ path: String) -> (exists: Bool, isFolder: Bool) {
        var isDirectory: ObjCBool = false
        let exists = FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory)
        return (exists, isDirectory.boolValue)
    }

    @Test func theFolderExistsWhileHeldAndIsGoneAfterRelease() throws {
        var folder: TemporaryFolder? = try TemporaryFolder(prefix: "panya-support-tests")
        let path = try #require(folder?.path)
        #expect(exists(path).exists)
        #expect(exists(path).isFolder)
        #expect(URL(fileURLWithPath: path).lastPathComponent.hasPrefix("panya-support-tests-"))
        #expect(path.hasPrefix(FileManager.default.temporaryDirectory.path))
        let written = try #require(try folder?.write("nested/deeper/note.txt", "パン"))
        #expect(written == path + "/nested/deeper/note.txt")
        #expect(FileManager.default.contents(atPath: written) == Data("パン".utf8))
        folder = nil
        #expect(!exists(path).exists, "the folder and its contents go when the last reference goes")
    }

    @Test func removeIsEarlyAndIdempotent() throws {
        let folder = try TemporaryFolder()
        #expect(folder.url.path == folder.path)
        #expect(folder.file("a.sqlite") == folder.path + "/a.sqlite")
        #expect(!exists(folder.file("a.sqlite")).exists, "file(_:) only names a path")
        folder.remove()
        #expect(!exists(folder.path).exists)
        folder.remove()
    }

    @Test func twoFoldersNeverShareAPath() throws {
        let a = try TemporaryFolder(), b = try TemporaryFolder()
        #expect(a.path != b.path)
    }
}

@Suite struct RepositoryRootTests {
    @Test func pointsAtThisCheckout() {
        #expect(FileManager.default.fileExists(atPath: RepositoryRoot.file("Package.swift")))
        #expect(FileManager.default.fileExists(atPath: RepositoryRoot.file("Tests/PanyaTestSupport/RepositoryRoot.swift")))
        #expect(!RepositoryRoot.path.hasSuffix("/"))
    }
}

@Suite struct OutputCaptureTests {
    @Test func collectsTextAndEntriesInOrder() {
        let capture = OutputCapture()
        capture.append("a")
        capture.append("bc\n")
        #expect(capture.text == "abc\n")
        #expect(capture.entries == ["a", "bc\n"])
        #expect(capture.take() == "abc\n")
        #expect(capture.text.isEmpty && capture.entries.isEmpty)
        capture.append("x")
        capture.clear()
        #expect(capture.text.isEmpty && capture.entries.isEmpty)
    }

    @Test func appendsFromManyThreadsLoseNothing() async {
        let capture = OutputCapture()
        await withTaskGroup(of: Void.self) { group in
            for worker in 0..<8 {
                group.addTask {
                    for _ in 0..<500 { capture.append(String(worker)) }
                }
            }
        }
        #expect(capture.entries.count == 8 * 500)
        #expect(capture.text.count == 8 * 500)
        for worker in 0..<8 {
            #expect(capture.entries.filter { $0 == String(worker) }.count == 500)
        }
    }
}
