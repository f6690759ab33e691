import Foundation
import CityWatchSupport

/// One line of `extract --jsonl` input: `{"text": ...}` (seed text or plain prose) or `{"html": ...}`.
package enum JSONLInput {
    package struct LineError: Error, CustomStringConvertible, Sendable {
        package var code: String
        package var message: String
        package var description: String { message }
    }

    /// The document a line describes.
    package static func document(_ line: Data) throws -> Document {
        let fields = FlatJSONObject.strings(line) ?? generalStrings(line)
        guard let fields else {
            throw LineError(code: "bad-json", message: "not a JSON object; give {\"text\": \"...\"} or {\"html\": \"...\"}")
        }
        if let text = fields["text"] {
            return SeedTextParser.parse(Document.limitRawText(text))
        }
        if let html = fields["html"] {
            do { return try DocumentReader.read(Data(html.utf8)) } catch {
                throw LineError(code: "bad-html", message: "the html could not be read: \(error)")
            }
        }
        throw LineError(code: "no-input", message: "the object has neither a \"text\" nor an \"html\" string")
    }

    /// The object's string members through Foundation (any JSON), or nil when the line is no JSON object.
    static func generalStrings(_ line: Data) -> [String: String]? {
        guard let object = try? JSONSerialization.jsonObject(with: line) as? [String: Any] else { return nil }
        return object.compactMapValues { $0 as? String }
    }
}
