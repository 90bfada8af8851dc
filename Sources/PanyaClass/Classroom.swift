import Foundation
import GRDB
import PanyaSupport
import Synchronization

/// The class: its code, the teacher's password, the roster (a database of its own) and each
/// student's desk. Safe to use from many requests at once.
public final class Classroom: Sendable {
    public let options: ClassOptions
    /// The class's folder (roster, template, one folder per student).
    public let folder: String
    /// Where `lessons/`, `mock-responses/` and `web/` are.
    public let assetsRoot: String
    /// The code students type to join.
    public let classCode: String
    /// The teacher's password.
    public let teacherPassword: String
    let roster: DatabaseQueue
    let template: ClassTemplate
    private let desks = Mutex<[Int64: StudentDesk]>([:])
    private let teacherTokens = Mutex<Set<String>>([])
    let uploads: RateLimit

    /// Opens (or makes) the class in its folder: the roster, the template database with the class model.
    public init(options: ClassOptions, log: (String) -> Void = { _ in }) throws {
        self.options = options
        let assetsRoot = options.assetsRoot ?? Paths.assetsRoot()
        self.assetsRoot = assetsRoot
        let folder = options.resolvedDataDirectory()
        self.folder = folder
        do {
            try FileManager.default.createDirectory(atPath: folder + "/students", withIntermediateDirectories: true)
        } catch {
            throw ClassError.cannotUseFolder(folder, reason: "\(error.localizedDescription)")
        }
        var configuration = Configuration()
        configuration.busyMode = .timeout(5)
        configuration.prepareDatabase { db in try db.execute(sql: "PRAGMA journal_mode = WAL") }
        let rosterPath = options.databasePath ?? folder + "/class.sqlite"
        do {
            roster = try DatabaseQueue(path: rosterPath, configuration: configuration)
            try ClassSchema.migrator.migrate(roster)
        } catch {
            throw ClassError.cannotOpenRoster(rosterPath, reason: "\(error)")
        }
        // The code and password stay the same across restarts (students' cookies and the printed card stay valid).
        classCode = try Self.setting("classCode", in: roster, given: options.classCode.map(ClassSecrets.normalizedCode), make: ClassSecrets.newClassCode)
        teacherPassword = try Self.setting("teacherPassword", in: roster, given: options.teacherPassword, make: ClassSecrets.newTeacherPassword)
        template = try ClassTemplate.open(folder: folder, options: options, log: log)
        uploads = RateLimit(perMinute: options.uploadsPerMinute)
    }

    private static func setting(_ key: String, in roster: DatabaseQueue, given: String?, make: () -> String) throws -> String {
        try roster.write { db in
            if let given {
                try db.execute(sql: "INSERT OR REPLACE INTO classSetting(key, value) VALUES (?, ?)", arguments: [key, given])
                return given
            }
            if let stored = try String.fetchOne(db, sql: "SELECT value FROM classSetting WHERE key = ?", arguments: [key]) { return stored }
            let value = make()
            try db.execute(sql: "INSERT INTO classSetting(key, value) VALUES (?, ?)", arguments: [key, value])
            return value
        }
    }

    /// The class model's ARN (trained on the lesson photos), answering photos that have no recording.
    public var classModelArn: String? { template.classModelArn }

    // MARK: students

    /// The longest name, in characters.
    public static let maxNameLength = 40

    /// Joins the class: a new student, or the same name again once the teacher released it.
    /// Returns the student and the session token for their cookie.
    public func join(name typed: String, code: String) throws -> (Student, token: String) {
        guard ClassSecrets.same(ClassSecrets.normalizedCode(code), classCode) else { throw ClassError.wrongClassCode }
        let name = try Self.checkedName(typed)
        let token = ClassSecrets.newToken()
        let now = Date().timeIntervalSince1970
        let student: Student = try roster.write { db in
            if var existing = try Student.filter(Column("name") == name).fetchOne(db) {
                guard existing.tokenDigest == nil else { throw ClassError.nameTaken(name) }
                existing.tokenDigest = ClassSecrets.digest(token)
                existing.csrfToken = ClassSecrets.newToken()
                existing.lastSeenAt = now
                try existing.update(db)
                return existing
            }
            var student = Student(id: nil, name: name, tokenDigest: ClassSecrets.digest(token), csrfToken: ClassSecrets.newToken(),
                                  joinedAt: now, lastSeenAt: now, latestPhoto: nil, latestLabels: nil, latestTotal: nil,
                                  lastError: nil, codeAgrees: nil, breadsSeen: "{}", breadsMissed: "{}", photoCount: 0)
            try student.insert(db)
            return student
        }
        try prepareFolder(for: student)
        return (student, token)
    }

    /// A typed name, trimmed; refused when empty, too long, or holding control characters.
    static func checkedName(_ typed: String) throws -> String {
        let name = typed.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !name.isEmpty else { throw ClassError.emptyName }
        guard name.count <= maxNameLength else { throw ClassError.nameTooLong(maxNameLength) }
        guard !name.unicodeScalars.contains(where: { $0.properties.generalCategory == .control || $0.properties.generalCategory == .format && $0.value != 0x200D }) else {
            throw ClassError.nameHasControlCharacters
        }
        return name
    }

    private func prepareFolder(for student: Student) throws {
        let desk = self.desk(for: student)
        let fm = FileManager.default
        do {
            try fm.createDirectory(atPath: desk.photosFolder, withIntermediateDirectories: true)
            if !fm.fileExists(atPath: desk.databasePath) { try template.copy(to: desk.databasePath) }
            if !fm.fileExists(atPath: desk.codePath) {
                try StudentCode.starter(options.language).write(toFile: desk.codePath, atomically: true, encoding: .utf8)
            }
        } catch {
            throw ClassError.cannotUseFolder(desk.folder, reason: "\(error)")
        }
    }

    /// The student whose session token this is, and notes the visit.
    public func student(token: String) -> Student? {
        guard token.count == 32, token.allSatisfy(\.isHexDigit) else { return nil }
        let digest = ClassSecrets.digest(token)
        return try? roster.write { db in
            guard var student = try Student.filter(Column("tokenDigest") == digest).fetchOne(db) else { return nil }
            student.lastSeenAt = Date().timeIntervalSince1970
            try student.update(db, columns: ["lastSeenAt"])
            return student
        }
    }

    /// The student by id (for the teacher).
    public func student(id: Int64) throws -> Student? {
        try roster.read { db in try Student.fetchOne(db, key: id) }
    }

    /// Every student, by name.
    public func students() throws -> [Student] {
        try roster.read { db in try Student.order(Column("name")).fetchAll(db) }
    }

    /// Changes a student's row (latest tray, total, error, code check).
    func update(studentId: Int64, _ change: @escaping @Sendable (inout Student) -> Void) {
        _ = try? roster.write { db in
            guard var student = try Student.fetchOne(db, key: studentId) else { return }
            change(&student)
            try student.update(db)
        }
    }

    /// The desk of a student (made on first use).
    public func desk(for student: Student) -> StudentDesk {
        let id = student.id ?? 0
        return desks.withLock { desks in
            if let desk = desks[id] { return desk }
            let desk = StudentDesk(studentId: id, name: student.name, folder: folder + "/students/" + student.folderName,
                                   classOptions: options, assetsRoot: assetsRoot)
            desks[id] = desk
            return desk
        }
    }

    /// The teacher's reset: the student's device is released (the same name may join again, on any
    /// device, and finds their work as they left it).
    public func release(studentId: Int64) throws {
        _ = try roster.write { db in
            try db.execute(sql: "UPDATE student SET tokenDigest = NULL, csrfToken = ? WHERE id = ?", arguments: [ClassSecrets.newToken(), studentId])
        }
        let desk = desks.withLock { $0[studentId] }
        desk?.close()
    }

    // MARK: teacher

    /// Logs the teacher in: a token for the teacher's cookie, or nil for a wrong password.
    public func teacherLogin(password: String) -> String? {
        guard ClassSecrets.same(password.trimmingCharacters(in: .whitespaces), teacherPassword) else { return nil }
        let token = ClassSecrets.newToken()
        teacherTokens.withLock { _ = $0.insert(ClassSecrets.digest(token)) }
        return token
    }

    /// Whether a token is the teacher's.
    public func isTeacher(token: String) -> Bool {
        let digest = ClassSecrets.digest(token)
        return teacherTokens.withLock { $0.contains(digest) }
    }
}

/// Uploads per student per minute: a sliding window of the times of the last requests.
final class RateLimit: Sendable {
    let perMinute: Int
    private let times = Mutex<[Int64: [Double]]>([:])

    init(perMinute: Int) { self.perMinute = perMinute }

    /// True (and counted) when the student may send one more now.
    func allow(_ studentId: Int64, now: Double = Date().timeIntervalSince1970) -> Bool {
        times.withLock { times in
            var recent = (times[studentId] ?? []).filter { now - $0 < 60 }
            guard recent.count < perMinute else { times[studentId] = recent; return false }
            recent.append(now)
            times[studentId] = recent
            return true
        }
    }
}
