import CustomLabels
import Photos

/// A recording to fill in for a new photo: hash, size and version filled in, no labels yet.
public enum RecordingSkeleton {
    /// The skeleton JSON (the AWS CLI's layout) for the photo at `photoPath` and the version
    /// `versionArn`; `labels` are named in the comment as the labels one may use.
    /// - Throws: `PhotoError` when the photo cannot be read, or a service error when it is not
    ///   a photo the service would accept or `versionArn` is not a version ARN.
    public static func make(photoPath: String, versionArn: String, labels: [String] = []) throws -> String {
        let bytes = try Photo.readBytes(path: photoPath)
        let header: PhotoHeader
        do {
            header = try Photo.validate(bytes: bytes, name: photoPath)
        } catch {
            throw MockBackend.serviceError(for: error, name: photoPath)
        }
        let file = photoPath.split(separator: "/").last.map(String.init) ?? photoPath
        let names = labels.isEmpty ? "a label of the model" : labels.joined(separator: ", ")
        let comment = "Add one entry per candidate the model saw, unfiltered (what it returns with MinConfidence 0): "
            + "{\"Name\": \(names); \"Confidence\": 0-100; \"Geometry\": {\"BoundingBox\": {\"Width\", \"Height\", \"Left\", \"Top\"}} as ratios 0-1}. "
            + "Then delete this Comment."
        let recording = DetectionRecording(photoFile: file, sha256: PhotoFingerprint.sha256(bytes), width: header.width, height: header.height,
                                           versionArn: try ProjectVersionArn.parse(versionArn), candidates: [], comment: comment)
        return recording.encoded()
    }
}
