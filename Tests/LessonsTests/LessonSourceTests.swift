import Foundation
import PanyaSupport
import PanyaTestSupport
import Testing
@testable import Lessons

/// Issue 12 items 7 and 12: lesson files are read by one reader that refuses what is not a lesson file.
@Suite struct LessonSourceTests {
    @Test func aFIFOIsRefusedWithoutBlocking() throws {
        let folder = try TemporaryFolder(prefix: "panya-lesson-source")
        defer { folder.remove() }
        let dir = folder.path
        let fifo = dir + "/pipe.panya"
        #expect(mkfifo(fifo, 0o644) == 0)
        let error = try #require(throws: LessonError.self) { try LessonSource.read(path: fifo) }
        #expect(error == .unreadable(path: fifo, reason: .notAFile))
        #expect(error.message.en == "cannot read \(fifo): it is not a regular file (a folder, a device or a pipe). Give a .panya lesson file")
        #expect(error.message.ja == "\(fifo) を読めません: 普通のファイルではありません (フォルダ・デバイス・パイプ)。.panya のレッスンファイルを指定してください")
    }

    @Test(arguments: ["/dev/null", "/tmp"])
    func devicesAndFoldersAreNotLessonFiles(path: String) throws {
        #expect(throws: LessonError.unreadable(path: path, reason: .notAFile)) { try LessonSource.read(path: path) }
    }

    @Test func missingBadTextAndTooLargeAreNamed() throws {
        let folder = try TemporaryFolder(prefix: "panya-lesson-source")
        defer { folder.remove() }
        let dir = folder.path
        #expect(throws: LessonError.unreadable(path: dir + "/none.panya", reason: .missing)) { try LessonSource.read(path: dir + "/none.panya") }
        let bad = dir + "/bad.panya"
        try Data([0x6C, 0x65, 0xFF, 0x0A]).write(to: URL(fileURLWithPath: bad))
        #expect(throws: LessonError.unreadable(path: bad, reason: .notUTF8)) { try LessonSource.read(path: bad) }
        let big = dir + "/big.panya"
        try Data(repeating: 0x20, count: LessonSource.maxBytes + 1).write(to: URL(fileURLWithPath: big))
        #expect(throws: LessonError.unreadable(path: big, reason: .tooLarge(limit: LessonSource.maxBytes))) { try LessonSource.read(path: big) }
        let good = dir + "/good.panya"
        try Data("lesson \"x\"\n".utf8).write(to: URL(fileURLWithPath: good))
        #expect(try LessonSource.read(path: good) == "lesson \"x\"\n")
    }

    /// No Japanese message of the lesson catalog is left in English.
    @Test func japaneseReasonsAreJapanese() {
        let reasons: [LessonError.UnreadableReason] = [.missing, .notAFile, .notReadable, .tooLarge(limit: 1_000_000), .notUTF8]
        for reason in reasons {
            let message = Catalog.lessonUnreadable("a.panya", reason)
            #expect(message.ja != message.en)
            #expect(message.ja.contains("読めません"))
        }
        #expect(Catalog.lessonCheckNoHeader.ja == "レッスンは lesson \"タイトル\" の行で始めてください")
    }

    /// The checker's reasons were English under `--lang ja`; now each is Japanese.
    @Test func checkerReasonsAreTranslated() {
        let messages: [Message] = [
            Catalog.lessonCheckExpectFailed("m"), Catalog.lessonCheckCheckFailed("c"), Catalog.lessonCheckCheckError("c", "d"),
            Catalog.lessonCheckAlreadyDone("c"), Catalog.lessonCheckNoSolution, Catalog.lessonCheckSolutionFailed("l", "d"),
            Catalog.lessonCheckAnswerFailed("d"), Catalog.lessonCheckAnswerNotItself, Catalog.lessonCheckNoHeader,
            Catalog.lessonCheckTimedOut(seconds: 10), Catalog.lessonCheckNoSteps, Catalog.lessonCheckNoFiles,
        ]
        for message in messages {
            #expect(message.ja != message.en)
            #expect(message.ja.unicodeScalars.contains { $0.value >= 0x3040 && $0.value <= 0x30FF }, "\(message.ja)")
        }
    }
}
