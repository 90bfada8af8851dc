import CPanyaSupport

/// What the process does with memory it frees.
public enum FreedMemory {
    /// Keeps freed blocks for the next allocation instead of handing them back to the kernel
    /// (glibc only): for a long-running server whose every request allocates and frees buffers
    /// of hundreds of kilobytes. Fresh pages are zeroed on first touch, and unmapping them from
    /// a process with several threads interrupts every core to flush its address cache.
    public static func keepForReuse() {
        panya_keep_freed_memory()
    }

    /// Hands the freed memory at the top of the heap back to the kernel (glibc only): after a
    /// burst of large requests, so a long-running server does not keep its peak.
    public static func returnToSystem() {
        panya_return_freed_memory()
    }
}
