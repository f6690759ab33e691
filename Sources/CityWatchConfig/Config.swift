import Foundation
import CityWatchExtraction

/// The daemon's configuration (INTERFACE.md's TOML file), with every path already absolute.
package struct Config: Sendable, Equatable {
    /// One `[[feed]]` entry.
    package struct Feed: Sendable, Equatable {
        package var name: String
        /// http, https or an absolute file:// URL (relative file URLs are resolved at load time).
        package var url: String
        /// Per-feed poll interval in seconds; nil uses `schedule.interval`.
        package var interval: TimeInterval?
        package var fetchArticles: Bool

        package init(name: String, url: String, interval: TimeInterval? = nil, fetchArticles: Bool = true) {
            self.name = name; self.url = url; self.interval = interval; self.fetchArticles = fetchArticles
        }
    }

    /// Where the config was read from (absolute), for messages.
    package var file: String
    package var stateDir: String
    package var seedsDir: String?
    package var alertLog: String
    package var webhook: String?
    /// `[alerts] atom`: the latest alerts as an Atom feed file.
    package var atomFeed: String?
    package var interval: TimeInterval
    package var concurrency: Int
    package var fetchTimeout: TimeInterval
    package var maxBytes: Int
    package var maxRedirects: Int
    /// `[fetch] allow_private_networks`: links and redirects may reach private networks and local files.
    package var allowPrivateNetworks: Bool
    package var keywords: [String]
    package var watchedCities: [String]
    package var ignoredCities: [String]
    package var feeds: [Feed]
    /// `[[notify]]` entries, in config order.
    package var notifiers: [Notify] = []
    /// `[http] listen`: where the dashboard, metrics and health endpoints are served; nil (absent) serves none.
    package var httpListen: ListenAddress?

    package init(file: String, stateDir: String, seedsDir: String? = nil, alertLog: String, webhook: String? = nil,
                interval: TimeInterval = 900, concurrency: Int = 4, fetchTimeout: TimeInterval = 30,
                maxBytes: Int = 10_485_760, maxRedirects: Int = 5, allowPrivateNetworks: Bool = false,
                keywords: [String] = Extractor.defaultKeywords, watchedCities: [String] = [],
                ignoredCities: [String] = [], feeds: [Feed] = [], httpListen: ListenAddress? = nil) {
        self.file = file; self.stateDir = stateDir; self.seedsDir = seedsDir; self.alertLog = alertLog
        self.webhook = webhook; self.interval = interval; self.concurrency = concurrency
        self.fetchTimeout = fetchTimeout; self.maxBytes = maxBytes; self.maxRedirects = maxRedirects
        self.allowPrivateNetworks = allowPrivateNetworks
        self.keywords = keywords; self.watchedCities = watchedCities; self.ignoredCities = ignoredCities
        self.feeds = feeds
        self.httpListen = httpListen
    }

    /// The SQLite file inside `stateDir`.
    package var databasePath: String { (stateDir as NSString).appendingPathComponent("knowledge.sqlite") }

    /// The effective poll interval of a feed.
    package func interval(of feed: Feed) -> TimeInterval { feed.interval ?? interval }

    /// The config path a command uses: `--config`, then `$CITYWATCH_CONFIG`, then the system file.
    package static func defaultPath(explicit: String?, environment: [String: String] = ProcessInfo.processInfo.environment) -> String {
        if let explicit, !explicit.isEmpty { return explicit }
        if let env = environment["CITYWATCH_CONFIG"], !env.isEmpty { return env }
        return "/etc/citywatch/citywatch.toml"
    }
}

/// One thing wrong with a config file: where, which key, what, and how to fix it.
package struct ConfigIssue: Sendable, Equatable, CustomStringConvertible {
    package var file: String
    package var line: Int?
    package var key: String
    package var message: String
    package var fix: String

    package init(file: String, line: Int?, key: String, message: String, fix: String) {
        self.file = file; self.line = line; self.key = key; self.message = message; self.fix = fix
    }

    package var description: String {
        let place = line.map { "\(file):\($0)" } ?? file
        return "\(place): \(key): \(message) (fix: \(fix))"
    }
}

/// A config that cannot be used; holds every issue found, not just the first.
package struct ConfigError: Error, Sendable, CustomStringConvertible {
    package var code = "bad-config"
    package var issues: [ConfigIssue]

    package init(_ issues: [ConfigIssue]) { self.issues = issues }

    package var description: String { issues.map(\.description).joined(separator: "\n") }
}
