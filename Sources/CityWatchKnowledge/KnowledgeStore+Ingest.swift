import Foundation
import GRDB
import CityWatchSupport
import CityWatchExtraction

/// An article as the store records it.
package struct ArticleRecord: Sendable {
    package var url: String?
    package var feed: String
    /// Who published it (the document's source, else the feed's name): corroboration counts sources.
    package var source: String
    package var title: String?
    package var published: String?
    package var contentHash: String
    /// The feed item's id, link and content hash, marked seen for `feed`.
    package var seenKeys: [String]

    package init(url: String?, feed: String, source: String? = nil, title: String?, published: String?,
                contentHash: String, seenKeys: [String] = []) {
        self.url = url; self.feed = feed; self.source = source ?? feed; self.title = title
        self.published = published; self.contentHash = contentHash; self.seenKeys = seenKeys
    }
}

/// How a diff turns facts into alerts.
package struct DiffPolicy: Sendable {
    /// false: record knowledge only (seed import, `--learn`).
    package var alert: Bool
    /// false: take the facts even when the article is not relevant (the seeds are the baseline by definition).
    package var requireRelevant: Bool
    package var watched: Set<String>
    package var ignored: Set<String>
    /// At most this many alerts from one article; the facts past them are recorded without one.
    package var maxAlerts: Int

    package init(alert: Bool = true, requireRelevant: Bool = true, watched: Set<String> = [], ignored: Set<String> = [],
                maxAlerts: Int = .max) {
        self.alert = alert; self.requireRelevant = requireRelevant; self.watched = watched; self.ignored = ignored
        self.maxAlerts = maxAlerts
    }
}

/// What one ingest did.
package struct IngestResult: Sendable {
    /// The article was already known (same URL or same content): nothing recorded.
    package var duplicate = false
    package var relevant = false
    /// Alerts newly placed in the outbox (an alert whose id is already there is not raised again).
    package var alerts: [Alert] = []
    /// Figures that restated a known value (corroboration, no alert).
    package var corroborations = 0
    /// Alerts not raised because the article reached `DiffPolicy.maxAlerts`.
    package var heldBack = 0
}

extension KnowledgeStore {
    /// Diffs one article's facts against the knowledge and records both, with its alerts, in one transaction.
    package func ingest(_ article: ArticleRecord, facts: Facts, policy: DiffPolicy, now: Date = Date()) throws -> IngestResult {
        // The feed's counters change.
        defer { forgetFeedRow(article.feed) }
        return try pool.write { db in try Self.ingest(db, article, facts: facts, policy: policy, now: now) }
    }

    static func ingest(_ db: Database, _ article: ArticleRecord, facts: Facts, policy: DiffPolicy, now: Date) throws -> IngestResult {
        let stamp = UTCTime.string(now)
        var result = IngestResult()
        for key in Set(article.seenKeys) {
            try db.executeCached(sql: "INSERT OR IGNORE INTO seen_items(feed, key, seen) VALUES (?, ?, ?)",
                           arguments: [article.feed, key, stamp])
        }
        try db.executeCached(sql: "UPDATE feeds SET items_seen = items_seen + 1 WHERE name = ?", arguments: [article.feed])
        // The same content is the same article; the same URL is not: a feed could claim another outlet's URLs.
        let known = try db.cachedBool(sql: "SELECT EXISTS(SELECT 1 FROM articles WHERE content_hash = ?)",
                                      arguments: [article.contentHash]) ?? false
        if known { result.duplicate = true; return result }

        let relevant = facts.relevant || !policy.requireRelevant
        result.relevant = relevant
        try db.executeCached(sql: """
            INSERT INTO articles(url, feed, source, title, published, fetched, content_hash, relevant)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?)
            """, arguments: [article.url, article.feed, article.source, article.title, article.published, stamp,
                             article.contentHash, relevant])
        let articleID = db.lastInsertedRowID
        guard relevant else { return result }

        let ref = Alert.Article(url: article.url, title: article.title ?? facts.title, feed: article.feed,
                                published: article.published)
        let knowledge = try Self.knowledge(db, for: facts)
        let decisions = Differ(policy: policy, article: ref, now: now).decide(facts, knowing: knowledge)
        let alerts = decisions.alerts

        for decision in decisions.cities {
            let city = decision.city
            switch decision.action {
            case .known:
                try db.executeCached(sql: "UPDATE cities SET articles = articles + 1 WHERE city = ?", arguments: [city])
            case .passing:
                break
            case .new:
                try db.executeCached(sql: "INSERT INTO cities(city, first_seen, first_article, articles) VALUES (?, ?, ?, 1)",
                               arguments: [city, stamp, articleID])
            }
            try db.executeCached(sql: "INSERT INTO city_sightings(city, article, mentions, evidence) VALUES (?, ?, ?, ?)",
                           arguments: [city, articleID, decision.mentions, decision.evidence])
            try db.executeCached(sql: """
                INSERT INTO city_sources(city, source, articles) VALUES (?, ?, 1)
                ON CONFLICT(city, source) DO UPDATE SET articles = articles + 1
                """, arguments: [city, article.source])
        }

        var created: [Int: Int64] = [:]
        for decision in decisions.figures {
            let figure = decision.figure
            let measureID: Int64
            switch decision.action {
            case .create(let key):
                try db.executeCached(sql: """
                    INSERT INTO measures(city, measure_key, unit, label, first_seen, current_value, updated)
                    VALUES (?, ?, ?, ?, ?, ?, ?)
                    """, arguments: [figure.city ?? "", key, figure.unit.rawValue, figure.measure, stamp, figure.value, stamp])
                measureID = db.lastInsertedRowID
                if case .created(let n) = decision.measure { created[n] = measureID }
            case .change, .corroborate:
                switch decision.measure {
                case .stored(let id): measureID = id
                case .created(let n): measureID = created[n]!   // created by an earlier decision of this article
                }
            }
            switch decision.action {
            case .corroborate:
                result.corroborations += 1
                try db.executeCached(sql: "INSERT OR IGNORE INTO figure_sources(measure, value, source) VALUES (?, ?, ?)",
                                     arguments: [measureID, figure.value, article.source])
                let newSource = db.changesCount > 0
                try db.executeCached(sql: """
                    UPDATE figure_values SET articles = articles + 1, sources = sources + ?, last_seen = ?
                    WHERE measure = ? AND value = ?
                    """, arguments: [newSource ? 1 : 0, stamp, measureID, figure.value])
            case .change, .create:
                if decision.action == .change {
                    try db.executeCached(sql: "UPDATE measures SET current_value = ?, updated = ? WHERE id = ?",
                                   arguments: [figure.value, stamp, measureID])
                }
                try db.executeCached(sql: "INSERT INTO figure_values(measure, value, first_seen, last_seen, articles, sources) VALUES (?, ?, ?, ?, 1, 1)",
                               arguments: [measureID, figure.value, stamp, stamp])
                try db.executeCached(sql: "INSERT OR IGNORE INTO figure_sources(measure, value, source) VALUES (?, ?, ?)",
                                     arguments: [measureID, figure.value, article.source])
            }
            try db.executeCached(sql: "INSERT INTO figures(measure, label, value, qualifier, article, evidence, time) VALUES (?, ?, ?, ?, ?, ?, ?)",
                           arguments: [measureID, figure.measure, figure.value, figure.qualifier?.rawValue, articleID,
                                       TextLimit.clip(figure.evidence), stamp])
        }

        for alert in alerts {
            guard result.alerts.count < policy.maxAlerts else { result.heldBack += 1; continue }
            try db.executeCached(sql: "INSERT OR IGNORE INTO outbox(alert_id, kind, line, summary, created) VALUES (?, ?, ?, ?, ?)",
                           arguments: [alert.id, alert.kind.rawValue, alert.jsonLine, alert.journalLine, stamp])
            if db.changesCount > 0 { result.alerts.append(alert) }
        }
        if !result.alerts.isEmpty {
            try db.executeCached(sql: "UPDATE feeds SET alerts_raised = alerts_raised + ? WHERE name = ?",
                           arguments: [result.alerts.count, article.feed])
        }
        return result
    }
}

extension KnowledgeStore {
    /// What the Differ needs to know, read inside the ingest transaction: which of the article's cities are
    /// known, and every measure of the (city, unit) pairs its figures name, with those of the article's values
    /// each has had.
    static func knowledge(_ db: Database, for facts: Facts) throws -> Differ.Knowledge {
        var knowledge = Differ.Knowledge()
        for (city, _, _) in Differ.cities(of: facts) {
            if try db.cachedBool(sql: "SELECT EXISTS(SELECT 1 FROM cities WHERE city = ?)", arguments: [city]) ?? false {
                knowledge.cities.insert(city)
            }
        }
        var asked: [String: Set<Double>] = [:]   // "city \u{1F} unit" → the article's values there
        var scopes: [(city: String, unit: String)] = []
        for figure in facts.figures {
            let scope = (figure.city ?? "", figure.unit.rawValue)
            let id = scope.0 + "\u{1F}" + scope.1
            if asked[id] == nil { scopes.append(scope) }
            asked[id, default: []].insert(figure.value)
        }
        for (city, unit) in scopes {
            knowledge.measures += try measures(db, city: city, unit: unit, asking: asked[city + "\u{1F}" + unit] ?? [])
        }
        return knowledge
    }

    /// Every stored measure of a city and unit, each with those of the `asking` values it has had. One statement:
    /// each measure with its values (a measure has had few).
    static func measures(_ db: Database, city: String, unit: String, asking: Set<Double>) throws -> [Differ.Measure] {
        var measures: [Differ.Measure] = []
        var index: [Int64: Int] = [:]
        for row in try Row.fetchAll(db.cachedStatement(sql: """
            SELECT m.id, m.current_value, m.measure_key, m.label, v.value FROM measures m
            LEFT JOIN figure_values v ON v.measure = m.id WHERE m.city = ? AND m.unit = ?
            """), arguments: [city, unit]) {
            let id: Int64 = row["id"]
            if index[id] == nil {
                index[id] = measures.count
                measures.append(Differ.Measure(ref: .stored(id), city: city, key: row["measure_key"], unit: unit,
                                               label: row["label"], current: row["current_value"], values: []))
            }
            if let value = row["value"] as Double?, asking.contains(value), let at = index[id] {
                measures[at].values.insert(value)
            }
        }
        return measures
    }
}

extension KnowledgeStore {
    /// The id of the stored measure a figure belongs to, by the Differ's rules (`Differ.match`) over the city's
    /// measures of that unit.
    static func knownMeasure(_ db: Database, city: String, key: String, unit: String, label: String? = nil,
                             value: Double? = nil) throws -> Int64? {
        let known = try measures(db, city: city, unit: unit, asking: value.map { [$0] } ?? [])
        guard let at = Differ.match(city: city, key: key, unit: unit, label: label, value: value, in: known),
              case .stored(let id) = known[at].ref else { return nil }
        return id
    }
}

extension Database {
    /// Executes with a statement prepared once per connection: ingest runs the same few statements per article.
    func executeCached(sql: String, arguments: StatementArguments = StatementArguments()) throws {
        try cachedStatement(sql: sql).execute(arguments: arguments)
    }

    func cachedBool(sql: String, arguments: StatementArguments) throws -> Bool? {
        try Bool.fetchOne(cachedStatement(sql: sql), arguments: arguments)
    }
}
