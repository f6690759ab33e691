import Foundation
import CityWatchSupport
import CityWatchKnowledge

/// One line of the alert log, its fields read without a full JSON parse: the log holds our own fixed-form
/// lines, and `citywatch alerts` must stay quick on a log of many thousands of them.
package struct AlertLogLine: Sendable {
    package let bytes: ArraySlice<UInt8>

    package var text: String { String(decoding: bytes, as: UTF8.self) }

    /// A string field (the first with this name: top-level fields come before the article's); nil for null.
    package func string(_ name: String) -> String? {
        guard var i = value(name), i < bytes.endIndex, bytes[i] == UInt8(ascii: "\"") else { return nil }
        i += 1
        let start = i
        var escaped = false
        while i < bytes.endIndex, bytes[i] != UInt8(ascii: "\"") {
            if bytes[i] == UInt8(ascii: "\\") { escaped = true; i += 1 }
            i += 1
        }
        guard i <= bytes.endIndex else { return nil }
        let raw = bytes[start..<min(i, bytes.endIndex)]
        if !escaped { return String(decoding: raw, as: UTF8.self) }
        let quoted = Data([UInt8(ascii: "\"")] + raw + [UInt8(ascii: "\"")])
        return (try? JSONSerialization.jsonObject(with: quoted, options: .fragmentsAllowed)) as? String
    }

    /// A number field; nil for null.
    package func number(_ name: String) -> Double? {
        guard var i = value(name) else { return nil }
        let start = i
        while i < bytes.endIndex, bytes[i] != UInt8(ascii: ","), bytes[i] != UInt8(ascii: "}") { i += 1 }
        return Double(String(decoding: bytes[start..<i], as: UTF8.self))
    }

    package func bool(_ name: String) -> Bool {
        guard let i = value(name) else { return false }
        return bytes[i...].starts(with: "true".utf8)
    }

    /// Where the value of `"name":` starts.
    func value(_ name: String) -> Int? {
        let pattern = Array("\"\(name)\":".utf8)
        guard pattern.count <= bytes.count else { return nil }
        var i = bytes.startIndex
        let last = bytes.endIndex - pattern.count
        while i <= last {
            if bytes[i] == pattern[0] {
                var j = 1
                while j < pattern.count, bytes[i + j] == pattern[j] { j += 1 }
                if j == pattern.count { return i + j }
            }
            i += 1
        }
        return nil
    }
}

extension AlertLog {
    /// `--since`: an ISO 8601 time, or a duration back from `now` ("90s", "15m", "2h", "7d").
    package static func cutoff(_ text: String, now: Date = Date()) -> Date? {
        if let date = UTCTime.date(text) { return date }
        return DurationText.parse(text).map { now.addingTimeInterval(-$0) }
    }

    /// The alerts raised at or after `since` and of `kind`, in log order (lines that are not alerts are skipped).
    package func entries(since: Date? = nil, kind: Alert.Kind? = nil) throws -> [AlertLogLine] {
        guard FileManager.default.fileExists(atPath: path) else { return [] }
        guard let data = FileManager.default.contents(atPath: path) else {
            throw AlertLogError(message: "cannot read the alert log \(path)")
        }
        let bytes = [UInt8](data)
        let sinceText = since.map(UTCTime.string)
        // The last piece is empty (the log ends with a newline) or a torn line: neither is an alert.
        return bytes.split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: false).dropLast().compactMap { slice in
            let line = AlertLogLine(bytes: slice)
            guard slice.first == UInt8(ascii: "{"), line.string("id") != nil else { return nil }
            if let kind, line.string("kind") != kind.rawValue { return nil }
            // ISO 8601 UTC to the second sorts as text.
            if let sinceText { guard let time = line.string("time"), time >= sinceText else { return nil } }
            return line
        }
    }

    /// The matching lines' text.
    package func lines(since: Date? = nil, kind: Alert.Kind? = nil) throws -> [String] {
        try entries(since: since, kind: kind).map(\.text)
    }
}
