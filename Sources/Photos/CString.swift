/// Helpers for the C bridges' fixed-size message buffers.
enum CString {
    /// A zeroed buffer for a C function to write a message into.
    static func buffer(_ capacity: Int = 256) -> [CChar] { [CChar](repeating: 0, count: capacity) }

    /// The text up to the first NUL, decoded as UTF-8 (invalid bytes replaced); `fallback` when empty.
    static func text(_ buffer: [CChar], fallback: String) -> String {
        let bytes = buffer.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }
        let text = String(decoding: bytes, as: UTF8.self)
        return text.isEmpty ? fallback : text
    }
}
