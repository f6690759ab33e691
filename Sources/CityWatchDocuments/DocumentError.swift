/// Why a document could not be read, with a message a person can act on.
package struct DocumentError: Error, Sendable, CustomStringConvertible {
    package var code: String
    package var message: String
    package init(code: String, message: String) { self.code = code; self.message = message }
    package var description: String { message }
}
