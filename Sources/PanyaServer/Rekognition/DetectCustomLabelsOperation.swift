import CustomLabels
import Foundation
import Photos

/// DetectCustomLabels: `ProjectVersionArn`, `Image` (`Bytes` in base64 or `S3Object`), `MaxResults`,
/// `MinConfidence` → `{"CustomLabels": [...]}`. Image bytes over 4 MB are refused before the
/// backend sees them, as the service's front door does.
public struct DetectCustomLabelsOperation: RekognitionOperation {
    public let name = "DetectCustomLabels"
    /// The last photos received, decoded and fingerprinted (the body's parser finds them too).
    let recentPhotos = ImageTextMemory()

    public init() {}

    public func respond(to input: OperationInput, backend: any CustomLabelsBackend) throws -> JSONValue {
        try prepare(input)(backend)
    }

    /// Decodes, size-checks and fingerprints the image before the backend's lock: only the
    /// detection needs the lock.
    public func prepare(_ input: OperationInput) throws -> @Sendable (any CustomLabelsBackend) throws -> JSONValue {
        let arn = try input.requiredString("ProjectVersionArn")
        let image = try input.required("Image")
        let source: ImageSource
        var fingerprint: String? = nil
        if let bytes = try image.optionalMember("Bytes") {
            let text = try bytes.string()
            let limit = PhotoLimits.service.maxBytes
            // A base64 text decodes to about 3/4 of its length: refuse what cannot fit before decoding it.
            if text.utf8.count / 4 * 3 > limit + 2 {
                throw RekognitionFault.imageTooLarge(bytes: text.utf8.count / 4 * 3, limit: limit)
            }
            let photo = try recentPhotos.photo(for: text) { text in
                guard let data = Data(base64Encoded: text) else {
                    throw RekognitionFault.serialization("Member 'Image.Bytes' is not valid base64-encoded binary data")
                }
                if data.count > limit { throw RekognitionFault.imageTooLarge(bytes: data.count, limit: limit) }
                return [UInt8](data)
            }
            source = .bytes(photo.bytes)
            fingerprint = photo.sha256
        } else {
            source = try ImageSource(json: image)
        }
        let request = DetectCustomLabelsRequest(projectVersionArn: arn, image: source, maxResults: try input.optionalInt("MaxResults"),
                                                minConfidence: try input.optional("MinConfidence")?.double(), imageSHA256: fingerprint)
        return { backend in try backend.detectCustomLabels(request).jsonValue }
    }
}
