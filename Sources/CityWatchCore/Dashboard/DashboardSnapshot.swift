import Foundation

/// Everything the overview page shows, read at one moment: the pure renderers take this and return HTML.
public struct DashboardSnapshot: Sendable {
    public var now: Date
    public var cities: [KnownCity]
    /// Figures per city ("" holds the national ones).
    public var figureCounts: [String: Int]
    /// The alerts that pass the query, newest first, at most `alertLimit`.
    public var alerts: [LoggedAlert]
    /// How many alerts passed the query in all.
    public var matchingAlerts: Int
    public var feeds: [FeedHealth]
    public var watched: Set<String>
    public var query: DashboardQuery

    public init(now: Date, cities: [KnownCity], figureCounts: [String: Int] = [:], alerts: [LoggedAlert],
                matchingAlerts: Int? = nil, feeds: [FeedHealth], watched: Set<String>, query: DashboardQuery = DashboardQuery()) {
        self.now = now; self.cities = cities; self.figureCounts = figureCounts; self.alerts = alerts
        self.matchingAlerts = matchingAlerts ?? alerts.count; self.feeds = feeds; self.watched = watched; self.query = query
    }

    /// The alerts shown on the overview at most.
    public static let alertLimit = 100
}

/// A city's page: what the knowledge holds about it, and the alerts that named it.
public struct CitySnapshot: Sendable {
    public var now: Date
    public var name: String
    public var city: KnownCity?
    public var figures: [CityFigure]
    public var sightings: [CitySighting]
    public var alerts: [LoggedAlert]
    public var watched: Bool

    public init(now: Date, name: String, city: KnownCity?, figures: [CityFigure], sightings: [CitySighting],
                alerts: [LoggedAlert], watched: Bool) {
        self.now = now; self.name = name; self.city = city; self.figures = figures; self.sightings = sightings
        self.alerts = alerts; self.watched = watched
    }
}

/// Where the dashboard reads from: the store, the alert log, the config and the daemon's status file.
public struct DashboardSource: Sendable {
    public var config: Config
    public var store: KnowledgeStore
    public var log: AlertLog
    public var statusFile: URL?
    public var clock: @Sendable () -> Date

    public init(config: Config, store: KnowledgeStore, statusFile: URL? = nil, clock: @escaping @Sendable () -> Date = { Date() }) {
        self.config = config
        self.store = store
        self.log = AlertLog(path: config.alertLog)
        self.statusFile = statusFile ?? DaemonPlan.statusFile(inStateDirectory: URL(fileURLWithPath: config.stateDir))
        self.clock = clock
    }

    /// The feeds' health exactly as `citywatch status` computes it.
    public func feeds() throws -> [FeedHealth] {
        let status = statusFile.flatMap { try? FeedStatusFile.read(from: $0) }
        return FeedHealth.report(config: config, stored: try store.feedStates(), status: status)
    }

    /// The alerts in the log that pass `query`, newest first.
    public func alerts(_ query: DashboardQuery) throws -> [LoggedAlert] {
        let watched = Set(config.watchedCities)
        let kind = query.kind
        var out: [LoggedAlert] = []
        for line in try log.entries(since: query.since, kind: kind).reversed() {
            guard let alert = LoggedAlert(line), query.admits(alert, watched: watched) else { continue }
            out.append(alert)
        }
        return out
    }

    /// The overview's snapshot.
    public func snapshot(_ query: DashboardQuery) throws -> DashboardSnapshot {
        let alerts = try self.alerts(query)
        return DashboardSnapshot(now: clock(), cities: try store.cities(), figureCounts: try store.figureCounts(),
                                 alerts: Array(alerts.prefix(DashboardSnapshot.alertLimit)), matchingAlerts: alerts.count,
                                 feeds: try feeds(), watched: Set(config.watchedCities), query: query)
    }

    /// One city's snapshot (also for a city the knowledge does not hold: the page says so).
    public func city(_ name: String) throws -> CitySnapshot {
        let alerts = try self.alerts(DashboardQuery(city: name))
        return CitySnapshot(now: clock(), name: name, city: try store.city(name), figures: try store.figures(city: name),
                            sightings: try store.sightings(city: name), alerts: Array(alerts.prefix(50)),
                            watched: config.watchedCities.contains(name))
    }
}
