import CustomLabels

/// Reads and checks tags (`Tags` maps, `TagKeys` lists) as the service does.
enum TagInput {
    /// A tag map member; nil when absent.
    static func read(_ input: OperationInput, key: String) throws -> [(key: String, value: String)]? {
        guard let map = try input.optional(key) else { return nil }
        let object = try map.object()
        var tags: [(key: String, value: String)] = []
        for member in object.members {
            let value = try map.member(member.key).string()
            try checkKey(member.key, member: key.prefix(1).lowercased() + key.dropFirst())
            guard value.count <= 256 else {
                throw ServiceError.validation(value: value, member: "tags", constraint: "Member must have length less than or equal to 256")
            }
            tags.append((key: member.key, value: value))
        }
        return tags
    }

    /// A tag key: 1–128 characters, not starting with `aws:`.
    static func checkKey(_ key: String, member: String) throws {
        guard (1...128).contains(key.count) else {
            throw ServiceError.validation(value: key, member: member, constraint: "Member must have length between 1 and 128")
        }
        guard !key.lowercased().hasPrefix("aws:") else {
            throw ServiceError.validation(value: key, member: member, constraint: #"Member must satisfy regular expression pattern: ^(?!aws:)[\p{L}\p{Z}\p{N}_.:/=+\-@]*$"#)
        }
    }
}

/// Reads a project policy's name and revision id as the service checks them.
enum PolicyInput {
    /// `PolicyName`: `[a-zA-Z0-9_.\-]{1,128}`.
    static func name(_ input: OperationInput) throws -> String {
        let name = try input.requiredString("PolicyName")
        guard name.utf8.count <= 128, ArnSyntax.isName(Substring(name)) else {
            throw ServiceError.validation(value: name, member: "policyName", constraint: #"Member must satisfy regular expression pattern: [a-zA-Z0-9_.\-]+"#)
        }
        return name
    }

    /// `PolicyRevisionId`: hex digits, at most 64.
    static func revision(_ input: OperationInput) throws -> String? {
        guard let revision = try input.optional("PolicyRevisionId")?.string() else { return nil }
        guard !revision.isEmpty, revision.count <= 64, revision.allSatisfy(\.isHexDigit) else {
            throw ServiceError.validation(value: revision, member: "policyRevisionId", constraint: "Member must satisfy regular expression pattern: [0-9A-Fa-f]+")
        }
        return revision
    }
}
