import Foundation
import PanyaSupport
import PanyaTestSupport
import Testing
@testable import Session

/// A student's sandbox in a class: their folder, the bundled lessons and recordings, nothing else.
@Suite struct SandboxTests {
    @Test func relativePathsStartInTheStudentsFolderAndDotsCannotLeaveIt() throws {
        let folder = try TemporaryFolder()
        let home = folder.file("home")
        try FileManager.default.createDirectory(atPath: home, withIntermediateDirectories: true)
        let sandbox = Sandbox(home: home, readOnlyRoots: [RepositoryRoot.file("lessons")])
        let canonicalHome = sandbox.home
        #expect(sandbox.writablePath("out.png") == canonicalHome + "/out.png")
        #expect(sandbox.writablePath("a/../b.png") == canonicalHome + "/b.png")
        #expect(sandbox.writablePath("../escape.png") == nil)
        #expect(sandbox.writablePath("/etc/passwd") == nil)
        #expect(sandbox.readablePath(RepositoryRoot.file("lessons/photos/breads3.jpg")) != nil)
        #expect(sandbox.writablePath(RepositoryRoot.file("lessons/photos/breads3.jpg")) == nil)
        #expect(sandbox.readablePath(RepositoryRoot.file("Package.swift")) == nil)
        #expect(sandbox.readablePath(home + "/../../etc/passwd") == nil)
    }

    @Test func aLinkInTheStudentsFolderIsJudgedByWhereItPoints() throws {
        let folder = try TemporaryFolder()
        let home = folder.file("home")
        try FileManager.default.createDirectory(atPath: home, withIntermediateDirectories: true)
        try FileManager.default.createSymbolicLink(atPath: home + "/etc", withDestinationPath: "/etc")
        let sandbox = Sandbox(home: home, readOnlyRoots: [])
        #expect(sandbox.readablePath("etc/passwd") == nil)
        #expect(sandbox.writablePath("etc/new") == nil)
    }
}
