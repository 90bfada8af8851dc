import Foundation
import HTTPTypes
import Hummingbird
import Lessons
import NIOCore
import PanyaStore
import PanyaSupport

/// The teacher's API: every student's latest tray, total, lesson step, last error and code
/// check; the class's tally; releasing a student's device; the results as CSV.
struct TeacherRoutes<Context: RequestContext> {
    let classroom: Classroom

    func add(to router: Router<Context>) {
        let api = router.group("api/teacher")
        api.post("login") { request, _ in
            try await handle(request) { _ in
                let body = try await ClassHTTP.decode(Login.self, from: request, limit: 4096)
                guard let token = classroom.teacherLogin(password: body.password) else { throw ClassError.notTeacher }
                var headers = HTTPFields()
                headers[.setCookie] = ClassHTTP.setCookie(ClassHTTP.teacherCookie, token)
                return ClassHTTP.json(["ok": true], headers: headers)
            }
        }
        api.get("class") { request, _ in
            try await handle(request) { _ in
                try teacher(request)
                return ClassHTTP.json(try overview())
            }
        }
        api.get("photos/:student") { request, context in
            try await handle(request) { _ in
                try teacher(request)
                guard let id = context.parameters.get("student", as: Int64.self), let student = try classroom.student(id: id),
                      let photo = student.latestPhoto else { throw ClassError.unknownPhoto }
                return try photoFile(classroom.desk(for: student).photosFolder + "/\(photo).jpg")
            }
        }
        api.post("students/:student/release") { request, context in
            try await handle(request) { _ in
                try teacher(request)
                guard let id = context.parameters.get("student", as: Int64.self), try classroom.student(id: id) != nil else { throw ClassError.unknownPhoto }
                try classroom.release(studentId: id)
                return ClassHTTP.json(try overview())
            }
        }
        api.get("export.csv") { request, _ in
            try await handle(request) { _ in
                try teacher(request)
                let csv = try Self.csv(overview().students)
                return Response(status: .ok, headers: [.contentType: "text/csv; charset=utf-8", .contentDisposition: "attachment; filename=\"panya-class.csv\"",
                                                       .cacheControl: "no-store"],
                                body: .init(byteBuffer: ByteBuffer(string: "\u{FEFF}" + csv)))
            }
        }
    }

    struct Login: Decodable { var password: String }

    func handle(_ request: Request, _ body: (UILanguage) async throws -> Response) async throws -> Response {
        let language = ClassHTTP.language(request, default: classroom.options.language)
        do {
            return try await body(language)
        } catch {
            return ClassHTTP.error(error, language: language)
        }
    }

    /// Refuses a request without the teacher's cookie; a change also needs the same-site header.
    func teacher(_ request: Request) throws {
        guard let token = ClassHTTP.cookie(ClassHTTP.teacherCookie, in: request), classroom.isTeacher(token: token) else { throw ClassError.notTeacher }
        if request.method != .get, request.headers[ClassHTTP.csrfHeader] != "teacher" { throw ClassError.badCSRF }
    }

    struct StudentRow: Encodable {
        var id: Int64
        var name: String
        var photos: Int
        var latestPhoto: String?
        var latestLabels: [CandidateJSON]
        var total: Int?
        var lesson: String?
        var step: String?
        var lastError: String?
        var codeAgrees: Bool?
        var online: Bool
        var released: Bool
    }

    struct Overview: Encodable {
        var classCode: String
        var students: [StudentRow]
        var breadsSeen: [String: Int]
        var breadsMissed: [String: Int]
        var mostMissed: String?
    }

    func overview() throws -> Overview {
        var seen: [String: Int] = [:], missed: [String: Int] = [:]
        let now = Date().timeIntervalSince1970
        let rows = try classroom.students().map { student -> StudentRow in
            for (label, count) in Self.counts(student.breadsSeen) { seen[label, default: 0] += count }
            for (label, count) in Self.counts(student.breadsMissed) { missed[label, default: 0] += count }
            let progress = Self.latestLesson(databasePath: classroom.desk(for: student).databasePath, student: student.name)
            let labels = (try? JSONDecoder().decode([CandidateJSON].self, from: Data((student.latestLabels ?? "[]").utf8))) ?? []
            return StudentRow(id: student.id ?? 0, name: student.name, photos: student.photoCount,
                              latestPhoto: student.latestPhoto.map { _ in "/api/teacher/photos/\(student.id ?? 0)" },
                              latestLabels: labels, total: student.latestTotal,
                              lesson: progress?.lesson, step: progress.map { "\(min($0.currentStep, $0.stepCount))/\($0.stepCount)" + ($0.finished ? " ✔" : "") },
                              lastError: student.lastError, codeAgrees: student.codeAgrees,
                              online: now - student.lastSeenAt < 120, released: student.tokenDigest == nil)
        }
        let mostMissed = missed.max { a, b in a.value != b.value ? a.value < b.value : a.key > b.key }?.key
        return Overview(classCode: classroom.classCode, students: rows, breadsSeen: seen, breadsMissed: missed, mostMissed: mostMissed)
    }

    static func counts(_ json: String) -> [String: Int] {
        (try? JSONDecoder().decode([String: Int].self, from: Data(json.utf8))) ?? [:]
    }

    /// The lesson the student worked on last, from their own database (nil before any lesson).
    static func latestLesson(databasePath: String, student: String) -> LessonProgress? {
        guard FileManager.default.fileExists(atPath: databasePath), let database = try? PanyaDatabase(path: databasePath) else { return nil }
        return (try? LessonProgressStore(database).all(student: student))?.max { $0.updatedAt < $1.updatedAt }
    }

    /// The class's results as CSV (a spreadsheet opens it; cells that look like formulas are quoted as text).
    static func csv(_ rows: [StudentRow]) -> String {
        var lines = ["name,photos,total,lesson,step,code_agrees,last_error,latest_breads"]
        for row in rows {
            let breads = row.latestLabels.map(\.name).joined(separator: " ")
            let cells = [row.name, String(row.photos), row.total.map(String.init) ?? "", row.lesson ?? "", row.step ?? "",
                         row.codeAgrees.map { $0 ? "yes" : "no" } ?? "", row.lastError ?? "", breads]
            lines.append(cells.map(csvCell).joined(separator: ","))
        }
        return lines.joined(separator: "\r\n") + "\r\n"
    }

    static func csvCell(_ text: String) -> String {
        var value = text
        if let first = value.first, "=+-@\t\r".contains(first) { value = "'" + value }
        if value.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" }) {
            value = "\"" + value.replacingOccurrences(of: "\"", with: "\"\"") + "\""
        }
        return value
    }
}
