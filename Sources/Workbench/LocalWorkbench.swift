import BreadVision
import CustomLabels
import Foundation
import PanyaStore
import PanyaSupport
import Photos

/// The dataset workbench both backends prepare datasets on, in panya's database: projects,
/// datasets, labels, photos (their bytes' facts), boxes, manifests in and out, and the engine's
/// proposals. No call to a service; every step is a read or a write of the database, so two
/// shells on one file see the same projects.
///
/// What differs between backends comes in at `init`: the clock projects and datasets are dated
/// by (the simulator's clock, the wall clock live), the projects the mock's recordings already
/// have (taken onto the workbench under their ARN when first given a dataset), and where an
/// `s3://` photo of a manifest is read from (the simulator's bucket folder; nowhere live).
public final class LocalWorkbench: DatasetWorkbench, Sendable {
    /// The workbench's tables.
    public let store: WorkbenchStore
    /// The region of the projects' ARNs.
    public let region: String
    private let now: @Sendable () throws -> Double
    private let recordedProject: @Sendable (String) -> ProjectArn?
    private let bucketObject: @Sendable (S3Location) throws -> String

    /// The region a workbench's ARNs are in when nothing says otherwise.
    public static let defaultRegion = "ap-northeast-1"

    /// A workbench on `database`. `clock` gives the time in seconds since 1970 (default: the wall
    /// clock); `recordedProject` the ARN of a project that exists elsewhere under that name (the
    /// mock's recordings; default none); `bucketObject` the file of an `s3://` object (default:
    /// none is found, InvalidS3ObjectException).
    public init(database: PanyaDatabase, region: String = LocalWorkbench.defaultRegion,
                clock: @escaping @Sendable () throws -> Double = { Date().timeIntervalSince1970 },
                recordedProject: @escaping @Sendable (String) -> ProjectArn? = { _ in nil },
                bucketObject: @escaping @Sendable (S3Location) throws -> String = LocalWorkbench.noBucketObject) {
        self.store = WorkbenchStore(database)
        self.region = region
        self.now = clock
        self.recordedProject = recordedProject
        self.bucketObject = bucketObject
    }

    /// The default for `bucketObject`: a workbench without buckets finds no `s3://` object.
    @Sendable public static func noBucketObject(_ location: S3Location) throws -> String {
        throw ServiceError(.invalidS3Object, "Unable to get object metadata from S3. Check object key, region and/or access permissions.",
                           detail: Catalog.workbenchHasNoBuckets(location.description))
    }

    /// The service's pattern for project names.
    static func isValidProjectName(_ name: String) -> Bool {
        !name.isEmpty && name.utf8.count <= 255 && name.unicodeScalars.allSatisfy { scalar in
            scalar.isASCII && (CharacterSet.alphanumerics.contains(scalar) || "_.-".unicodeScalars.contains(scalar))
        }
    }

    public func createProject(name: String) throws -> ProjectDescription {
        guard Self.isValidProjectName(name) else { throw WorkbenchError.invalidProjectName(name) }
        if recordedProject(name) != nil { throw WorkbenchError.projectExists(name) }
        let now = try now()
        let arn = ProjectArn(region: region, projectName: name, creationMillis: Int64((now * 1000).rounded(.down)))
        guard try store.createProject(name: name, arn: arn.description, createdSeconds: now) else {
            throw WorkbenchError.projectExists(name)
        }
        return ProjectDescription(projectName: name, projectArn: arn.description, creationTimestamp: now, status: "CREATED")
    }

    public func useProject(name: String) throws -> ProjectDescription {
        guard let project = try store.project(named: name) else {
            throw WorkbenchError.unknownProject(name, known: try store.projects().map(\.projectName))
        }
        try store.setCurrentProject(name)
        return project
    }

    public func currentTrainingProject() throws -> String {
        guard let name = try store.currentProject(), try store.project(named: name) != nil else { throw WorkbenchError.noProject }
        return name
    }

    public func createDataset(project: String, kind: DatasetKind) throws {
        try requireProject(project)
        guard try store.createDataset(project: project, kind: kind, createdSeconds: now()) else {
            throw WorkbenchError.datasetExists(project: project, kind: kind)
        }
    }

    public func datasets(project: String) throws -> ProjectDatasets {
        try requireProject(project)
        let created = try store.datasets(project: project)
        func photos(_ kind: DatasetKind) throws -> [TrainingPhoto]? {
            guard created.contains(kind) else { return nil }
            return try store.photos(project: project, kind: kind)
        }
        return ProjectDatasets(project: project, labels: try store.labels(project: project),
                               training: try photos(.training), test: try photos(.test))
    }

    public func addLabels(project: String, _ names: [String]) throws -> [String] {
        try requireProject(project)
        try Self.checkLabels(names)
        return try store.addLabels(project: project, names)
    }

    public func removeLabels(project: String, _ names: [String]) throws -> [(label: String, boxes: Int)] {
        try requireProject(project)
        let labels = try store.labels(project: project)
        // Every name is checked before anything is removed: one typo removes nothing.
        if let unknown = names.first(where: { !labels.contains($0) }) { throw WorkbenchError.notALabel(unknown, known: labels) }
        var removed: [(label: String, boxes: Int)] = []
        for name in names where !removed.contains(where: { $0.label == name }) {
            removed.append((name, try store.removeLabel(project: project, name) ?? 0))
        }
        return removed
    }

    public func addPhotos(project: String, kind: DatasetKind, paths: [String], label: String?) throws -> [TrainingPhoto] {
        try requireDataset(project, kind)
        if let label {
            try Self.checkLabels([label])
            try store.addLabels(project: project, [label])
        }
        var added: [TrainingPhoto] = []
        for path in paths {
            let bytes = try Photo.readBytes(path: path, limits: .serviceS3Object)
            var photo = try Self.facts(bytes: bytes, path: Self.absolute(path))
            if let label {
                let image = try Self.decodeForEngine(bytes: bytes, name: path, limits: .serviceS3Object)
                photo.boxes = BreadSegmenter.segment(image).regions.map { LabelledBox(label: label, box: $0.box) }
            }
            added.append(photo)
        }
        try store.addPhotos(project: project, kind: kind, added)
        let paths = Set(added.map(\.name))
        return try store.photos(project: project, kind: kind).filter { paths.contains($0.name) }
    }

    public func importManifest(project: String, kind: DatasetKind, path: String) throws -> ManifestImport {
        try requireDataset(project, kind)
        let reading = try ManifestFile.read(path: path, limits: Self.manifestLimits)
        guard reading.isUsable else { throw WorkbenchError.unusableManifest(path: path, issues: reading.issues) }
        let folder = (Self.absolute(path) as NSString).deletingLastPathComponent
        let (photos, issues) = try manifestPhotos(reading, folder: folder)
        let labels = Self.labelsInOrder(photos)
        guard !photos.isEmpty else {
            throw WorkbenchError.unusableManifest(path: path, issues: reading.issues + issues + [ManifestIssue(.tooFewLabels, line: nil, detail: Catalog.manifestTooFewLabels)])
        }
        try store.addLabels(project: project, labels)
        try store.addPhotos(project: project, kind: kind, photos)
        return ManifestImport(added: photos, issues: (reading.issues + issues).sorted { ($0.line ?? Int.max) < ($1.line ?? Int.max) })
    }

    /// The largest manifest read (256 MB, any bytes).
    package static let manifestLimits = PhotoLimits(maxBytes: 256 << 20, minSide: 1, maxSide: Int.max, maxAspectRatio: Int.max)

    /// The photos of a manifest's valid lines, each checked against its file: a line whose
    /// `image_size` is not the photo's real size is left out (`ERROR_INVALID_IMAGE_DIMENSION`
    /// with both sizes), and a later line for a photo an earlier line gave is left out with a
    /// warning naming that line (one photo is one dataset entry; its boxes are the first line's).
    package func manifestPhotos(_ reading: ManifestReading, folder: String?) throws -> (photos: [TrainingPhoto], issues: [ManifestIssue]) {
        var photos: [TrainingPhoto] = []
        var issues: [ManifestIssue] = []
        var firstLine: [String: Int] = [:]
        for row in reading.rows {
            let photo = try manifestPhoto(row.entry, folder: folder)
            if let first = firstLine[photo.name] {
                issues.append(ManifestIssue(.duplicateSourceRef, line: row.line, detail: Catalog.manifestDuplicatePhoto(firstLine: first)))
                continue
            }
            guard photo.width == row.entry.imageWidth, photo.height == row.entry.imageHeight else {
                issues.append(ManifestIssue(.invalidImageDimension, line: row.line,
                                            detail: Catalog.manifestImageSizeDiffers(stated: (row.entry.imageWidth, row.entry.imageHeight),
                                                                                     real: (photo.width, photo.height))))
                continue
            }
            firstLine[photo.name] = row.line
            photos.append(photo)
        }
        return (photos, issues)
    }

    /// The labels of the photos' boxes, in the order met.
    package static func labelsInOrder(_ photos: [TrainingPhoto]) -> [String] {
        var seen = Set<String>()
        return photos.flatMap(\.boxes).map(\.label).filter { seen.insert($0).inserted }
    }

    /// A manifest line's photo with its boxes: an `s3://` source-ref through `bucketObject`
    /// (InvalidS3ObjectException when it is not there), a local one as written or under `folder`
    /// (the manifest's own folder) when relative.
    package func manifestPhoto(_ entry: ManifestEntry, folder: String?) throws -> TrainingPhoto {
        let photoPath: String
        if let location = S3Location(entry.sourceRef) {
            photoPath = try bucketObject(location)
        } else if let folder, !entry.sourceRef.hasPrefix("/") {
            photoPath = folder + "/" + entry.sourceRef
        } else {
            photoPath = entry.sourceRef
        }
        var photo = try Self.facts(bytes: try Photo.readBytes(path: photoPath, limits: .serviceS3Object), path: Self.absolute(photoPath))
        photo.boxes = entry.boxes
        return photo
    }

    public func exportManifest(project: String, kind: DatasetKind, relativeTo directory: String?) throws -> String {
        try requireDataset(project, kind)
        let prefix = directory.map { Self.absolute($0) + "/" }
        let entries = try store.photos(project: project, kind: kind).map { photo in
            let ref = prefix.flatMap { photo.name.hasPrefix($0) ? String(photo.name.dropFirst($0.count)) : nil } ?? photo.name
            return ManifestEntry(sourceRef: ref, imageWidth: photo.width, imageHeight: photo.height, boxes: photo.boxes)
        }
        return ManifestWriter.write(entries, labels: try store.labels(project: project))
    }

    public func removePhoto(project: String, kind: DatasetKind, path: String) throws {
        try requireDataset(project, kind)
        guard try store.removePhoto(project: project, kind: kind, path: Self.absolute(path)) else {
            throw WorkbenchError.photoNotInThisDataset(path: path, kind: kind)
        }
    }

    public func proposals(photoPath: String) throws -> [BoundingBox] {
        let bytes = try Photo.readBytes(path: photoPath, limits: .serviceS3Object)
        let image = try Self.decodeForEngine(bytes: bytes, name: photoPath, limits: .serviceS3Object)
        return BreadSegmenter.segment(image).regions.map(\.box)
    }

    public func datasetPhoto(project: String, path: String) throws -> (kind: DatasetKind, photo: TrainingPhoto) {
        try requireProject(project)
        let absolute = Self.absolute(path)
        for kind in DatasetKind.allCases {
            if let photo = try store.photos(project: project, kind: kind).first(where: { $0.name == absolute }) {
                return (kind, photo)
            }
        }
        throw WorkbenchError.photoNotInDataset(path: path, project: project)
    }

    public func addBox(project: String, path: String, box: LabelledBox) throws -> TrainingPhoto {
        let (kind, photo) = try datasetPhoto(project: project, path: path)
        try check([box], project: project, path: path)
        _ = try store.setBoxes(project: project, kind: kind, path: photo.name, photo.boxes + [box])
        return try datasetPhoto(project: project, path: path).photo
    }

    /// Every box of the photo replaced in one write (all checked first: a bad one changes nothing).
    public func replaceBoxes(project: String, path: String, boxes: [LabelledBox]) throws -> TrainingPhoto {
        let (kind, photo) = try datasetPhoto(project: project, path: path)
        try check(boxes, project: project, path: path)
        guard try store.setBoxes(project: project, kind: kind, path: photo.name, boxes) else {
            throw WorkbenchError.photoNotInDataset(path: path, project: project)
        }
        var saved = photo
        saved.boxes = boxes
        return saved
    }

    public func removeBox(project: String, path: String, number: Int) throws -> TrainingPhoto {
        let (kind, photo) = try datasetPhoto(project: project, path: path)
        guard number >= 1, number <= photo.boxes.count else { throw WorkbenchError.noSuchBox(number: number, count: photo.boxes.count, path: path) }
        var boxes = photo.boxes
        boxes.remove(at: number - 1)
        _ = try store.setBoxes(project: project, kind: kind, path: photo.name, boxes)
        return try datasetPhoto(project: project, path: path).photo
    }

    // MARK: Helpers

    /// Refuses a box whose label is not the project's or which lies off the photo at `path`.
    private func check(_ boxes: [LabelledBox], project: String, path: String) throws {
        let labels = try store.labels(project: project)
        for box in boxes {
            guard labels.contains(box.label) else { throw WorkbenchError.unknownLabel(box.label, known: labels) }
            guard TrainingValidation.isInsideImage(box.box) else { throw WorkbenchError.boxOffPhoto(path: path) }
        }
    }

    /// The largest side a photo is decoded at for the engine (larger photos are reduced while decoding).
    public static let decodeSide = 1280

    /// Decodes a photo for the engine (reduced while decoding when larger than ``decodeSide``).
    public static func decodeForEngine(bytes: [UInt8], name: String, limits: PhotoLimits) throws -> Photo {
        try Photo.decode(bytes: bytes, name: name, limits: limits, maxSide: decodeSide)
    }

    /// Refuses labels the label rule refuses (the rule `dataset import` applies to a manifest's labels).
    static func checkLabels(_ names: [String]) throws {
        for name in names {
            if let problem = TextRule.label.problem(name) { throw WorkbenchError.invalidText(problem) }
        }
    }

    /// Throws unless the project exists; a recorded project (one `recordedProject` knows) is taken
    /// onto the workbench under its recorded ARN the first time it is given datasets or a
    /// version, without changing the shell's current project.
    package func requireProject(_ project: String) throws {
        guard try store.project(named: project) == nil else { return }
        guard let recorded = recordedProject(project) else {
            throw WorkbenchError.unknownProject(project, known: try store.projects().map(\.projectName))
        }
        let current = try store.currentProject()
        _ = try store.createProject(name: project, arn: recorded.description, createdSeconds: Double(recorded.creationMillis) / 1000)
        if let current { try store.setCurrentProject(current) }
    }

    /// Throws unless the project has its `kind` dataset.
    package func requireDataset(_ project: String, _ kind: DatasetKind) throws {
        try requireProject(project)
        guard try store.datasets(project: project).contains(kind) else { throw WorkbenchError.noDataset(project: project, kind: kind) }
    }

    /// A path made absolute against the working folder (so another shell elsewhere finds it).
    static func absolute(_ path: String) -> String {
        let full = path.hasPrefix("/") ? path : FileManager.default.currentDirectoryPath + "/" + path
        return (full as NSString).standardizingPath
    }

    /// What the workbench keeps about a photo's bytes (no boxes yet).
    static func facts(bytes: [UInt8], path: String) throws -> TrainingPhoto {
        let header = try PhotoHeader.read(bytes: bytes, name: path)
        return TrainingPhoto(name: path, sha256: PhotoFingerprint.sha256(bytes), width: header.width, height: header.height,
                             byteCount: bytes.count, format: Self.format(header.format), boxes: [])
    }

    /// The photo format training knows for a format the photo checks told apart.
    static func format(_ format: ImageFormat) -> TrainingPhoto.Format {
        switch format {
        case .jpeg: return .jpeg
        case .png: return .png
        }
    }
}
