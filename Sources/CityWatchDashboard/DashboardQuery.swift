import Foundation
import CityWatchSupport
import CityWatchKnowledge
import CityWatchAlerts

/// The dashboard's filters, from the query string of a plain GET form (`?kind=new_city&state=IL&since=7d`).
package struct DashboardQuery: Sendable, Equatable {
    /// Only alerts of this kind.
    package var kind: Alert.Kind?
    /// Only this city ("Name, ST").
    package var city: String?
    /// Only cities in this state (two-letter code).
    package var state: String?
    /// Only watched cities.
    package var watchedOnly = false
    /// The text of `since` as given ("7d", "24h" or an ISO 8601 time), and the time it stands for.
    package var sinceText: String?
    package var since: Date?

    package init(kind: Alert.Kind? = nil, city: String? = nil, state: String? = nil, watchedOnly: Bool = false,
                since: String? = nil, now: Date = Date()) {
        self.kind = kind
        self.city = city
        self.state = state
        self.watchedOnly = watchedOnly
        setSince(since, now: now)
    }

    /// Reads `kind`, `city`, `state`, `watched` and `since` (`time` is accepted as another name for `since`);
    /// unknown or empty values are ignored, never an error.
    package init(parameters: [(String, String)], now: Date = Date()) {
        self.init(now: now)
        for (name, raw) in parameters {
            let value = raw.trimmingCharacters(in: .whitespaces)
            guard !value.isEmpty else { continue }
            switch name {
            case "kind": kind = Alert.Kind(rawValue: value)
            case "city": city = String(value.prefix(120))
            case "state":
                let code = value.uppercased()
                if code.count == 2, code.allSatisfy({ $0.isASCII && $0.isLetter }) { state = code }
            case "watched": watchedOnly = ["1", "true", "on", "yes"].contains(value.lowercased())
            case "since", "time": setSince(value, now: now)
            default: continue
            }
        }
    }

    mutating func setSince(_ text: String?, now: Date) {
        guard let text, let date = AlertLog.cutoff(text, now: now) else { sinceText = nil; since = nil; return }
        sinceText = String(text.prefix(40))
        since = date
    }

    /// The query string that reproduces these filters (for links that keep them), "" when none is set.
    package var queryString: String {
        var parts: [String] = []
        if let kind { parts.append("kind=" + kind.rawValue) }
        if let city { parts.append("city=" + HTMLEscape.component(city)) }
        if let state { parts.append("state=" + state) }
        if watchedOnly { parts.append("watched=1") }
        if let sinceText { parts.append("since=" + HTMLEscape.component(sinceText)) }
        return parts.isEmpty ? "" : "?" + parts.joined(separator: "&")
    }

    /// Whether a city passes the city, state and watched filters.
    package func admits(city name: String, watched: Set<String>) -> Bool {
        if let city, name.caseInsensitiveCompare(city) != .orderedSame { return false }
        if let state, !name.hasSuffix(", " + state) { return false }
        if watchedOnly, !watched.contains(name) { return false }
        return true
    }

    /// Whether an alert passes every filter (a national alert passes only when no city, state or watched filter is set).
    package func admits(_ alert: LoggedAlert, watched: Set<String>) -> Bool {
        if let kind, alert.kind != kind.rawValue { return false }
        if let since, alert.time < UTCTime.string(since) { return false }
        guard let city = alert.city else { return self.city == nil && state == nil && !watchedOnly }
        if watchedOnly, !(alert.watched || watched.contains(city)) { return false }
        if let filter = self.city, city.caseInsensitiveCompare(filter) != .orderedSame { return false }
        if let state, !city.hasSuffix(", " + state) { return false }
        return true
    }
}

extension DashboardQuery {
    /// Splits a raw query string ("a=1&b=x%20y") into decoded pairs; `+` is a space, as HTML forms send it.
    package static func pairs(_ query: String?) -> [(String, String)] {
        guard let query, !query.isEmpty else { return [] }
        return query.split(separator: "&").prefix(32).map { part in
            let pieces = part.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            func decode(_ s: Substring?) -> String {
                guard let s else { return "" }
                let spaced = s.replacingOccurrences(of: "+", with: " ")
                return spaced.removingPercentEncoding ?? spaced
            }
            return (decode(pieces.first), decode(pieces.count > 1 ? pieces[1] : nil))
        }
    }
}
