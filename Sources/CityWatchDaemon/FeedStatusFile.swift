import Foundation
import CityWatchSupport

/// One feed's health as `citywatch status` shows it (and the daemon restores at start).
package struct FeedStatusRecord: Sendable, Equatable, Codable {
    package var name: String
    package var url: String
    package var lastSuccess: Date?
    package var lastError: String?
    package var lastErrorTime: Date?
    package var consecutiveFailures: Int
    package var nextPoll: Date?
    package var itemsSeen: Int
    package var alertsRaised: Int
    /// The last RSS `<ttl>` (seconds), kept as a floor across restarts.
    package var ttl: TimeInterval?
    /// True while the failure has been reported and the recovery not yet.
    package var reportedFailing: Bool

    package init(name: String, url: String, schedule: FeedSchedule?, itemsSeen: Int, alertsRaised: Int) {
        self.name = name
        self.url = url
        lastSuccess = schedule?.lastSuccess
        lastError = schedule?.lastError
        lastErrorTime = schedule?.lastErrorTime
        consecutiveFailures = schedule?.consecutiveFailures ?? 0
        nextPoll = schedule?.nextPoll
        self.itemsSeen = itemsSeen
        self.alertsRaised = alertsRaised
        ttl = schedule?.ttl
        reportedFailing = schedule?.reportedFailing ?? false
    }

    /// The schedule to resume from after a restart (nil when the feed was never scheduled).
    package var schedule: FeedSchedule? {
        guard let nextPoll else { return nil }
        var schedule = FeedSchedule(nextPoll: nextPoll)
        schedule.consecutiveFailures = consecutiveFailures
        schedule.lastSuccess = lastSuccess
        schedule.lastError = lastError
        schedule.lastErrorTime = lastErrorTime
        schedule.ttl = ttl
        schedule.reportedFailing = reportedFailing
        return schedule
    }

    enum CodingKeys: String, CodingKey {
        case name, url, lastSuccess = "last_success", lastError = "last_error", lastErrorTime = "last_error_time"
        case consecutiveFailures = "consecutive_failures", nextPoll = "next_poll", itemsSeen = "items_seen"
        case alertsRaised = "alerts_raised", ttl, reportedFailing = "reported_failing"
    }

    // Written by hand so absent values appear as `null`, not as missing keys.
    package func encode(to encoder: Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(name, forKey: .name)
        try container.encode(url, forKey: .url)
        try container.encode(lastSuccess, forKey: .lastSuccess)
        try container.encode(lastError, forKey: .lastError)
        try container.encode(lastErrorTime, forKey: .lastErrorTime)
        try container.encode(consecutiveFailures, forKey: .consecutiveFailures)
        try container.encode(nextPoll, forKey: .nextPoll)
        try container.encode(itemsSeen, forKey: .itemsSeen)
        try container.encode(alertsRaised, forKey: .alertsRaised)
        try container.encode(ttl, forKey: .ttl)
        try container.encode(reportedFailing, forKey: .reportedFailing)
    }
}

/// The daemon's feed health, kept as a small JSON file in the state directory and replaced atomically.
package struct FeedStatusFile: Sendable, Codable, Equatable {
    /// When the daemon wrote it.
    package var written: Date
    package var feeds: [FeedStatusRecord]

    package init(written: Date, feeds: [FeedStatusRecord]) {
        self.written = written
        self.feeds = feeds
    }

    /// Reads the file; nil when there is none yet (the daemon never ran).
    package static func read(from url: URL) throws -> FeedStatusFile? {
        guard FileManager.default.fileExists(atPath: url.path) else { return nil }
        return try decoder.decode(FeedStatusFile.self, from: Data(contentsOf: url))
    }

    /// Writes the file through a temporary file and a rename, so a reader never sees half of it.
    package func write(to url: URL) throws {
        try encoded().write(to: url, options: .atomic)
    }

    /// The JSON text (Codable: the daemon reads it back with `read(from:)`).
    package func encoded() throws -> Data {
        try Self.encoder.encode(self)
    }

    static let encoder: JSONEncoder = {
        let encoder = JSONEncoder()
        encoder.dateEncodingStrategy = .custom { date, encoder in
            var container = encoder.singleValueContainer()
            try container.encode(UTCTime.string(date))
        }
        encoder.outputFormatting = [.sortedKeys]
        return encoder
    }()

    static let decoder: JSONDecoder = {
        let decoder = JSONDecoder()
        decoder.dateDecodingStrategy = .custom { decoder in
            let container = try decoder.singleValueContainer()
            let text = try container.decode(String.self)
            guard let date = UTCTime.date(text) else {
                throw DecodingError.dataCorruptedError(in: container, debugDescription: "not an ISO 8601 time: \(text)")
            }
            return date
        }
        return decoder
    }()
}
