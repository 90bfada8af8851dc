/// One HTTP request as the server's handlers see it, apart from any HTTP library: the method,
/// the path and query exactly as sent (percent-encoded), the headers (with `host`) and the body.
public struct ServerRequest: Sendable {
    /// `GET`, `PUT`, `POST` …
    public var method: String
    /// The path as sent, percent-encoded (`/chekimagebkt/check/breads3.jpg`).
    public var rawPath: String
    /// The query as sent, without `?` (empty when there is none).
    public var rawQuery: String
    /// Header names and values in the order received (a name may repeat); `host` included.
    public var headers: [(name: String, value: String)]
    /// The whole body.
    public var body: [UInt8]

    public init(method: String, rawPath: String, rawQuery: String = "", headers: [(name: String, value: String)] = [], body: [UInt8] = []) {
        self.method = method
        self.rawPath = rawPath
        self.rawQuery = rawQuery
        self.headers = headers
        self.body = body
    }

    /// The first value of header `name` (case-insensitive).
    public func header(_ name: String) -> String? {
        headers.first { HeaderName.same($0.name, name) }?.value
    }

    /// Every value of header `name`, in order (case-insensitive).
    public func headerValues(_ name: String) -> [String] {
        headers.filter { HeaderName.same($0.name, name) }.map(\.value)
    }
}

/// One HTTP answer: status, headers and body, plus what the request log shows.
public struct ServerResponse: Sendable {
    /// HTTP status code.
    public var status: Int
    /// Header names and values.
    public var headers: [(name: String, value: String)]
    /// The body (empty for HEAD and 204).
    public var body: [UInt8]
    /// The operation for the log line (`DetectCustomLabels`, `s3:PutObject`).
    public var operation: String
    /// The error code for the log line, when the answer is an error.
    public var errorCode: String?
    /// More for the person running the server than the client is told (panya's explanation).
    public var detail: String?

    public init(status: Int, headers: [(name: String, value: String)] = [], body: [UInt8] = [], operation: String,
                errorCode: String? = nil, detail: String? = nil) {
        self.status = status
        self.headers = headers
        self.body = body
        self.operation = operation
        self.errorCode = errorCode
        self.detail = detail
    }

    /// The first value of header `name` (case-insensitive).
    public func header(_ name: String) -> String? {
        headers.first { HeaderName.same($0.name, name) }?.value
    }

    /// The body as UTF-8 text (for tests and logs).
    public var bodyText: String { String(decoding: body, as: UTF8.self) }
}
