/// Header names compared as HTTP compares them: ASCII letters without regard to case, every
/// other byte as is. Every request asks for a few headers by name: this compares the bytes in
/// place instead of lower-casing both names into new strings each time.
enum HeaderName {
    /// True when `a` and `b` name the same header (`Content-Length`, `content-length`).
    static func same(_ a: String, _ b: String) -> Bool {
        var a = a, b = b
        return a.withUTF8 { a in
            b.withUTF8 { b in
                guard a.count == b.count else { return false }
                for index in 0..<a.count where a[index] != b[index] {
                    let lower = a[index] | 0x20
                    guard lower == b[index] | 0x20, lower >= UInt8(ascii: "a"), lower <= UInt8(ascii: "z") else { return false }
                }
                return true
            }
        }
    }
}
