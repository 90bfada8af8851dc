import Synchronization

/// Photos already checked in full, remembered by content: a photo's check is a pure function of
/// its bytes and the limits, so bytes seen before (the same tray sent again and again to a
/// server, or detected twice in a lesson) are decoded once. Only photos that passed are kept;
/// a refused photo is checked again each time, so its message always names the file it came from.
public final class PhotoCheckMemory: Sendable {
    private struct Key: Hashable {
        var sha256: String
        var limits: PhotoLimits
    }

    private struct State {
        var headers: [Key: PhotoHeader] = [:]
        /// Keys in the order they were added (the oldest is forgotten first).
        var order: [Key] = []
        var next = 0
    }

    private let state = Mutex(State())
    /// How many photos are remembered at most.
    public let capacity: Int

    /// An empty memory of at most `capacity` photos.
    public init(capacity: Int = 256) {
        self.capacity = max(1, capacity)
    }

    /// `Photo.validate(bytes:name:limits:)`, skipped when the photo with this SHA-256 already passed under `limits`.
    public func validate(bytes: [UInt8], sha256: String, name: String, limits: PhotoLimits) throws(PhotoError) -> PhotoHeader {
        let key = Key(sha256: sha256, limits: limits)
        if let known = state.withLock({ $0.headers[key] }) { return known }
        let header = try Photo.validate(bytes: bytes, name: name, limits: limits)
        state.withLock { state in
            guard state.headers[key] == nil else { return }
            if state.order.count < capacity {
                state.order.append(key)
            } else {
                state.headers[state.order[state.next]] = nil
                state.order[state.next] = key
                state.next = (state.next + 1) % capacity
            }
            state.headers[key] = header
        }
        return header
    }

    /// How many photos are remembered now.
    public var count: Int { state.withLock { $0.headers.count } }
}
