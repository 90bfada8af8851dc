import Photos
import CustomLabels

/// `lessons/photos/manifest.json`: for every generated photo its file, SHA-256, size and the
/// breads drawn in it with their exact boxes. Key names follow the recordings' style (PascalCase).
public enum PhotoManifest {
    /// One photo's line in the manifest.
    public struct Entry: Sendable, Equatable {
        /// Path relative to `lessons/photos/`.
        public var file: String
        /// detect, train or test.
        public var role: LessonPhoto.Role
        /// jpeg or png.
        public var format: ImageFormat
        /// Lowercase hex SHA-256 of the file's bytes.
        public var sha256: String
        /// Width in pixels.
        public var width: Int
        /// Height in pixels.
        public var height: Int
        /// File size in bytes.
        public var bytes: Int
        /// (label, box) for each bread, in drawing order.
        public var breads: [(label: String, box: BoundingBox)]

        /// The entry for `photo` encoded as `bytes`.
        public init(photo: LessonPhoto, bytes: [UInt8]) {
            file = photo.file
            role = photo.role
            format = photo.format
            sha256 = PhotoFingerprint.sha256(bytes)
            width = photo.tray.width
            height = photo.tray.height
            self.bytes = bytes.count
            breads = photo.tray.breads.map { ($0.kind.label, $0.box) }
        }

        public static func == (a: Entry, b: Entry) -> Bool {
            a.file == b.file && a.role == b.role && a.format == b.format && a.sha256 == b.sha256
                && a.width == b.width && a.height == b.height && a.bytes == b.bytes
                && a.breads.map(\.label) == b.breads.map(\.label) && a.breads.map(\.box) == b.breads.map(\.box)
        }
    }

    /// The manifest text: 2-space indented JSON, keys in a fixed order, floats in shortest
    /// round-trip form (Swift's `description`), non-ASCII as is, a newline at the end.
    public static func json(_ entries: [Entry]) -> String {
        var out = "{\n  \"Generator\": \"BreadPhotoGenerator\",\n  \"JPEGQuality\": \(LessonPhotoSet.jpegQuality),\n  \"Photos\": [\n"
        for (index, entry) in entries.enumerated() {
            out += "    {\n"
            out += "      \"File\": \"\(entry.file)\",\n"
            out += "      \"Role\": \"\(entry.role.rawValue)\",\n"
            out += "      \"Format\": \"\(entry.format.rawValue)\",\n"
            out += "      \"SHA256\": \"\(entry.sha256)\",\n"
            out += "      \"Bytes\": \(entry.bytes),\n"
            out += "      \"Width\": \(entry.width),\n"
            out += "      \"Height\": \(entry.height),\n"
            out += "      \"Breads\": ["
            for (b, bread) in entry.breads.enumerated() {
                out += b == 0 ? "\n" : ",\n"
                out += "        {\"Name\": \"\(bread.label)\", \"BoundingBox\": {\"Width\": \(bread.box.width), \"Height\": \(bread.box.height), \"Left\": \(bread.box.left), \"Top\": \(bread.box.top)}}"
            }
            out += entry.breads.isEmpty ? "]\n" : "\n      ]\n"
            out += index == entries.count - 1 ? "    }\n" : "    },\n"
        }
        out += "  ]\n}\n"
        return out
    }
}
