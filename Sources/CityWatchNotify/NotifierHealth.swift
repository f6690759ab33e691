import Foundation
import CityWatchSupport
import CityWatchKnowledge
import CityWatchConfig

/// One notifier's health for `citywatch status`: the config entry joined with its record in the store.
package struct NotifierHealth: Sendable, Equatable {
    package var name: String
    package var type: String
    /// "ok", "failing" or "pending" (nothing sent yet).
    package var state: String
    package var lastSuccess: String?
    package var lastError: String?
    package var lastErrorTime: String?
    package var consecutiveFailures: Int
    package var nextAttempt: String?
    /// Alerts not yet sent nor set aside (before the filters).
    package var queued: Int
    /// "each alert" or the digest schedule.
    package var delivery: String

    /// `status --json`'s line: keys in alphabetical order, absent values as null.
    package var jsonLine: String {
        JSONWriter.text { w in
            w.open()
            w.key("consecutive_failures"); w.int(consecutiveFailures)
            w.key("delivery"); w.string(delivery)
            w.key("last_error"); w.string(lastError)
            w.key("last_error_time"); w.string(lastErrorTime)
            w.key("last_success"); w.string(lastSuccess)
            w.key("next_attempt"); w.string(nextAttempt)
            w.key("notifier"); w.string(name)
            w.key("queued"); w.int(queued)
            w.key("state"); w.string(state)
            w.key("type"); w.string(type)
            w.close()
        }
    }

    /// Every configured notifier, in config order.
    package static func report(config: Config, stored: [NotifierState]) -> [NotifierHealth] {
        let byName = Dictionary(stored.map { ($0.name, $0) }, uniquingKeysWith: { first, _ in first })
        return config.notifiers.map { entry in
            let record = byName[entry.name]
            let failures = record?.consecutiveFailures ?? 0
            let state = failures > 0 ? "failing" : (record?.lastSuccess == nil ? "pending" : "ok")
            return NotifierHealth(name: entry.name, type: entry.service.rawValue, state: state,
                                  lastSuccess: record?.lastSuccess, lastError: failures > 0 ? record?.lastError : nil,
                                  lastErrorTime: failures > 0 ? record?.lastErrorTime : nil, consecutiveFailures: failures,
                                  nextAttempt: failures > 0 ? record?.nextAttempt : nil, queued: record?.queued ?? 0,
                                  delivery: describe(entry))
        }
    }

    /// What an entry sends and how often: "each alert; new_city; IL; watched only; 2+ sources".
    package static func describe(_ entry: Config.Notify) -> String {
        var parts = [entry.digest.map { "\($0) digest (\(entry.timezone))" } ?? "each alert"]
        if !entry.kinds.isEmpty { parts.append(entry.kinds.map(\.rawValue).joined(separator: ",")) }
        if !entry.cities.isEmpty || !entry.states.isEmpty { parts.append((entry.cities + entry.states).joined(separator: "; ")) }
        if entry.watchedOnly { parts.append("watched only") }
        if entry.minSources > 1 { parts.append("\(entry.minSources)+ sources") }
        return parts.joined(separator: "; ")
    }
}
