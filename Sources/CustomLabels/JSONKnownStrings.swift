/// Strings a parse may take as they are instead of reading them again: a server that receives
/// the same long string in request after request (a class sending one lesson photo as base64)
/// has it scanned and copied once.
///
/// ```swift
/// let document = try JSONParser.parse(bytes: body, knownStrings: rememberedPhotos)
/// ```
public protocol JSONKnownStrings: AnyObject, Sendable {
    /// A string whose UTF-8 bytes are the first bytes of `bytes`, followed there by a closing
    /// `"`; nil when none is. Only strings with no `"`, `\` or control character may be given
    /// (their bytes are then exactly their JSON text): the parser takes it without looking at
    /// those bytes again.
    func knownString(startingAt bytes: ArraySlice<UInt8>) -> String?
}
