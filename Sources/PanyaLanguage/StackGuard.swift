#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// Knows how much of the current thread's stack is left, so deep recursion becomes a
/// diagnostic instead of a crash, whatever the thread's stack size.
struct StackGuard {
    /// Below this address the stack counts as exhausted.
    private(set) var floor: UInt = 0

    /// A guard for the calling thread, keeping a safety margin for host code and Swift runtime calls.
    init() {
        let here = StackGuard.currentAddress()
        var low: UInt = 0
        #if canImport(Glibc) || canImport(Musl)
        typealias GetAttr = @convention(c) (pthread_t, UnsafeMutablePointer<pthread_attr_t>) -> Int32
        var attr = pthread_attr_t()
        if let symbol = dlsym(nil, "pthread_getattr_np"),
           unsafeBitCast(symbol, to: GetAttr.self)(pthread_self(), &attr) == 0 {
            var address: UnsafeMutableRawPointer? = nil
            var size = 0
            if pthread_attr_getstack(&attr, &address, &size) == 0, let address {
                low = UInt(bitPattern: address)
            }
            pthread_attr_destroy(&attr)
        }
        #elseif canImport(Darwin)
        let top = UInt(bitPattern: pthread_get_stackaddr_np(pthread_self()))
        let size = UInt(pthread_get_stacksize_np(pthread_self()))
        if top > size { low = top - size }
        #endif
        if low == 0 || low >= here {
            // Unknown stack: assume 512 KiB from here, like the smallest common thread stack.
            floor = here > 384 * 1024 ? here - 384 * 1024 : 0
            return
        }
        let available = here - low
        let margin = min(max(available / 4, 64 * 1024), 256 * 1024)
        floor = low + margin
    }

    /// Whether the stack is nearly used up.
    var isExhausted: Bool { StackGuard.currentAddress() < floor }

    @inline(never)
    static func currentAddress() -> UInt {
        var marker: UInt8 = 0
        return withUnsafeMutablePointer(to: &marker) { UInt(bitPattern: $0) }
    }
}
