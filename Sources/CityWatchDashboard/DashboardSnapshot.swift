import Foundation
import CityWatchSupport
import CityWatchKnowledge
import CityWatchConfig
import CityWatchAlerts
import CityWatchDaemon

/// Everything the overview page shows, read at one moment: the pure renderers take this and return HTML.
package struct DashboardSnapshot: Sendable {
    package var now: Date
    package var cities: [KnownCity]
    /// Figures per city ("" holds the national ones).
    package var figureCounts: [String: Int]
    /// The alerts that pass the query, newest first, at most `alertLimit`.
    package var alerts: [LoggedAlert]
    /// How many alerts passed the query in all.
    package var matchingAlerts: Int
    package var feeds: [FeedHealth]
    package var watched: Set<String>
    package var query: DashboardQuery

    package init(now: Date, cities: [KnownCity], figureCounts: [String: Int] = [:], alerts: [LoggedAlert],
                matchingAlerts: Int? = nil, feeds: [FeedHealth], watched: Set<String>, query: DashboardQuery = DashboardQuery()) {
        self.now = now; self.cities = cities; self.figureCounts = figureCounts; self.alerts = alerts
        self.matchingAlerts = matchingAlerts ?? alerts.count; self.feeds = feeds; self.watched = watched; self.query = query
    }

    /// The alerts shown on the overview at most.
    package static let alertLimit = 100
}

/// A city's page: what the knowledge holds about it, and the alerts that named it.
package struct CitySnapshot: Sendable {
    package var now: Date
    package var name: String
    package var city: KnownCity?
    package var figures: [CityFigure]
    package var sightings: [CitySighting]
    package var alerts: [LoggedAlert]
    package var watched: Bool

    package init(now: Date, name: String, city: KnownCity?, figures: [CityFigure], sightings: [CitySighting],
                alerts: [LoggedAlert], watched: Bool) {
        self.now = now; self.name = name; self.city = city; self.figures = figures; self.sightings = sightings
        self.alerts = alerts; self.watched = watched
    }
}

/// Where the dashboard reads from: the store, the alert log, the config and the daemon's status file.
package struct DashboardSource: Sendable {
    package var config: Config {
        didSet { if config.alertLog != oldValue.alertLog { log = AlertLogIndex(path: config.alertLog) } }
    }
    package var store: KnowledgeStore
    /// The alert log, indexed as it grows.
    package var log: AlertLogIndex
    package var statusFile: URL?
    package var clock: @Sendable () -> Date

    package init(config: Config, store: KnowledgeStore, statusFile: URL? = nil, clock: @escaping @Sendable () -> Date = { Date() }) {
        self.config = config
        self.store = store
        self.log = AlertLogIndex(path: config.alertLog)
        self.statusFile = statusFile ?? DaemonPlan.statusFile(inStateDirectory: URL(fileURLWithPath: config.stateDir))
        self.clock = clock
    }

    /// The feeds' health exactly as `citywatch status` computes it.
    package func feeds() throws -> [FeedHealth] {
        let status = statusFile.flatMap { try? FeedStatusFile.read(from: $0) }
        return FeedHealth.report(config: config, stored: try store.feedStates(), status: status)
    }

    /// The alerts in the log that pass `query`, newest first.
    package func alerts(_ query: DashboardQuery) throws -> [LoggedAlert] {
        try alerts(query, limit: .max).alerts
    }

    /// The newest `limit` alerts that pass `query`, and how many pass in all. The filters run on the log's
    /// index; only the shown lines are read back and parsed.
    package func alerts(_ query: DashboardQuery, limit: Int) throws -> (alerts: [LoggedAlert], total: Int) {
        let watched = Set(config.watchedCities)
        var place = query
        place.watchedOnly = false   // checked on the entry itself: the alert's own "watched" counts too
        let byCity = query.city != nil || query.state != nil
        let since = query.since.map(UTCTime.string)
        var shown: [AlertLogIndex.Entry] = []
        var total = 0
        for entry in try log.entries().reversed() {
            if let kind = query.kind, entry.kind != kind.rawValue { continue }
            // ISO 8601 UTC to the second sorts as text.
            if let since, entry.time < since { continue }
            if query.watchedOnly || byCity {
                guard let city = entry.city else { continue }
                if query.watchedOnly, !entry.watched, !watched.contains(city) { continue }
                if byCity, !place.admits(city: city, watched: watched) { continue }
            }
            total += 1
            if shown.count < limit { shown.append(entry) }
        }
        return (try log.lines(shown).compactMap(LoggedAlert.init), total)
    }

    /// The overview's snapshot.
    package func snapshot(_ query: DashboardQuery) throws -> DashboardSnapshot {
        let alerts = try self.alerts(query, limit: DashboardSnapshot.alertLimit)
        return DashboardSnapshot(now: clock(), cities: try store.cities(), figureCounts: try store.figureCounts(),
                                 alerts: alerts.alerts, matchingAlerts: alerts.total,
                                 feeds: try feeds(), watched: Set(config.watchedCities), query: query)
    }

    /// One city's snapshot (also for a city the knowledge does not hold: the page says so).
    package func city(_ name: String) throws -> CitySnapshot {
        let alerts = try self.alerts(DashboardQuery(city: name), limit: 50)
        return CitySnapshot(now: clock(), name: name, city: try store.city(name), figures: try store.figures(city: name),
                            sightings: try store.sightings(city: name), alerts: alerts.alerts,
                            watched: config.watchedCities.contains(name))
    }
}
