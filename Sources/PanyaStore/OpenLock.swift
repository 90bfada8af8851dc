#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Foundation
import PanyaSupport

/// An exclusive advisory lock (`flock`) on `<database>.lock`, held while a process opens and
/// migrates the database, so two shells opening a brand-new file at the same instant do not
/// both create its tables. Released when the value goes away. Where the lock file cannot be
/// made (a read-only folder) there is nothing to race for, and opening goes on without it.
///
/// Opening takes milliseconds, so a lock held longer means a stuck program: after
/// ``LockWait/noticeAfter`` the wait is announced (naming the lock file), and after
/// ``LockWait/timeout`` it gives up with ``StoreError/Kind/lockHeld(_:seconds:)``.
final class OpenLock {
    private let descriptor: Int32

    /// Waits (boundedly) for the lock on `databasePath + ".lock"`; nil when the lock file cannot be opened.
    /// - Throws: ``StoreError`` `.lockHeld` when another process keeps it past `wait.timeout`.
    init?(databasePath: String, wait: LockWait) throws {
        let lockPath = databasePath + ".lock"
        let fd = open(lockPath, O_RDWR | O_CREAT | O_CLOEXEC, 0o644)
        guard fd >= 0 else { return nil }
        let start = Date()
        var announced = false
        while flock(fd, LOCK_EX | LOCK_NB) != 0 {
            let failure = errno
            if failure == EINTR { continue }
            guard failure == EWOULDBLOCK || failure == EAGAIN else {
                close(fd)
                return nil
            }
            let waited = Date().timeIntervalSince(start)
            if waited >= wait.timeout {
                close(fd)
                throw StoreError(.lockHeld(lockPath, seconds: Int(wait.timeout.rounded())), path: databasePath, operation: .open)
            }
            if !announced && waited >= wait.noticeAfter {
                announced = true
                wait.notice(Catalog.storeWaitingForLock(lockPath, seconds: Int(wait.timeout.rounded())))
            }
            usleep(20_000)
        }
        descriptor = fd
    }

    deinit {
        flock(descriptor, LOCK_UN)
        close(descriptor)
    }
}

/// How long opening the database waits for another process's `<database>.lock`, and where it says so.
public struct LockWait: Sendable {
    /// Give up after this many seconds (10 by default).
    public var timeout: TimeInterval
    /// Say that panya is waiting after this many seconds (1 by default).
    public var noticeAfter: TimeInterval
    /// Receives the "waiting for …" message once (standard error by default).
    public var notice: @Sendable (Message) -> Void

    public init(timeout: TimeInterval = 10, noticeAfter: TimeInterval = 1,
                notice: @escaping @Sendable (Message) -> Void = LockWait.standardError(.en)) {
        self.timeout = timeout
        self.noticeAfter = noticeAfter
        self.notice = notice
    }

    /// The default wait, announcing in `language` on standard error.
    public static func standard(language: UILanguage) -> LockWait {
        LockWait(notice: standardError(language))
    }

    /// Writes the message on standard error in `language`.
    public static func standardError(_ language: UILanguage) -> @Sendable (Message) -> Void {
        { message in FileHandle.standardError.write(Data((message.text(language) + "\n").utf8)) }
    }
}
