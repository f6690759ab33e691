import Foundation

/// One notifier's health for `citywatch status`: the config entry joined with its record in the store.
public struct NotifierHealth: Sendable, Equatable, Encodable {
    public var name: String
    public var type: String
    /// "ok", "failing" or "pending" (nothing sent yet).
    public var state: String
    public var lastSuccess: String?
    public var lastError: String?
    public var lastErrorTime: String?
    public var consecutiveFailures: Int
    public var nextAttempt: String?
    /// Alerts not yet sent nor set aside (before the filters).
    public var queued: Int
    /// "each alert" or the digest schedule.
    public var delivery: String

    enum CodingKeys: String, CodingKey {
        case name = "notifier", type, state, lastSuccess = "last_success", lastError = "last_error"
        case lastErrorTime = "last_error_time", consecutiveFailures = "consecutive_failures"
        case nextAttempt = "next_attempt", queued, delivery
    }

    public func encode(to encoder: Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(name, forKey: .name)
        try c.encode(type, forKey: .type)
        try c.encode(state, forKey: .state)
        try c.encode(lastSuccess, forKey: .lastSuccess)
        try c.encode(lastError, forKey: .lastError)
        try c.encode(lastErrorTime, forKey: .lastErrorTime)
        try c.encode(consecutiveFailures, forKey: .consecutiveFailures)
        try c.encode(nextAttempt, forKey: .nextAttempt)
        try c.encode(queued, forKey: .queued)
        try c.encode(delivery, forKey: .delivery)
    }

    /// Every configured notifier, in config order.
    public static func report(config: Config, stored: [NotifierState]) -> [NotifierHealth] {
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
    public static func describe(_ entry: Config.Notify) -> String {
        var parts = [entry.digest.map { "\($0) digest (\(entry.timezone))" } ?? "each alert"]
        if !entry.kinds.isEmpty { parts.append(entry.kinds.map(\.rawValue).joined(separator: ",")) }
        if !entry.cities.isEmpty || !entry.states.isEmpty { parts.append((entry.cities + entry.states).joined(separator: "; ")) }
        if entry.watchedOnly { parts.append("watched only") }
        if entry.minSources > 1 { parts.append("\(entry.minSources)+ sources") }
        return parts.joined(separator: "; ")
    }
}
