import CustomLabels
import Foundation
import PanyaStore
import PanyaSupport
import Synchronization

/// The recorded responses the mock replays: `projects/*.json` and
/// `detections/*.json` under one folder.
///
/// ``open(directory:index:)`` reads only the (few) project files; a detection file is found
/// through a ``RecordingIndexStore`` (file → photo hash, version ARN, size, time), refreshed from
/// the folder's sizes and times on each lookup, and decoded when it is used, so start-up does not
/// grow with the number of recordings. ``load(directory:)`` reads and checks everything at once.
public final class RecordingLibrary: Sendable {
    /// The folder the recordings were read from.
    public let directory: String
    /// The projects, by file name order.
    public let projects: [ProjectRecording]

    private enum Detections: Sendable {
        /// Every detection read and checked (``load(directory:)``), by file name, and by photo + version.
        case loaded([DetectionRecording], [String: DetectionRecording])
        /// Found through the index on use.
        case indexed(RecordingIndexStore)
    }

    private let detectionSource: Detections
    private let versionsByArn: [ProjectVersionArn: VersionRecording]
    /// Recordings already decoded, by file, with the size and time they were decoded at: a file
    /// whose size and time the index has just confirmed is not parsed again.
    private let decoded = Mutex<[String: (size: Int64, modified: Int64, recording: DetectionRecording)]>([:])
    /// The index's last answers by photo and version, with the database's stamp when read.
    private let indexRead = Mutex<[String: (stamp: ChangeStamp, entries: [RecordingIndexEntry], folderStamp: Int64?)]>([:])
    /// How many photo-and-version answers of the index are kept.
    static let indexReadsKept = 64

    private init(directory: String, projects: [ProjectRecording], detections: Detections) {
        self.directory = directory
        self.projects = projects
        self.detectionSource = detections
        var versions: [ProjectVersionArn: VersionRecording] = [:]
        for project in projects {
            for version in project.versions where versions[version.arn] == nil { versions[version.arn] = version }
        }
        self.versionsByArn = versions
    }

    // MARK: Opening

    /// Reads the project files under `directory`; detection files are read when used, through
    /// `index`. Throws ``RecordingError`` for a missing folder or a mistake in a project file.
    public static func open(directory: String, index: RecordingIndexStore) throws -> RecordingLibrary {
        let projects = try readProjects(directory: directory)
        return RecordingLibrary(directory: directory, projects: projects, detections: .indexed(index))
    }

    /// A library with no recordings at all (nothing is read): what the local dataset workbench
    /// of the live backend stands on, so it never depends on a recordings folder.
    public static func empty() -> RecordingLibrary {
        RecordingLibrary(directory: "", projects: [], detections: .loaded([], [:]))
    }

    /// Reads and checks every recording under `directory`; throws ``RecordingError`` listing
    /// every mistake (file, line, key, fix).
    public static func load(directory: String) throws -> RecordingLibrary {
        var issues: [RecordingError.Issue] = []
        var projects: [ProjectRecording] = []
        do {
            projects = try readProjects(directory: directory)
        } catch let error as RecordingError {
            issues = error.issues
        }
        // When a project file is wrong, its versions are unknown: detections naming an unknown
        // version are skipped rather than reported, so the one real mistake is not buried.
        let projectsFailed = !issues.isEmpty
        let versions = RecordingLibrary(directory: directory, projects: projects, detections: .loaded([], [:])).versionsByArn
        var detections: [DetectionRecording] = []
        var index: [String: DetectionRecording] = [:]
        for file in recordingFiles(in: directory + "/" + RecordingFormat.detectionsFolder) {
            let relative = RecordingFormat.detectionsFolder + "/" + file
            do {
                let document = try parseFile(directory + "/" + relative)
                if projectsFailed, let arn = document.root["ProjectVersionArn"]?.stringValue.flatMap(ProjectVersionArn.init), versions[arn] == nil {
                    continue
                }
                let recording = try DetectionRecording.decode(document, file: relative, versions: { versions[$0] })
                let key = indexKey(sha256: recording.sha256, versionArn: recording.versionArn.description)
                if let other = index[key] { throw duplicate(recording, of: other, in: document) }
                index[key] = recording
                detections.append(recording)
            } catch let error as JSONError {
                issues.append(RecordingError.Issue(file: relative, error: error))
            }
        }
        if !issues.isEmpty { throw RecordingError(directory: directory, issues: issues) }
        return RecordingLibrary(directory: directory, projects: projects, detections: .loaded(detections, index))
    }

    /// The project files, checked; a version declared twice is reported, as is a folder without projects.
    static func readProjects(directory: String) throws -> [ProjectRecording] {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: directory, isDirectory: &isDirectory), isDirectory.boolValue else {
            throw RecordingError(directory: directory, issues: [
                RecordingError.Issue(file: directory, error: JSONError(.invalidValue(Catalog.recordingFolderMissing(directory)), path: .root,
                                                                       location: nil, hint: Catalog.recordingFolderHint)),
            ])
        }
        var issues: [RecordingError.Issue] = []
        var projects: [ProjectRecording] = []
        for file in recordingFiles(in: directory + "/" + RecordingFormat.projectsFolder) {
            let relative = RecordingFormat.projectsFolder + "/" + file
            do {
                projects.append(try ProjectRecording.decode(parseFile(directory + "/" + relative), file: relative))
            } catch let error as JSONError {
                issues.append(RecordingError.Issue(file: relative, error: error))
            }
        }
        if projects.isEmpty && issues.isEmpty {
            issues.append(RecordingError.Issue(file: RecordingFormat.projectsFolder + "/", error: JSONError(
                .invalidValue(Catalog.recordingNoProjects), path: .root, location: nil, hint: Catalog.recordingNoProjectsHint)))
        }
        var versionFiles: [ProjectVersionArn: String] = [:]
        for project in projects {
            for version in project.versions {
                if let other = versionFiles[version.arn] {
                    issues.append(RecordingError.Issue(file: project.file, error: JSONError(
                        .invalidValue(Catalog.recordingDuplicateVersion(version.arn.description, otherFile: other)), path: .root, location: nil)))
                }
                versionFiles[version.arn] = versionFiles[version.arn] ?? project.file
            }
        }
        if !issues.isEmpty { throw RecordingError(directory: directory, issues: issues) }
        return projects
    }

    static func indexKey(sha256: String, versionArn: String) -> String { sha256.lowercased() + " " + versionArn }

    /// The recording file names in a folder (`*.json`, not hidden), sorted.
    static func recordingFiles(in folder: String) -> [String] {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? []
        return names.filter(RecordingFormat.isRecordingFileName).sorted()
    }

    static func parseFile(_ path: String) throws -> JSONDocument {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw JSONError(.invalidValue(Catalog.recordingUnreadable(path)), path: .root, location: nil)
        }
        return try JSONParser.parse(bytes: [UInt8](data))
    }

    /// The error for a second recording of one photo and version, at its `Photo.SHA256`.
    static func duplicate(_ recording: DetectionRecording, of other: DetectionRecording, in document: JSONDocument) -> JSONError {
        let path = JSONPath.root.appending(key: "Photo").appending(key: "SHA256")
        return JSONError(.invalidValue(Catalog.recordingDuplicateDetection(photo: recording.photoFile, otherFile: other.file)),
                         path: path, location: document.locations[path], hint: Catalog.recordingDuplicateDetectionHint)
    }

    // MARK: Lookups

    /// The version with this ARN and its project.
    public func version(arn: String) -> (project: ProjectRecording, version: VersionRecording)? {
        for project in projects {
            if let version = project.versions.first(where: { $0.arn.description == arn }) { return (project, version) }
        }
        return nil
    }

    /// The project with this ARN.
    public func project(arn: String) -> ProjectRecording? {
        projects.first { $0.projectArn.description == arn }
    }

    /// The project called `name`.
    public func project(named name: String) -> ProjectRecording? {
        projects.first { $0.projectName == name }
    }

    /// What `versionArn` saw in the photo with this SHA-256: nil when nothing is recorded.
    /// - Throws: ``RecordingError`` (file, line, key) when the recording, or a file that might be
    ///   it (one whose hash and version cannot be read), has a mistake, or when two files record it.
    public func recording(sha256: String, versionArn: String) throws -> DetectionRecording? {
        switch detectionSource {
        case .loaded(_, let index):
            return index[Self.indexKey(sha256: sha256, versionArn: versionArn)]
        case .indexed(let store):
            return try indexedRecording(sha256: sha256.lowercased(), versionArn: versionArn, store: store)
        }
    }

    /// What `versionArn` saw in the photo with this SHA-256, or nil when nothing usable is recorded
    /// (``recording(sha256:versionArn:)`` says why).
    public func detection(sha256: String, versionArn: String) -> DetectionRecording? {
        (try? recording(sha256: sha256, versionArn: versionArn)) ?? nil
    }

    /// The version ARNs the photo with this SHA-256 is recorded for, sorted.
    public func recordedVersions(sha256: String) throws -> [String] {
        let sha = sha256.lowercased()
        switch detectionSource {
        case .loaded(let all, _):
            return all.filter { $0.sha256 == sha }.map(\.versionArn.description).sorted()
        case .indexed(let store):
            return Array(Set(try refreshedEntries(store).filter { $0.sha256 == sha }.compactMap(\.versionArn))).sorted()
        }
    }

    /// Every detection recording, by file name, read and checked (slow with many files: for
    /// checks and tests, not for a detect).
    public func allDetections() throws -> [DetectionRecording] {
        switch detectionSource {
        case .loaded(let all, _):
            return all
        case .indexed:
            return try Self.load(directory: directory).allDetections()
        }
    }

    /// Every detection recording (empty when one has a mistake; ``allDetections()`` says which).
    public var detections: [DetectionRecording] { (try? allDetections()) ?? [] }

    /// Every recording made with one version.
    public func detections(versionArn: String) -> [DetectionRecording] {
        detections.filter { $0.versionArn.description == versionArn }
    }

    /// Recordings of the photo with this SHA-256, whatever the version.
    public func detections(sha256: String) -> [DetectionRecording] {
        detections.filter { $0.sha256 == sha256.lowercased() }
    }

    // MARK: The index

    /// A file's or folder's modification time in nanoseconds and size, nil when it is not there
    /// (or, with `regularFile`, not a regular file).
    static func stamp(_ path: String, regularFile: Bool) -> (modified: Int64, size: Int64)? {
        var info = stat()
        guard stat(path, &info) == 0 else { return nil }
        if regularFile && (info.st_mode & S_IFMT) != S_IFREG { return nil }
        return (Int64(info.st_mtim.tv_sec) * 1_000_000_000 + Int64(info.st_mtim.tv_nsec), Int64(info.st_size))
    }

    /// The index entries of this folder, brought up to date with every file's size and time
    /// (changed files re-read for their hash and version, removed ones forgotten), and the
    /// folder's stamp recorded.
    func refreshedEntries(_ store: RecordingIndexStore) throws -> [RecordingIndexEntry] {
        let folder = directory + "/" + RecordingFormat.detectionsFolder
        let folderStamp = Self.stamp(folder, regularFile: false)?.modified ?? 0
        var known: [String: RecordingIndexEntry] = [:]
        for entry in try store.entries(directory: directory) { known[entry.file] = entry }
        var current: [RecordingIndexEntry] = []
        var changed: [RecordingIndexEntry] = []
        for name in Self.recordingFiles(in: folder) {
            let relative = RecordingFormat.detectionsFolder + "/" + name
            guard let stamp = Self.stamp(folder + "/" + name, regularFile: true) else { continue }
            if let entry = known.removeValue(forKey: relative), entry.modifiedNanoseconds == stamp.modified, entry.size == stamp.size {
                current.append(entry)
                continue
            }
            let bytes = FileManager.default.contents(atPath: folder + "/" + name).map { [UInt8]($0) } ?? []
            let key = DetectionRecording.key(of: bytes)
            let entry = RecordingIndexEntry(directory: directory, file: relative, modifiedNanoseconds: stamp.modified, size: stamp.size,
                                            sha256: key?.sha256, versionArn: key?.versionArn)
            changed.append(entry)
            current.append(entry)
        }
        let stored = try store.folderStamp(directory: directory)
        try store.update(directory: directory, changed: changed, removed: known.keys.sorted(),
                         folderStamp: stored == folderStamp ? nil : folderStamp)
        return current
    }

    private func indexedRecording(sha256: String, versionArn: String, store: RecordingIndexStore) throws -> DetectionRecording? {
        // Fast path: no file added, removed or renamed since the last full comparison, and the
        // matching files unchanged: only they are read. Anything else compares every file.
        let folder = directory + "/" + RecordingFormat.detectionsFolder
        let (indexed, storedStamp) = try indexEntries(sha256: sha256, versionArn: versionArn, store: store)
        if let storedStamp, !indexed.isEmpty, storedStamp == Self.stamp(folder, regularFile: false)?.modified,
           indexed.allSatisfy(isUnchanged) {
            return try decodeMatches(indexed)
        }
        let entries = try refreshedEntries(store)
        let matches = entries.filter { $0.sha256 == sha256 && $0.versionArn == versionArn }
        guard !matches.isEmpty else {
            // A file whose hash or version cannot be read may be this photo's: report it.
            let issues = entries.filter { $0.sha256 == nil || $0.versionArn == nil }.compactMap { entry -> RecordingError.Issue? in
                do {
                    _ = try decodeDetection(entry.file)
                    return nil
                } catch let error as JSONError {
                    return RecordingError.Issue(file: entry.file, error: error)
                } catch {
                    return nil
                }
            }
            if !issues.isEmpty { throw RecordingError(directory: directory, issues: issues) }
            return nil
        }
        return try decodeMatches(matches)
    }

    /// The index's entries about one photo and version and the folder's stamp, read again only
    /// when the database changed since the last time (the files' own stamps are compared anyway).
    private func indexEntries(sha256: String, versionArn: String, store: RecordingIndexStore) throws
        -> (entries: [RecordingIndexEntry], folderStamp: Int64?) {
        let key = Self.indexKey(sha256: sha256, versionArn: versionArn)
        // Taken before reading: a commit in between makes the kept entries look older, never newer.
        let stamp = try store.changeStamp()
        if let kept = indexRead.withLock({ $0[key] }), kept.stamp == stamp { return (kept.entries, kept.folderStamp) }
        let read = try store.entries(directory: directory, sha256: sha256, versionArn: versionArn)
        indexRead.withLock { kept in
            if kept.count >= Self.indexReadsKept { kept.removeAll() }
            kept[key] = (stamp, read.entries, read.folderStamp)
        }
        return read
    }

    /// True when the entry's file has the size and time the index holds.
    private func isUnchanged(_ entry: RecordingIndexEntry) -> Bool {
        guard let stamp = Self.stamp(directory + "/" + entry.file, regularFile: true) else { return false }
        return stamp.modified == entry.modifiedNanoseconds && stamp.size == entry.size
    }

    /// The one recording among `matches` (files about the same photo and version), checked;
    /// a second one is a mistake.
    private func decodeMatches(_ matches: [RecordingIndexEntry]) throws -> DetectionRecording? {
        var found: DetectionRecording?
        for entry in matches {
            do {
                if found == nil, matches.count == 1, let known = decoded.withLock({ $0[entry.file] }),
                   known.size == entry.size, known.modified == entry.modifiedNanoseconds {
                    return known.recording
                }
                let document = try Self.parseFile(directory + "/" + entry.file)
                let recording = try DetectionRecording.decode(document, file: entry.file, versions: { self.versionsByArn[$0] })
                if let first = found { throw Self.duplicate(recording, of: first, in: document) }
                found = recording
                decoded.withLock { $0[entry.file] = (entry.size, entry.modifiedNanoseconds, recording) }
            } catch let error as JSONError {
                throw RecordingError(directory: directory, issues: [RecordingError.Issue(file: entry.file, error: error)])
            }
        }
        return found
    }

    private func decodeDetection(_ file: String) throws -> DetectionRecording {
        try DetectionRecording.decode(Self.parseFile(directory + "/" + file), file: file, versions: { self.versionsByArn[$0] })
    }
}
