import Foundation

extension AlertLog {
    /// `--since`: an ISO 8601 time, or a duration back from `now` ("90s", "15m", "2h", "7d").
    public static func cutoff(_ text: String, now: Date = Date()) -> Date? {
        if let date = KnowledgeTime.date(text) { return date }
        return DurationText.parse(text).map { now.addingTimeInterval(-$0) }
    }

    /// The log's lines raised at or after `since` and of `kind`, in log order (lines that are not alerts are skipped).
    public func lines(since: Date? = nil, kind: Alert.Kind? = nil) throws -> [String] {
        // The log holds our own lines, fields in a fixed form: reading two string fields needs no JSON parse,
        // which keeps `citywatch alerts` quick on a log of many thousands of lines.
        let sinceText = since.map(KnowledgeTime.string)
        return try readLines().filter { line in
            guard line.hasPrefix("{"), let id = Self.id(ofLine: line), !id.isEmpty else { return false }
            if let kind, Self.field("kind", ofLine: line) != kind.rawValue { return false }
            if let sinceText {
                // ISO 8601 UTC to the second sorts as text.
                guard let time = Self.field("time", ofLine: line), time >= sinceText else { return false }
            }
            return true
        }
    }

    /// A top-level string field of a log line (`"name":"value"`, value without escapes).
    static func field(_ name: String, ofLine line: String) -> String? {
        guard let range = line.range(of: "\"\(name)\":\"") else { return nil }
        let rest = line[range.upperBound...]
        guard let end = rest.firstIndex(of: "\"") else { return nil }
        return String(rest[..<end])
    }
}
