import Foundation

extension AlertLog {
    /// `--since`: an ISO 8601 time, or a duration back from `now` ("90s", "15m", "2h", "7d").
    public static func cutoff(_ text: String, now: Date = Date()) -> Date? {
        if let date = KnowledgeTime.date(text) { return date }
        return DurationText.parse(text).map { now.addingTimeInterval(-$0) }
    }

    /// The log's lines raised at or after `since` and of `kind`, in log order (lines that are not JSON are skipped).
    public func lines(since: Date? = nil, kind: Alert.Kind? = nil) throws -> [String] {
        try readLines().filter { line in
            guard let object = (try? JSONSerialization.jsonObject(with: Data(line.utf8))) as? [String: Any] else { return false }
            if let kind, object["kind"] as? String != kind.rawValue { return false }
            if let since {
                guard let time = (object["time"] as? String).flatMap(KnowledgeTime.date), time >= since else { return false }
            }
            return true
        }
    }
}
