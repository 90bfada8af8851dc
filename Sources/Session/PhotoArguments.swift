import CustomLabels
import Foundation
import PanyaSupport
import Photos

/// How a photo argument becomes something to send: `s3://bucket/key` (through `S3Location`), a
/// path, or a path under the bundled assets (`lessons/photos/breads3.jpg` from anywhere).
public struct PhotoArguments {
    /// Where `lessons/` lives.
    public let assetsRoot: String
    /// A student's sandbox in a class (nil in a shell of one's own).
    public var sandbox: Sandbox? = nil

    /// Photo arguments read under `assetsRoot`, inside `sandbox` when there is one.
    public init(assetsRoot: String, sandbox: Sandbox? = nil) {
        self.assetsRoot = assetsRoot
        self.sandbox = sandbox
    }

    /// The file a photo argument names: as given when it exists (or is absolute), else under the
    /// assets. In a sandbox, relative to the student's folder, and refused outside it and the assets.
    public func path(_ photo: String) throws -> String {
        guard let sandbox else {
            if photo.hasPrefix("/") || FileManager.default.fileExists(atPath: photo) { return photo }
            let bundled = assetsRoot + "/" + photo
            return FileManager.default.fileExists(atPath: bundled) ? bundled : photo
        }
        if !photo.hasPrefix("/"), let own = sandbox.readablePath(photo), FileManager.default.fileExists(atPath: own) { return own }
        let candidate = photo.hasPrefix("/") ? photo : assetsRoot + "/" + photo
        guard let allowed = sandbox.readablePath(candidate) else { throw SandboxError.outsideRead(photo) }
        return allowed
    }

    /// Where a file a command makes (`show --out`, `dataset export`, `simulate --chart`) is written:
    /// as given, or in a sandbox inside the student's folder (relative paths start there).
    public func outputPath(_ path: String) throws -> String {
        guard let sandbox else { return path }
        guard let allowed = sandbox.writablePath(path) else { throw SandboxError.outsideWrite(path) }
        return allowed
    }

    /// The image to send: an S3 object, or the file's bytes (read with the service's size limit;
    /// the backend checks the photo itself).
    public func image(_ photo: String) throws -> ImageSource {
        if photo.hasPrefix("s3://") {
            guard let location = S3Location(photo) else {
                throw ServiceError(.invalidS3Object, "Unable to get object metadata from S3. Check object key, region and/or access permissions.")
                    .withHint(Catalog.s3PhotoForm(photo))
            }
            return location.imageSource
        }
        return .bytes(try Photo.readBytes(path: try path(photo)))
    }

    /// The DetectCustomLabels request for a photo argument.
    public func request(_ photo: String, versionArn: String, minConfidence: Double?, maxResults: Int?) throws -> DetectCustomLabelsRequest {
        DetectCustomLabelsRequest(projectVersionArn: versionArn, image: try image(photo), maxResults: maxResults,
                                  minConfidence: minConfidence, photoName: photo)
    }
}

extension ServiceError {
    /// The same error with a fix hint appended to its message.
    func withHint(_ hint: Message) -> ServiceError {
        var copy = self
        copy.serviceMessage += " " + hint.en
        return copy
    }
}
