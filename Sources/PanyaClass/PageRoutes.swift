import Foundation
import Hummingbird
import NIOCore

/// The pages and their scripts, styles and the vendored terminal, read once from `web/` at start
/// and served from memory; only files that were there at start exist (no path reaches the disk).
struct PageRoutes<Context: RequestContext> {
    let classroom: Classroom
    let files: [String: (bytes: ByteBuffer, type: String)]

    /// Reads `web/class/` (pages, scripts, styles) and `web/vendor/` (third-party code with its licences).
    init(classroom: Classroom) throws {
        self.classroom = classroom
        var files: [String: (ByteBuffer, String)] = [:]
        let web = classroom.assetsRoot + "/web"
        for (folder, prefix) in [("class", "/static/"), ("vendor", "/static/vendor/")] {
            let root = web + "/" + folder
            guard let enumerator = FileManager.default.enumerator(atPath: root) else { continue }
            while let relative = enumerator.nextObject() as? String {
                let path = root + "/" + relative
                var isDirectory: ObjCBool = false
                guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory), !isDirectory.boolValue,
                      let data = FileManager.default.contents(atPath: path) else { continue }
                files[prefix + relative] = (ByteBuffer(bytes: data), Self.contentType(relative))
            }
        }
        guard !files.isEmpty else { throw ClassError.cannotUseFolder(web, reason: "no pages (web/class) found") }
        self.files = files
    }

    static func contentType(_ name: String) -> String {
        switch (name as NSString).pathExtension.lowercased() {
        case "html": return "text/html; charset=utf-8"
        case "js": return "text/javascript; charset=utf-8"
        case "css": return "text/css; charset=utf-8"
        case "svg": return "image/svg+xml"
        case "png": return "image/png"
        default: return "text/plain; charset=utf-8"
        }
    }

    func add(to router: Router<Context>) {
        router.get("/") { request, _ in
            if let token = ClassHTTP.cookie(ClassHTTP.sessionCookie, in: request), classroom.student(token: token) != nil {
                return Response(status: .seeOther, headers: [.location: "/register"])
            }
            return page("/static/join.html")
        }
        for name in ["register", "teacher", "console"] {
            router.get(RouterPath(stringLiteral: "/" + name)) { _, _ in page("/static/\(name).html") }
        }
        router.get("/shell") { _, _ in
            var response = page("/static/shell.html")
            response.headers[.contentSecurityPolicy] = ClassHTTP.shellContentSecurityPolicy
            return response
        }
        router.get("/code") { _, _ in Response(status: .seeOther, headers: [.location: "/register#code"]) }
        router.get("/static/**") { request, _ in
            guard let file = files[request.uri.path] else { return Response(status: .notFound) }
            return Response(status: .ok, headers: [.contentType: file.type, .cacheControl: "no-cache"], body: .init(byteBuffer: file.bytes))
        }
    }

    func page(_ key: String) -> Response {
        guard let file = files[key] else { return Response(status: .notFound) }
        return Response(status: .ok, headers: [.contentType: file.type, .cacheControl: "no-cache"], body: .init(byteBuffer: file.bytes))
    }
}
