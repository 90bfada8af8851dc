#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// Lets go of values one level at a time, so that a long chain (30,000 closures, each capturing
/// the previous one) is freed in a loop instead of one nested call per link, which would overflow
/// the stack at exit.
///
/// A variable's box (``Cell``) hands its value here when it is freed. The first hand-over on a
/// thread drains the thread's queue; a box freed while draining only adds its value to the queue,
/// so freeing nests at most as deep as one box's value reaches without passing another box (lists
/// and maps are at most ``ValueLimits/maxDepth`` deep).
enum ValueRelease {
    /// One thread's values waiting to be let go, and whether the thread is letting go of them now.
    final class Queue {
        var pending: [Value] = []
        var draining = false
    }

    /// The key of each thread's queue (made once; the queue is freed with its thread).
    private static let key: pthread_key_t = {
        var key = pthread_key_t()
        pthread_key_create(&key) { pointer in
            guard let pointer else { return }
            Unmanaged<Queue>.fromOpaque(pointer).release()
        }
        return key
    }()

    /// The calling thread's queue.
    private static var queue: Queue {
        if let pointer = pthread_getspecific(key) { return Unmanaged<Queue>.fromOpaque(pointer).takeUnretainedValue() }
        let queue = Queue()
        pthread_setspecific(key, Unmanaged.passRetained(queue).toOpaque())
        return queue
    }

    /// Takes `value` (leaving nil) and lets go of it, and of whatever it holds, without recursion.
    /// Scalars are left as they are: they hold nothing.
    @inline(__always)
    static func release(_ value: inout Value) {
        switch value {
        case .number, .string, .bool, .null: return
        case .list, .map, .function, .record: break
        }
        let queue = self.queue
        queue.pending.append(.null)
        swap(&queue.pending[queue.pending.count - 1], &value)
        guard !queue.draining else { return }
        queue.draining = true
        // Each value let go here frees what only it held; a box among those adds its own value to
        // the queue instead of freeing it, and the loop takes it next.
        while let next = queue.pending.popLast() { _ = next }
        queue.draining = false
    }
}
