import Foundation
import TOMLKit
import CityWatchSupport

/// Typed getters that record an issue (with the key's line) instead of failing.
extension ConfigReader {
    mutating func table(_ root: TOMLTable, _ name: String) -> TOMLTable? {
        guard let value = root[name] else { return nil }
        guard let table = value.table else {
            issue("", 0, name, "must be a table, not \(value.type)", "write it as a [\(name)] section")
            return nil
        }
        for key in table.keys where !(Self.known[name] ?? []).contains(key) {
            let known = (Self.known[name] ?? []).joined(separator: ", ")
            issue(name, 0, key, "unknown key", "remove it or correct the spelling; [\(name)] knows \(known)")
        }
        return table
    }

    mutating func string(_ table: TOMLTable?, _ name: String, _ key: String, index: Int = 0) -> String? {
        guard let value = table?[key] else { return nil }
        guard let s = value.string else {
            issue(name, index, key, "must be a string, not \(value.type)", "put the value in double quotes")
            return nil
        }
        if s.trimmingCharacters(in: .whitespaces).isEmpty {
            issue(name, index, key, "is empty", "give it a value or remove the key")
            return nil
        }
        return s
    }

    /// A path, resolved against the config file's folder.
    mutating func path(_ table: TOMLTable?, _ name: String, _ key: String) -> String? {
        guard let s = string(table, name, key) else { return nil }
        let expanded = (s as NSString).expandingTildeInPath
        let full = expanded.hasPrefix("/") ? expanded : (folder as NSString).appendingPathComponent(expanded)
        return URL(fileURLWithPath: full).standardizedFileURL.path
    }

    mutating func duration(_ table: TOMLTable?, _ name: String, _ key: String, index: Int = 0) -> TimeInterval? {
        guard let value = table?[key] else { return nil }
        let seconds: TimeInterval?
        if let s = value.string { seconds = DurationText.parse(s) }
        else if let i = value.int { seconds = TimeInterval(i) }
        else { seconds = nil }
        guard let seconds, seconds > 0 else {
            issue(name, index, key, "\(value.debugDescription) is not a positive duration", "write a duration such as \"90s\", \"15m\" or \"1h\"")
            return nil
        }
        return seconds
    }

    mutating func integer(_ table: TOMLTable?, _ name: String, _ key: String, range: ClosedRange<Int>) -> Int? {
        guard let value = table?[key] else { return nil }
        guard let i = value.int else {
            issue(name, 0, key, "must be a whole number, not \(value.type)", "write a number without quotes, e.g. \(key) = \(range.lowerBound)")
            return nil
        }
        guard range.contains(i) else {
            issue(name, 0, key, "\(i) is out of range", "use a value from \(range.lowerBound) to \(range.upperBound)")
            return nil
        }
        return i
    }

    mutating func strings(_ table: TOMLTable?, _ name: String, _ key: String) -> [String]? {
        guard let value = table?[key] else { return nil }
        guard let array = value.array else {
            issue(name, 0, key, "must be a list of strings, not \(value.type)", "write \(key) = [\"...\", \"...\"]")
            return nil
        }
        var out: [String] = []
        for element in array {
            guard let s = element.string else {
                issue(name, 0, key, "holds \(element.debugDescription), which is not a string", "put every entry in double quotes")
                return nil
            }
            let trimmed = s.trimmingCharacters(in: .whitespaces)
            if !trimmed.isEmpty { out.append(trimmed) }
        }
        return out
    }

    /// Cities as "Name, ST": the form alerts use, so a watchlist entry can match them exactly.
    mutating func cityList(_ table: TOMLTable?, _ key: String) -> [String] {
        guard let list = strings(table, "watch", key) else { return [] }
        var out: [String] = []
        for city in list {
            if let normal = WatchedCityName.normalize(city) { out.append(normal) } else {
                issue("watch", 0, key, "\"\(city)\" is not written as \"Name, ST\"",
                      "write the city with its two-letter state code, e.g. \"Chicago, IL\"")
            }
        }
        return out
    }
}

/// The "Name, ST" form of a city.
package enum WatchedCityName {
    /// "chicago,  il" → "Chicago, IL"; nil when there is no two-letter state code.
    package static func normalize(_ text: String) -> String? {
        let parts = text.split(separator: ",", omittingEmptySubsequences: false).map { $0.trimmingCharacters(in: .whitespaces) }
        guard parts.count == 2, !parts[0].isEmpty, parts[1].count == 2, parts[1].allSatisfy(\.isLetter) else { return nil }
        let name = parts[0].split(separator: " ").map { word -> String in
            word.first.map { String($0).uppercased() + word.dropFirst() } ?? ""
        }.joined(separator: " ")
        return "\(name), \(parts[1].uppercased())"
    }
}
