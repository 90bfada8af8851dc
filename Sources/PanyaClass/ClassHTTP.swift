import Foundation
import HTTPTypes
import Hummingbird
import NIOCore
import CustomLabels
import PanyaSupport

/// Small pieces every route uses: JSON answers, errors in the page's language, cookies, the
/// headers every answer carries (a Content-Security-Policy with no inline script).
enum ClassHTTP {
    /// The policy every page is served with: only panya's own scripts, styles and pictures.
    static let contentSecurityPolicy = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' blob: data:; "
        + "connect-src 'self'; object-src 'none'; base-uri 'none'; frame-ancestors 'none'; form-action 'self'"
    /// The shell page's policy: the same, except that styles may be inline attributes (the terminal
    /// draws its colours with them); scripts stay panya's own.
    static let shellContentSecurityPolicy = contentSecurityPolicy.replacingOccurrences(of: "style-src 'self';", with: "style-src 'self' 'unsafe-inline';")

    static let sessionCookie = "panya_session"
    static let teacherCookie = "panya_teacher"
    static let csrfHeader = HTTPField.Name("X-Panya-CSRF")!
    static let languageHeader = HTTPField.Name("X-Panya-Lang")!

    /// An answer whose body is JSON text already (a command's `--json` output, sent as it printed it).
    static func jsonText(_ text: String) -> Response {
        var fields = HTTPFields()
        fields[.contentType] = "application/json; charset=utf-8"
        fields[.cacheControl] = "no-store"
        return Response(status: .ok, headers: fields, body: .init(byteBuffer: ByteBuffer(string: text)))
    }

    /// A JSON answer.
    static func json<T: Encodable>(_ value: T, status: HTTPResponse.Status = .ok, headers: HTTPFields = [:]) -> Response {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        let data = (try? encoder.encode(value)) ?? Data("{}".utf8)
        var fields = headers
        fields[.contentType] = "application/json; charset=utf-8"
        fields[.cacheControl] = "no-store"
        return Response(status: status, headers: fields, body: .init(byteBuffer: ByteBuffer(bytes: data)))
    }

    /// An error as JSON: `{"error": {"code": …, "message": …}}` in the page's language.
    static func error(_ error: Error, language: UILanguage) -> Response {
        let status: Int
        let code: String
        let message: String
        switch error {
        case let error as ClassError:
            (status, code, message) = (error.status, error.code ?? "Error", error.message.text(language))
        case let error as UserFacingError:
            (status, code, message) = (400, error.code ?? "Error", error.message.text(language))
        default:
            (status, code, message) = (500, "InternalError", "\(error)")
        }
        return json(ErrorBody(error: .init(code: code, message: message)), status: HTTPResponse.Status(code: status))
    }

    struct ErrorBody: Encodable {
        struct Detail: Encodable { var code: String; var message: String }
        var error: Detail
    }

    /// The language a request asks for: `X-Panya-Lang`, else `?lang=`, else the class's.
    static func language(_ request: Request, default fallback: UILanguage) -> UILanguage {
        let asked = request.headers[languageHeader] ?? request.uri.queryParameters.get("lang")
        switch asked {
        case "ja": return .ja
        case "en": return .en
        default: return fallback
        }
    }

    /// A cookie's value from the request.
    static func cookie(_ name: String, in request: Request) -> String? {
        cookie(name, header: request.headers[values: .cookie].joined(separator: "; "))
    }

    /// A cookie's value from a Cookie header.
    static func cookie(_ name: String, header: String) -> String? {
        for part in header.split(separator: ";") {
            let pair = part.trimmingCharacters(in: .whitespaces)
            if pair.hasPrefix(name + "=") { return String(pair.dropFirst(name.count + 1)) }
        }
        return nil
    }

    /// A session cookie: HttpOnly, SameSite=Strict, for the whole site.
    static func setCookie(_ name: String, _ value: String) -> String {
        "\(name)=\(value); Path=/; HttpOnly; SameSite=Strict"
    }

    /// The body, at most `limit` bytes (refused from Content-Length before reading when it says more).
    static func body(_ request: Request, limit: Int) async throws -> [UInt8] {
        if let length = request.headers[.contentLength].flatMap(Int.init), length > limit {
            throw ClassError.photoTooLarge(limit: limit)
        }
        do {
            let buffer = try await request.body.collect(upTo: limit)
            return Array(buffer.readableBytesView)
        } catch let error as HTTPError where error.status == .contentTooLarge {
            throw ClassError.photoTooLarge(limit: limit)
        }
    }

    /// A JSON body decoded as `T` (at most 64 KB unless said).
    static func decode<T: Decodable>(_ type: T.Type, from request: Request, limit: Int = 65_536) async throws -> T {
        if let length = request.headers[.contentLength].flatMap(Int.init), length > limit {
            throw ClassError.badRequest("body over \(limit) bytes")
        }
        let buffer: ByteBuffer
        do {
            buffer = try await request.body.collect(upTo: limit)
        } catch {
            throw ClassError.badRequest("body over \(limit) bytes")
        }
        do {
            return try JSONDecoder().decode(T.self, from: Data(buffer.readableBytesView))
        } catch {
            throw ClassError.badRequest("JSON")
        }
    }
}

/// One log line per request and the headers every answer carries.
struct ClassMiddleware<Context: RequestContext>: RouterMiddleware {
    let log: @Sendable (String) -> Void

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        let started = ContinuousClock.now
        var response: Response
        do {
            response = try await next(request, context)
        } catch let error as HTTPError {
            response = Response(status: error.status, headers: [.contentType: "text/plain; charset=utf-8"],
                                body: .init(byteBuffer: ByteBuffer(string: error.body ?? error.status.reasonPhrase)))
        } catch {
            response = ClassHTTP.error(error, language: .en)
        }
        if response.headers[.contentSecurityPolicy] == nil {
            response.headers[.contentSecurityPolicy] = ClassHTTP.contentSecurityPolicy
        }
        response.headers[HTTPField.Name("X-Content-Type-Options")!] = "nosniff"
        response.headers[HTTPField.Name("Referrer-Policy")!] = "no-referrer"
        response.headers[HTTPField.Name("X-Frame-Options")!] = "DENY"
        let elapsed = ContinuousClock.now - started
        let ms = Double(elapsed.components.seconds) * 1000 + Double(elapsed.components.attoseconds) / 1e15
        log("\(ISO8601.format(seconds: Date().timeIntervalSince1970, offsetSeconds: 0)) \(request.method.rawValue) \(request.uri.path) \(response.status.code) \(NumberText.fixed(ms, decimals: 1)) ms")
        return response
    }
}
