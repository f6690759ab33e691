import CCurl
import Foundation

/// Parses a Retry-After header: delay-seconds or an HTTP-date (RFC 9110 §10.2.3).
enum RetryAfter {
    /// Seconds from `now` to wait, never negative; nil when the header is absent or unreadable.
    static func seconds(_ header: String?, now: Date = Date()) -> TimeInterval? {
        guard let value = header?.trimmingCharacters(in: .whitespaces), !value.isEmpty else { return nil }
        if value.allSatisfy(\.isASCII), let seconds = Int(value) {
            return seconds >= 0 ? TimeInterval(seconds) : nil
        }
        guard let date = HTTPDate.parse(value) else { return nil }
        return max(0, date.timeIntervalSince(now).rounded(.up))
    }
}

/// HTTP-dates in the three forms RFC 9110 allows (IMF-fixdate, RFC 850, asctime), read by libcurl.
enum HTTPDate {
    static func parse(_ text: String) -> Date? {
        let seconds = curl_getdate(text, nil)
        return seconds < 0 ? nil : Date(timeIntervalSince1970: TimeInterval(seconds))
    }
}
