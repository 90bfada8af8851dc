#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// An exclusive advisory lock (`flock`) on `<database>.lock`, held while a process opens and
/// migrates the database, so two shells opening a brand-new file at the same instant do not
/// both create its tables. Released when the value goes away. Where the lock file cannot be
/// made (a read-only folder) there is nothing to race for, and opening goes on without it.
final class OpenLock {
    private let descriptor: Int32

    /// Waits for the lock on `databasePath + ".lock"`; nil when the lock file cannot be opened.
    init?(databasePath: String) {
        let fd = open(databasePath + ".lock", O_RDWR | O_CREAT | O_CLOEXEC, 0o644)
        guard fd >= 0 else { return nil }
        while flock(fd, LOCK_EX) != 0 {
            if errno != EINTR {
                close(fd)
                return nil
            }
        }
        descriptor = fd
    }

    deinit {
        flock(descriptor, LOCK_UN)
        close(descriptor)
    }
}
