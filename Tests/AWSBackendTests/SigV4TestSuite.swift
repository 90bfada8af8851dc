import Foundation
@testable import AWSBackend

/// AWS's official SigV4 test suite (Apache-2.0, its LICENSE and NOTICE kept beside it), shipped
/// with the tests in `Tests/AWSBackendTests/sigv4-test-suite` so a clone anywhere runs them.
enum SigV4TestSuite {
    /// The suite's folder, or nil when it is missing from the checkout.
    static let directory: URL? = {
        let candidate = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("sigv4-test-suite")
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: candidate.path, isDirectory: &isDirectory), isDirectory.boolValue else { return nil }
        return candidate
    }()

    /// Every case name: folders holding a `context.json` and a `header-signature.txt`.
    static let caseNames: [String] = {
        guard let directory, let names = try? FileManager.default.contentsOfDirectory(atPath: directory.path) else { return [] }
        return names.filter { name in
            FileManager.default.fileExists(atPath: directory.appendingPathComponent(name + "/context.json").path)
                && FileManager.default.fileExists(atPath: directory.appendingPathComponent(name + "/header-signature.txt").path)
        }.sorted()
    }()

    /// One case: its context, its request and the expected results.
    struct Case {
        var credentials: Credentials
        var region: String
        var service: String
        var date: Date
        var normalize: Bool
        var signBody: Bool
        var omitSessionToken: Bool
        var request: SignableRequest
        var canonicalRequest: String
        var stringToSign: String
        var signature: String
        var signedRequest: String
    }

    struct Malformed: Error, CustomStringConvertible { var description: String }

    static func load(_ name: String) throws -> Case {
        guard let directory else { throw Malformed(description: "no sigv4-test-suite beside \(#filePath)") }
        let folder = directory.appendingPathComponent(name)
        func text(_ file: String) throws -> String {
            try String(contentsOf: folder.appendingPathComponent(file), encoding: .utf8)
        }
        let contextData = try Data(contentsOf: folder.appendingPathComponent("context.json"))
        guard let context = try JSONSerialization.jsonObject(with: contextData) as? [String: Any],
              let creds = context["credentials"] as? [String: Any],
              let accessKey = creds["access_key_id"] as? String,
              let secret = creds["secret_access_key"] as? String,
              let region = context["region"] as? String,
              let service = context["service"] as? String,
              let timestamp = context["timestamp"] as? String,
              let date = ISO8601DateFormatter().date(from: timestamp)
        else { throw Malformed(description: "\(name): context.json lacks a field") }
        return Case(
            credentials: Credentials(accessKeyId: accessKey, secretAccessKey: secret, sessionToken: creds["token"] as? String),
            region: region, service: service, date: date,
            normalize: context["normalize"] as? Bool ?? true,
            signBody: context["sign_body"] as? Bool ?? false,
            omitSessionToken: context["omit_session_token"] as? Bool ?? false,
            request: try parseRequest(try text("request.txt")),
            canonicalRequest: try text("header-canonical-request.txt"),
            stringToSign: try text("header-string-to-sign.txt"),
            signature: try text("header-signature.txt").trimmingCharacters(in: .whitespacesAndNewlines),
            signedRequest: try text("header-signed-request.txt"))
    }

    /// Parses `METHOD PATH HTTP/1.1`, headers (continuation lines start with whitespace), a blank
    /// line and the body. The path may hold spaces.
    static func parseRequest(_ raw: String) throws -> SignableRequest {
        let lines = raw.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        guard let first = lines.first, let space = first.firstIndex(of: " "), let versionStart = first.range(of: " HTTP/", options: .backwards)
        else { throw Malformed(description: "bad request line") }
        let method = String(first[..<space])
        let target = String(first[first.index(after: space)..<versionStart.lowerBound])
        var headers: [(name: String, value: String)] = []
        var index = 1
        while index < lines.count, !lines[index].isEmpty {
            let line = lines[index]
            if line.first == " " || line.first == "\t", !headers.isEmpty {
                headers[headers.count - 1].value += "\n" + line
            } else if let colon = line.firstIndex(of: ":") {
                headers.append((name: String(line[..<colon]), value: String(line[line.index(after: colon)...])))
            }
            index += 1
        }
        let body = index + 1 < lines.count ? lines[(index + 1)...].joined(separator: "\n") : ""
        let pathPart: String
        var query: [SignableRequest.QueryItem] = []
        if let mark = target.firstIndex(of: "?") {
            pathPart = String(target[..<mark])
            for pair in target[target.index(after: mark)...].split(separator: "&") {
                if let equals = pair.firstIndex(of: "=") {
                    query.append(.init(name: URIEncoding.decode(String(pair[..<equals])),
                                       value: URIEncoding.decode(String(pair[pair.index(after: equals)...]))))
                } else {
                    query.append(.init(name: URIEncoding.decode(String(pair)), value: nil))
                }
            }
        } else {
            pathPart = target
        }
        return SignableRequest(method: method, path: URIEncoding.decode(pathPart), query: query, headers: headers, body: Array(body.utf8))
    }

    /// The header lines of a signed request (`Name:value`), the request line and body left out.
    static func headerLines(ofSignedRequest text: String) -> [String] {
        var lines: [String] = []
        for line in text.split(separator: "\n", omittingEmptySubsequences: false).dropFirst() {
            if line.isEmpty { break }
            lines.append(String(line))
        }
        return lines
    }
}
