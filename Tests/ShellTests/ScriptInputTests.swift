import Foundation
import PanyaSupport
import PanyaTestSupport
import Testing
@testable import Shell

/// Issue 12 items 8 and 12: scripts on standard input and `run FILE` are read under one rule.
@Suite struct ScriptInputTests {
    /// Feeds `bytes` through a pipe (as standard input would be) and reads them.
    func readThroughPipe(_ bytes: [UInt8], maxBytes: Int = ScriptInput.maxBytes, maxLineBytes: Int = ScriptInput.maxLineBytes) throws(ScriptInputError) -> String {
        var fds: [Int32] = [0, 0]
        _ = pipe(&fds)
        let writer = fds[1]
        let thread = Thread {
            bytes.withUnsafeBytes { buffer in
                guard let base = buffer.baseAddress else { return }
                var offset = 0
                while offset < buffer.count {
                    let n = write(writer, base + offset, buffer.count - offset)
                    if n <= 0 { break }
                    offset += n
                }
            }
            close(writer)
        }
        thread.start()
        defer { close(fds[0]) }
        return try ScriptInput.read(descriptor: fds[0], name: "<stdin>", maxBytes: maxBytes, maxLineBytes: maxLineBytes)
    }

    @Test func ordinaryScriptsAreRead() throws {
        #expect(try readThroughPipe(Array("print(1)\nprint(\"パン\")\n".utf8)) == "print(1)\nprint(\"パン\")\n")
        #expect(try readThroughPipe([]) == "")
    }

    @Test func aLongLineIsRefusedWithItsNumber() throws {
        let bytes = Array("ok\n".utf8) + [UInt8](repeating: 0x61, count: 101)
        let error = try #require(throws: ScriptInputError.self) { try readThroughPipe(bytes, maxLineBytes: 100) }
        #expect(error == .lineTooLong("<stdin>", line: 2, limit: 100))
    }

    @Test func aLargeScriptIsRefused() throws {
        let bytes = [UInt8](repeating: 0x0A, count: 2_000)
        #expect(throws: ScriptInputError.tooLarge("<stdin>", limit: 1_000)) { try readThroughPipe(bytes, maxBytes: 1_000) }
    }

    /// `panya < /dev/zero`: stops at the line limit after reading about a megabyte.
    @Test func devZeroStopsAtTheLineLimit() throws {
        let zero = open("/dev/zero", O_RDONLY)
        defer { close(zero) }
        #expect(throws: ScriptInputError.lineTooLong("<stdin>", line: 1, limit: ScriptInput.maxLineBytes)) {
            try ScriptInput.read(descriptor: zero, name: "<stdin>")
        }
    }

    /// One rule for both: invalid UTF-8 is refused on standard input as in `run FILE`, naming the line.
    @Test func invalidUTF8IsRefusedTheSameWayOnBoth() throws {
        let bytes = Array("print(1)\nprint(\"".utf8) + [0xFF] + Array("\")\n".utf8)
        #expect(throws: ScriptInputError.notUTF8("<stdin>", line: 2)) { try readThroughPipe(bytes) }
        let folder = try TemporaryFolder(prefix: "panya-bad")
        defer { folder.remove() }
        let path = try folder.write("bad.panya", bytes: bytes)
        let error = try #require(throws: ScriptInputError.self) { try ScriptInput.read(path: path) }
        #expect(error == .notUTF8(path, line: 2))
        #expect(error.message.en == "the script '\(path)' is not UTF-8 text (line 2): save it as UTF-8 and try again")
        #expect(error.message.ja == "スクリプト '\(path)' は UTF-8 のテキストではありません (2 行目)。UTF-8 で保存し直してください")
    }

    @Test func missingFilesAndFoldersCannotBeRead() throws {
        #expect(throws: ScriptInputError.cannotRead("/nonexistent/x.panya")) { try ScriptInput.read(path: "/nonexistent/x.panya") }
        #expect(throws: ScriptInputError.cannotRead("/tmp")) { try ScriptInput.read(path: "/tmp") }
    }

    @Test func limitsAreNamedInTheMessages() {
        #expect(ScriptInputError.tooLarge("<stdin>", limit: ScriptInput.maxBytes).message.en
                == "the script '<stdin>' is larger than 10 MB, the most panya reads: split it into smaller scripts")
        #expect(ScriptInputError.lineTooLong("a.panya", line: 3, limit: ScriptInput.maxLineBytes).message.en
                == "line 3 of the script 'a.panya' is longer than 1 MB, the most one line may hold: break it into shorter lines")
    }
}
