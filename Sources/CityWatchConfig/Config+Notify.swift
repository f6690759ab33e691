import Foundation
import CityWatchKnowledge

extension Config {
    /// One `[[notify]]` entry: where alerts go, which ones, and how often.
    package struct Notify: Sendable, Equatable {
        /// The services a notifier can speak to.
        package enum Service: String, Sendable, CaseIterable {
            case email, slack, discord, matrix, ntfy, telegram, webhook
        }

        /// Where the entry's secret lives: an environment variable, a systemd credential, or both (the
        /// environment first). The secret itself is never in the config.
        package struct Secret: Sendable, Equatable {
            package var environment: String?
            package var credential: String?
            package init(environment: String? = nil, credential: String? = nil) {
                self.environment = environment; self.credential = credential
            }
            package var isEmpty: Bool { environment == nil && credential == nil }
        }

        package var name: String
        package var service: Service
        // Filters (an empty list lets everything through).
        package var kinds: [Alert.Kind] = []
        package var cities: [String] = []
        package var states: [String] = []
        package var watchedOnly = false
        /// Independent sources the knowledge must hold for the fact before it is sent (1: at once).
        package var minSources = 1
        /// nil: each alert as it comes; else one message per period.
        package var digest: DigestSchedule?
        /// The digest's clock (a Foundation TimeZone identifier).
        package var timezone = "UTC"
        package var secret = Secret()
        // Service settings (which apply depends on `service`).
        /// webhook and ntfy: the URL to POST to; email: the SMTP server (smtp:// or smtps://).
        package var url: String?
        package var homeserver: String?
        package var room: String?
        package var chatID: String?
        package var apiURL: String?
        package var from: String?
        package var to: [String] = []
        package var username: String?
        package var html = false
        /// A CA bundle for a server whose certificate is not in the system store (email).
        package var caFile: String?
        package var priority: String?
        package var tags: [String] = []

        package init(name: String, service: Service) {
            self.name = name
            self.service = service
        }

        /// Whether an alert passes the kind, place and watch filters (the source count is checked apart).
        package func accepts(_ alert: Alert) -> Bool {
            if !kinds.isEmpty, !kinds.contains(alert.kind) { return false }
            if watchedOnly, !alert.watched { return false }
            if cities.isEmpty && states.isEmpty { return true }
            if let city = alert.city, cities.contains(city) { return true }
            if let state = alert.state, states.contains(state) { return true }
            return false
        }

        /// Services whose secret is required (the URL or token is the credential).
        package var needsSecret: Bool {
            switch service {
            case .slack, .discord, .matrix, .telegram: return true
            case .email: return username != nil
            case .ntfy, .webhook: return false
            }
        }
    }
}

/// When a digest goes out: "hourly" (at the top of each hour) or "daily HH:MM", on a given time zone's clock.
package struct DigestSchedule: Sendable, Equatable, CustomStringConvertible {
    package enum Period: Sendable, Equatable {
        case hourly
        case daily(hour: Int, minute: Int)
    }
    package var period: Period

    package init(period: Period) { self.period = period }

    /// "hourly", "daily", "daily 07:00"; nil for anything else.
    package init?(_ text: String) {
        let words = text.lowercased().split(separator: " ").map(String.init)
        switch words.first {
        case "hourly" where words.count == 1:
            period = .hourly
        case "daily" where words.count == 1:
            period = .daily(hour: 0, minute: 0)
        case "daily" where words.count == 2:
            let parts = words[1].split(separator: ":").map { Int($0) }
            guard parts.count == 2, let hour = parts[0], let minute = parts[1], (0...23).contains(hour),
                  (0...59).contains(minute) else { return nil }
            period = .daily(hour: hour, minute: minute)
        default:
            return nil
        }
    }

    package var description: String {
        switch period {
        case .hourly: return "hourly"
        case .daily(let hour, let minute): return String(format: "daily %02d:%02d", hour, minute)
        }
    }

    /// The first digest time strictly after `date` on `timeZone`'s clock.
    package func next(after date: Date, timeZone: TimeZone) -> Date {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = timeZone
        let components: DateComponents
        switch period {
        case .hourly: components = DateComponents(minute: 0, second: 0)
        case .daily(let hour, let minute): components = DateComponents(hour: hour, minute: minute, second: 0)
        }
        // A skipped local time (a DST gap) moves to the next valid one rather than a day later.
        return calendar.nextDate(after: date, matching: components, matchingPolicy: .nextTime)
            ?? date.addingTimeInterval(3600)
    }
}
