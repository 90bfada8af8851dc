import CustomLabels
import Foundation
import HTTPTypes
import Hummingbird
import NIOCore
import PanyaLanguage
import PanyaSupport
import Shell

/// The console's API (`/api/console/...`): the student's project, datasets, photos and their
/// boxes, training, the evaluation, the model and the month — all on the student's own session,
/// so every number is the one the shell's commands give. The project and its boxes are the
/// session's backend directly; the buttons that are commands run in the desk's shell over it.
struct ConsoleRoutes<Context: RequestContext> {
    let classroom: Classroom

    var student: StudentRoutes<Context> { StudentRoutes(classroom: classroom) }

    func add(to router: Router<Context>) {
        let api = router.group("api/console")
        api.get("project") { request, _ in
            try await student.handle(request) { _ in
                let (_, desk) = try student.authenticated(request, changing: false)
                return ClassHTTP.json(try await desk.run { session, _ in try ConsoleProject.state(session) })
            }
        }
        api.post("project") { request, _ in
            try await student.handle(request) { _ in
                let (_, desk) = try student.authenticated(request, changing: true)
                let body = try await ClassHTTP.decode(ProjectRequest.self, from: request, limit: 4096)
                return ClassHTTP.json(try await desk.run { session, _ in try ConsoleProject.create(session, name: body.name) })
            }
        }
        api.post("labels") { request, _ in
            try await student.handle(request) { _ in
                let (_, desk) = try student.authenticated(request, changing: true)
                let body = try await ClassHTTP.decode(LabelsRequest.self, from: request, limit: 16_384)
                return ClassHTTP.json(try await desk.run { session, _ in try ConsoleProject.addLabels(session, body.names) })
            }
        }
        api.post("photos") { request, _ in try await student.handle(request) { lang in try await upload(request, lang) } }
        api.get("photo") { request, _ in
            try await student.handle(request) { _ in
                let (_, desk) = try student.authenticated(request, changing: false)
                let path = request.uri.queryParameters.get("path") ?? ""
                let file = try await desk.run { session, _ in try ConsoleProject.servablePhoto(session, path: path) }
                return try photoFile(file)
            }
        }
        api.get("boxes") { request, _ in
            try await student.handle(request) { _ in
                let (_, desk) = try student.authenticated(request, changing: false)
                let path = request.uri.queryParameters.get("path") ?? ""
                return ClassHTTP.json(try await desk.run { session, _ in try ConsoleBoxes.photo(session, path: path) })
            }
        }
        api.post("boxes") { request, _ in
            try await student.handle(request) { _ in
                let (_, desk) = try student.authenticated(request, changing: true)
                let body = try await ClassHTTP.decode(ConsoleBoxes.SaveRequest.self, from: request, limit: 262_144)
                return ClassHTTP.json(try await desk.run { session, _ in try ConsoleBoxes.save(session, body) })
            }
        }
        api.post("remove") { request, _ in
            try await student.handle(request) { _ in
                let (_, desk) = try student.authenticated(request, changing: true)
                let body = try await ClassHTTP.decode(RemoveRequest.self, from: request, limit: 8192)
                return ClassHTTP.json(try await desk.run { session, _ in try ConsoleProject.remove(session, path: body.path) })
            }
        }
        api.get("export") { request, _ in
            try await student.handle(request) { _ in
                let (_, desk) = try student.authenticated(request, changing: false)
                let kind = try ConsoleProject.kind(request.uri.queryParameters.get("dataset"))
                let text = try await desk.runShell { session, _ in try ConsoleCommand.text(session, "dataset export \(kind.rawValue)") }
                return ClassHTTP.json(["manifest": text])
            }
        }
        api.post("run") { request, _ in
            try await student.handle(request) { lang in
                let (_, desk) = try student.authenticated(request, changing: true)
                let body = try await ClassHTTP.decode(RunRequest.self, from: request, limit: 4096)
                guard let lines = ConsoleCommand.lines(for: body.action) else { throw ConsoleError.unknownAction }
                return ClassHTTP.json(try await desk.runShell { session, _ in try ConsoleCommand.run(session, lines, language: lang) })
            }
        }
        api.get("status") { request, _ in
            try await student.handle(request) { lang in
                let (_, desk) = try student.authenticated(request, changing: false)
                return ClassHTTP.json(try await desk.runShell { session, _ in try ConsoleCommand.status(session, language: lang) })
            }
        }
        api.get("evaluation") { request, _ in
            try await student.handle(request) { _ in
                let (_, desk) = try student.authenticated(request, changing: false)
                return ClassHTTP.json(try await desk.runShell { session, desk in try ConsoleEvaluation.page(session, desk: desk) })
            }
        }
        api.get("models") { request, _ in
            try await student.handle(request) { lang in
                let (_, desk) = try student.authenticated(request, changing: false)
                return ClassHTTP.json(try await desk.runShell { session, _ in try ConsoleModels.page(session, language: lang) })
            }
        }
        api.post("use") { request, _ in
            try await student.handle(request) { lang in
                let (_, desk) = try student.authenticated(request, changing: true)
                let body = try await ClassHTTP.decode(ConsoleModels.UseRequest.self, from: request, limit: 4096)
                return ClassHTTP.json(try await desk.runShell { session, _ in try ConsoleModels.use(session, arn: body.arn, language: lang) })
            }
        }
        api.post("month") { request, _ in
            try await student.handle(request) { _ in
                let (_, desk) = try student.authenticated(request, changing: true)
                // The shell's own answer, as it prints it: the page's totals are `simulate 30d --json`'s.
                return ClassHTTP.jsonText(try await desk.runShell { session, _ in try ConsoleCommand.text(session, ConsoleCommand.month) })
            }
        }
    }

    struct ProjectRequest: Decodable { var name: String }
    struct LabelsRequest: Decodable { var names: [String] }
    struct RemoveRequest: Decodable { var path: String }
    struct RunRequest: Decodable { var action: String }

    /// Photos into a dataset: checked and made upright as the register screen's, stored in the
    /// student's folder, added to the dataset with no boxes (the student draws them).
    func upload(_ request: Request, _ language: UILanguage) async throws -> Response {
        let (student, desk) = try self.student.authenticated(request, changing: true)
        guard classroom.uploads.allow(student.id ?? 0) else { throw ClassError.tooManyUploads(classroom.uploads.perMinute) }
        let kind = try ConsoleProject.kind(request.uri.queryParameters.get("dataset"))
        let bytes = try await ClassHTTP.body(request, limit: PhotoIntake.maxBytes)
        let name = StudentRoutes<Context>.photoName(request.headers[HTTPField.Name("X-Photo-Name")!])
        return ClassHTTP.json(try await desk.run { session, desk in
            let trainer = try ConsoleProject.trainer(session)
            let project = try trainer.currentTrainingProject()
            let prepared = try PhotoIntake.prepare(bytes, name: name)
            let folder = desk.home + "/console"
            try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
            let path = folder + "/\(StudentRoutes<Context>.nextPhotoNumber(in: folder)).jpg"
            try StudentRoutes<Context>.writeAtomically(prepared.bytes, to: path)
            if try trainer.datasets(project: project).photos(kind) == nil { try trainer.createDataset(project: project, kind: kind) }
            _ = try trainer.addPhotos(project: project, kind: kind, paths: [path], label: nil)
            return try ConsoleProject.state(session)
        })
    }
}
