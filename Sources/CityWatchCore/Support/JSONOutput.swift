import Foundation

/// One-line JSON as the CLI prints it: keys in declaration order, slashes unescaped.
public enum JSONOutput {
    public static func line<T: Encodable>(_ value: T) throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.withoutEscapingSlashes]
        return String(decoding: try encoder.encode(value), as: UTF8.self)
    }
}
