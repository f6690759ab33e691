/// Why a document could not be read, with a message a person can act on.
public struct DocumentError: Error, Sendable, CustomStringConvertible {
    public var code: String
    public var message: String
    public init(code: String, message: String) { self.code = code; self.message = message }
    public var description: String { message }
}
