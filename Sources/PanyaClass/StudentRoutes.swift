import CustomLabels
import Dispatch
import Foundation
import HTTPTypes
import Hummingbird
import NIOCore
import PanyaLanguage
import PanyaSupport
import Register
import Session
import Shell

/// The student's API: joining, photos, the register, checkout and their own code.
struct StudentRoutes<Context: RequestContext> {
    let classroom: Classroom

    func add(to router: Router<Context>) {
        let api = router.group("api")
        api.post("join") { request, _ in try await handle(request) { lang in try await join(request, lang) } }
        api.get("me") { request, _ in
            try await handle(request) { _ in
                let (student, _) = try authenticated(request, changing: false)
                return ClassHTTP.json(Me(name: student.name, csrf: student.csrfToken, classModel: classroom.classModelArn != nil))
            }
        }
        api.post("photos") { request, _ in try await handle(request) { lang in try await upload(request, lang) } }
        api.get("photos/:number") { request, context in
            try await handle(request) { _ in
                let (_, desk) = try authenticated(request, changing: false)
                guard let number = context.parameters.get("number", as: Int.self), number > 0 else { throw ClassError.unknownPhoto }
                return try photoFile(desk.photosFolder + "/\(number).jpg")
            }
        }
        api.get("register") { request, _ in
            try await handle(request) { _ in
                let (_, desk) = try authenticated(request, changing: false)
                return ClassHTTP.json(try await desk.run { session, _ in try Self.registerJSON(session) })
            }
        }
        api.post("register/add") { request, _ in try await handle(request) { _ in try await addToRegister(request) } }
        api.post("register/clear") { request, _ in
            try await handle(request) { _ in
                let (student, desk) = try authenticated(request, changing: true)
                let state = try await desk.run { session, _ in
                    try session.clearRegister()
                    return try Self.registerJSON(session)
                }
                classroom.update(studentId: student.id ?? 0) { $0.latestTotal = state.total }
                return ClassHTTP.json(state)
            }
        }
        api.post("register/checkout") { request, _ in
            try await handle(request) { _ in
                let (_, desk) = try authenticated(request, changing: true)
                return ClassHTTP.json(try await desk.run { session, _ in
                    let receipt = try session.checkout()
                    let total = RegisterTotal(subtotal: receipt.subtotal, taxRate: receipt.taxRate, tax: receipt.tax, total: receipt.total)
                    return ReceiptJSON(number: receipt.number,
                                       time: ISO8601.format(seconds: receipt.time.timeIntervalSince1970, offsetSeconds: receipt.offsetSeconds ?? 9 * 3600),
                                       realTime: receipt.realTime.map { ISO8601.format(seconds: $0.timeIntervalSince1970.rounded(.down), offsetSeconds: 0) },
                                       register: RegisterJSON(lines: receipt.items, total: total))
                })
            }
        }
        api.get("code") { request, _ in
            try await handle(request) { lang in
                let (_, desk) = try authenticated(request, changing: false)
                let source = (try? String(contentsOfFile: desk.codePath, encoding: .utf8)) ?? StudentCode.starter(lang)
                return ClassHTTP.json(["source": source])
            }
        }
        api.post("code") { request, _ in try await handle(request) { lang in try await runCode(request, lang) } }
    }

    struct Me: Encodable { var name: String; var csrf: String; var classModel: Bool }

    /// Runs a route, answering any error as JSON in the request's language.
    func handle(_ request: Request, _ body: (UILanguage) async throws -> Response) async throws -> Response {
        let language = ClassHTTP.language(request, default: classroom.options.language)
        do {
            return try await body(language)
        } catch {
            return ClassHTTP.error(error, language: language)
        }
    }

    /// The student of the request's cookie and their desk; a change must also carry the page's CSRF token.
    func authenticated(_ request: Request, changing: Bool) throws -> (Student, StudentDesk) {
        guard let token = ClassHTTP.cookie(ClassHTTP.sessionCookie, in: request), let student = classroom.student(token: token) else {
            throw ClassError.notJoined
        }
        if changing {
            guard let sent = request.headers[ClassHTTP.csrfHeader], ClassSecrets.same(sent, student.csrfToken) else { throw ClassError.badCSRF }
        }
        return (student, classroom.desk(for: student))
    }

    struct JoinRequest: Decodable { var name: String; var code: String }

    func join(_ request: Request, _ language: UILanguage) async throws -> Response {
        let body = try await ClassHTTP.decode(JoinRequest.self, from: request, limit: 4096)
        let (student, token) = try classroom.join(name: body.name, code: body.code)
        var headers = HTTPFields()
        headers[.setCookie] = ClassHTTP.setCookie(ClassHTTP.sessionCookie, token)
        return ClassHTTP.json(Me(name: student.name, csrf: student.csrfToken, classModel: classroom.classModelArn != nil), headers: headers)
    }

    func upload(_ request: Request, _ language: UILanguage) async throws -> Response {
        let (student, desk) = try authenticated(request, changing: true)
        let id = student.id ?? 0
        guard classroom.uploads.allow(id) else { throw ClassError.tooManyUploads(classroom.uploads.perMinute) }
        do {
            let bytes = try await ClassHTTP.body(request, limit: PhotoIntake.maxBytes)
            let name = Self.photoName(request.headers[HTTPField.Name("X-Photo-Name")!])
            let classModel = classroom.classModelArn
            let answer = try await desk.run { session, desk in
                let prepared = try PhotoIntake.prepare(bytes, name: name)
                let number = Self.nextPhotoNumber(in: desk.photosFolder)
                let path = desk.photosFolder + "/\(number).jpg"
                try Self.writeAtomically(prepared.bytes, to: path)
                let (candidates, source, note) = try Self.candidates(session, path: path, classModel: classModel, language: language)
                desk.candidates[number] = candidates
                return PhotoAnswer(photo: .init(id: number, width: prepared.width, height: prepared.height, url: "/api/photos/\(number)"),
                                   model: .init(arn: candidates.modelArn, name: ProjectVersionArn(candidates.modelArn)?.versionName ?? candidates.modelArn,
                                                source: source, note: note),
                                   candidates: candidates.candidates.map(CandidateJSON.init))
            }
            let seen = answer.candidates.filter { $0.confidence >= ($0.threshold ?? 0) }.map(\.name)
            let missed = answer.candidates.filter { $0.confidence < ($0.threshold ?? 0) }.map(\.name)
            // The breads the register screen shows by the assumed thresholds, with their boxes (the teacher's thumbnail).
            let kept = answer.candidates.filter { $0.confidence >= ($0.threshold ?? 0) }
            let labels = String(decoding: (try? JSONEncoder().encode(kept)) ?? Data("[]".utf8), as: UTF8.self)
            classroom.update(studentId: id) { row in
                row.latestPhoto = answer.photo.id
                row.latestLabels = labels
                row.photoCount += 1
                row.lastError = nil
                row.breadsSeen = Self.counted(row.breadsSeen, adding: seen)
                row.breadsMissed = Self.counted(row.breadsMissed, adding: missed)
            }
            return ClassHTTP.json(answer)
        } catch {
            let message = (error as? UserFacingError)?.message.text(language) ?? "\(error)"
            classroom.update(studentId: id) { $0.lastError = message }
            throw error
        }
    }

    /// Every candidate from the student's current model; a photo it has no recording for is answered
    /// by the class model (trained on the lesson photos), and the answer says so.
    static func candidates(_ session: StudentSession, path: String, classModel: String?, language: UILanguage) throws -> (ScreenCandidates, String, String?) {
        do {
            return (try session.screenCandidates(photo: path), "current", nil)
        } catch let error as UserFacingError where error.code == "NoRecording" {
            guard let classModel else { throw error }
            let note = Message(en: "The ready-made model only knows its recorded photos, so the class model (trained on the lesson photos, as in lesson 5) answered.",
                               ja: "出来合いのモデルは記録した写真しか知らないので、クラスのモデル (レッスン5と同じようにレッスンの写真で学習) が答えました。")
            return (try session.screenCandidates(photo: path, modelArn: classModel), "class", note.text(language))
        }
    }

    struct AddRequest: Decodable { var photo: Int; var minConfidence: Double? }

    func addToRegister(_ request: Request) async throws -> Response {
        let (student, desk) = try authenticated(request, changing: true)
        let body = try await ClassHTTP.decode(AddRequest.self, from: request)
        let classModel = classroom.classModelArn
        let state = try await desk.run { session, desk in
            var candidates = desk.candidates[body.photo]
            if candidates == nil {
                // After a restart: ask the model again about the stored photo.
                let path = desk.photosFolder + "/\(body.photo).jpg"
                guard body.photo > 0, FileManager.default.fileExists(atPath: path) else { throw ClassError.unknownPhoto }
                candidates = try Self.candidates(session, path: path, classModel: classModel, language: session.options.language).0
                desk.candidates[body.photo] = candidates
            }
            guard let candidates else { throw ClassError.unknownPhoto }
            try session.addToRegister(candidates, minConfidence: body.minConfidence)
            return try Self.registerJSON(session)
        }
        classroom.update(studentId: student.id ?? 0) { $0.latestTotal = state.total }
        return ClassHTTP.json(state)
    }

    struct CodeRequest: Decodable { var source: String }

    func runCode(_ request: Request, _ language: UILanguage) async throws -> Response {
        let (student, desk) = try authenticated(request, changing: true)
        let body = try await ClassHTTP.decode(CodeRequest.self, from: request, limit: StudentCode.maxLength * 4 + 1024)
        guard body.source.count <= StudentCode.maxLength else { throw ClassError.codeTooLong(StudentCode.maxLength) }
        let limit = classroom.options.codeTimeLimit
        let check = try await desk.runShell { shell, desk in
            try Self.writeAtomically(Array(body.source.utf8), to: desk.codePath)
            let deadline = DispatchTime.now().uptimeNanoseconds + UInt64(limit * 1e9)
            let result = shell.runStudentProgram(body.source, file: "register.panya", call: StudentCode.call) {
                DispatchTime.now().uptimeNanoseconds > deadline
            }
            let state = try shell.core.registerState()
            var check = CodeCheckJSON(source: body.source, ok: false, studentTotal: nil, registerTotal: state.total.total, agrees: false, problem: nil, note: nil)
            switch result {
            case .success(let value):
                check.ok = true
                if case .number(let number)? = value { check.studentTotal = number }
                else { check.note = Message(en: "total(lines) should return a number (it returned \(value?.literal ?? "nil")).",
                                            ja: "total(lines) は数を返してください (\(value?.literal ?? "nil") が返りました)。").text(language) }
            case .failure(let diagnostic):
                let rendered = DiagnosticRenderer.render(source: body.source, diagnostics: [diagnostic], language: language)
                check.problem = .init(line: diagnostic.span.line, column: diagnostic.span.column, message: diagnostic.text(language), rendered: rendered)
            }
            if state.lines.isEmpty {
                check.note = check.note ?? Message(en: "The register is empty: send a photo and add its breads, then compare.",
                                                   ja: "レジが空です。写真を送ってパンをレジに入れてから比べましょう。").text(language)
            } else if let total = check.studentTotal {
                check.agrees = abs(total - Double(state.total.total)) < 1e-9
            }
            return check
        }
        let agrees = check.agrees
        let problem = check.problem?.message
        classroom.update(studentId: student.id ?? 0) { row in
            row.codeAgrees = agrees
            if let problem { row.lastError = problem }
        }
        return ClassHTTP.json(check)
    }

    // MARK: helpers

    static func registerJSON(_ session: StudentSession) throws -> RegisterJSON {
        let state = try session.registerState()
        var json = RegisterJSON(lines: state.lines, total: state.total)
        json.model = (try? session.currentModelArn()).map { RegisterJSON.ModelJSON(arn: $0, name: ProjectVersionArn($0)?.versionName ?? $0) }
        return json
    }

    /// A photo's name for messages: the file name the page sent, plain and short.
    static func photoName(_ sent: String?) -> String {
        let name = (sent ?? "").removingPercentEncoding ?? ""
        let plain = String(name.filter { !$0.isNewline && $0 != "\u{0}" }.prefix(80))
        return plain.isEmpty ? "photo" : plain
    }

    static func nextPhotoNumber(in folder: String) -> Int {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? []
        return (names.compactMap { Int($0.replacingOccurrences(of: ".jpg", with: "")) }.max() ?? 0) + 1
    }

    /// Writes through a temporary file and a rename, so a crash never leaves half a file.
    static func writeAtomically(_ bytes: [UInt8], to path: String) throws {
        let temporary = path + ".part"
        guard FileManager.default.createFile(atPath: temporary, contents: Data(bytes)) else {
            throw ClassError.cannotUseFolder((path as NSString).deletingLastPathComponent, reason: "cannot write")
        }
        guard rename(temporary, path) == 0 else {
            throw ClassError.cannotUseFolder((path as NSString).deletingLastPathComponent, reason: String(cString: strerror(errno)))
        }
    }

    static func counted(_ json: String, adding names: [String]) -> String {
        var counts = (try? JSONDecoder().decode([String: Int].self, from: Data(json.utf8))) ?? [:]
        for name in names { counts[name, default: 0] += 1 }
        return String(decoding: (try? JSONEncoder().encode(counts)) ?? Data("{}".utf8), as: UTF8.self)
    }
}

/// A stored JPEG as an answer.
func photoFile(_ path: String) throws -> Response {
    guard let data = FileManager.default.contents(atPath: path) else { throw ClassError.unknownPhoto }
    return Response(status: .ok, headers: [.contentType: "image/jpeg", .cacheControl: "private, max-age=3600"],
                    body: .init(byteBuffer: ByteBuffer(bytes: data)))
}
