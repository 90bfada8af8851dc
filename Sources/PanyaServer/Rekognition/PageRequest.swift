import CustomLabels
import Foundation

/// A list operation's `MaxResults` and `NextToken`, read and checked as the service does:
/// MaxResults outside its range is a ValidationException, a token this server did not give
/// for this operation an InvalidPaginationTokenException. Tokens are opaque to clients (base64
/// of the operation and the offset of the next item).
struct PageRequest: Sendable {
    /// The largest page asked for.
    let size: Int
    /// Where the page starts.
    let offset: Int
    /// The operation the token belongs to.
    let operation: String

    /// A page of `size` items from `offset`.
    init(size: Int, offset: Int, operation: String) {
        self.size = size
        self.offset = offset
        self.operation = operation
    }

    /// Reads `MaxResults` (`1...maxSize`; absent means `maxSize`) and `NextToken` from `input`.
    init(_ input: OperationInput, operation: String, maxSize: Int = 100) throws {
        self.operation = operation
        if let asked = try input.optionalInt("MaxResults") {
            guard asked >= 1 else {
                throw ServiceError.validationNumber(value: asked, member: "maxResults", constraint: "Member must have value greater than or equal to 1")
            }
            guard asked <= maxSize else {
                throw ServiceError.validationNumber(value: asked, member: "maxResults", constraint: "Member must have value less than or equal to \(maxSize)")
            }
            size = asked
        } else {
            size = maxSize
        }
        if let token = try input.optional("NextToken")?.string() {
            guard let offset = Self.offset(token: token, operation: operation) else {
                throw ServiceError(.invalidPaginationToken, "Invalid pagination token.")
            }
            self.offset = offset
        } else {
            offset = 0
        }
    }

    /// This page of `items` and the token of the next one (nil on the last page). A token past
    /// the end gives an empty last page.
    func page<Item>(_ items: [Item]) -> (items: [Item], nextToken: String?) {
        let start = min(offset, items.count)
        let end = min(start + size, items.count)
        return (Array(items[start..<end]), end < items.count ? Self.token(operation: operation, offset: end) : nil)
    }

    static func token(operation: String, offset: Int) -> String {
        Data("panya-page/\(operation)/\(offset)".utf8).base64EncodedString()
    }

    static func offset(token: String, operation: String) -> Int? {
        guard token.utf8.count <= 1024, let data = Data(base64Encoded: token) else { return nil }
        let parts = String(decoding: data, as: UTF8.self).split(separator: "/", omittingEmptySubsequences: false)
        guard parts.count == 3, parts[0] == "panya-page", parts[1] == operation, let offset = Int(parts[2]), offset >= 0 else { return nil }
        return offset
    }
}
