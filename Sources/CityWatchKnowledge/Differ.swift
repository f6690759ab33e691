import Foundation
import CityWatchSupport
import CityWatchExtraction

/// Decides what one article's facts are to the knowledge: new or known cities, new, changed or corroborated
/// figures, and the alerts they raise. Pure: it sees the facts and a snapshot of what the knowledge held for the
/// article's cities and measures, so it runs without a database; the store reads that snapshot and applies the
/// decisions in the same write transaction (a crash can neither lose nor duplicate an alert).
struct Differ: Sendable {
    /// A measure of one city and unit: stored, or created earlier in the same article.
    struct Measure: Sendable, Equatable {
        var ref: MeasureRef
        var city: String
        var key: String
        var unit: String
        var label: String
        var current: Double
        /// The values it has had, of those the article states for its city and unit (only those are asked).
        var values: Set<Double>
    }

    /// A measure a decision applies to: a stored row, or the n-th measure this article creates.
    enum MeasureRef: Hashable, Sendable {
        case stored(Int64)
        case created(Int)
    }

    /// What the knowledge holds for the article: which of its cities are known, and every measure of the
    /// (city, unit) pairs its figures name.
    struct Knowledge: Sendable {
        var cities: Set<String> = []
        var measures: [Measure] = []
    }

    enum CityAction: Sendable, Equatable {
        /// A known city: one more article.
        case known
        /// A city not yet known, named in passing: its sighting is kept, the city stays unseen.
        case passing
        /// A city seen for the first time.
        case new
    }

    struct CityDecision: Sendable, Equatable {
        var city: String
        var mentions: Int
        var evidence: String
        var action: CityAction
    }

    enum FigureAction: Sendable, Equatable {
        /// A value the measure already had (now or earlier): corroboration, never news.
        case corroborate
        /// A new value for a known measure: it becomes the current one.
        case change
        /// A measure not known before, under this canonical key.
        case create(key: String)
    }

    struct FigureDecision: Sendable {
        var figure: Figure
        var measure: MeasureRef
        var action: FigureAction
    }

    /// The decisions in the order the store applies them; `alerts` before the outbox's dedupe and cap.
    struct Decisions: Sendable {
        var cities: [CityDecision] = []
        var figures: [FigureDecision] = []
        var alerts: [Alert] = []
    }

    var policy: DiffPolicy
    var article: Alert.Article
    var now: Date

    /// The cities an article names, plus any a figure is tied to, once each, with mentions and evidence.
    static func cities(of facts: Facts) -> [(city: String, mentions: Int, evidence: String)] {
        var cities: [(city: String, mentions: Int, evidence: String)] =
            facts.cities.map { ($0.city, $0.mentions, TextLimit.clip($0.evidence)) }
        var named = Set(cities.map(\.city))
        for figure in facts.figures {
            if let city = figure.city, named.insert(city).inserted { cities.append((city, 1, TextLimit.clip(figure.evidence))) }
        }
        var done = Set<String>()
        return cities.filter { done.insert($0.city).inserted }
    }

    func decide(_ facts: Facts, knowing knowledge: Knowledge) -> Decisions {
        var decisions = Decisions()
        func alertable(_ city: String?) -> Bool { policy.alert && !(city.map(policy.ignored.contains) ?? false) }

        // Only a target city or one that owns a figure is news; a city named in passing (where someone spoke, a
        // campus, a mayor's title) is recorded without an alert.
        let owners = Set(facts.figures.compactMap(\.city))
        let news = owners.union(facts.cities.filter { $0.role == .target }.map(\.city))
        for (city, mentions, evidence) in Self.cities(of: facts) {
            let action: CityAction
            if knowledge.cities.contains(city) {
                action = .known
            } else if policy.alert && !news.contains(city) {
                // The first story that targets it is still news (a baseline import keeps every city it names).
                action = .passing
            } else {
                action = .new
                if alertable(city) {
                    decisions.alerts.append(Alert(kind: .newCity, city: city, watched: policy.watched.contains(city),
                                                  measure: nil, measureKey: nil, value: nil, unit: nil, previous: nil,
                                                  article: article, evidence: evidence, time: now))
                }
            }
            decisions.cities.append(CityDecision(city: city, mentions: mentions, evidence: evidence, action: action))
        }

        // Figures: one per (city, measure, unit) per article; the first statement is the article's claim. The
        // measures created or changed here take part in matching the later figures, as stored rows would.
        var measures = knowledge.measures
        var created = 0
        var stated = Set<String>()
        var statedMeasures = Set<MeasureRef>()
        for figure in facts.figures {
            let key = MeasureKey.canonical(figure.measure)
            let city = figure.city ?? ""
            let unit = figure.unit.rawValue
            guard stated.insert("\(city)\u{1F}\(key)\u{1F}\(unit)").inserted else { continue }
            let index = Self.match(city: city, key: key, unit: unit, label: figure.measure, value: figure.value, in: measures)
            if let index, statedMeasures.contains(measures[index].ref) { continue }
            var kind: Alert.Kind?
            var previous: Double?
            let decision: FigureDecision
            if let index {
                if measures[index].values.contains(figure.value) {
                    decision = FigureDecision(figure: figure, measure: measures[index].ref, action: .corroborate)
                } else {
                    kind = .changedFigure
                    previous = measures[index].current
                    measures[index].current = figure.value
                    measures[index].values.insert(figure.value)
                    decision = FigureDecision(figure: figure, measure: measures[index].ref, action: .change)
                }
            } else {
                kind = .newFigure
                let ref = MeasureRef.created(created)
                created += 1
                measures.append(Measure(ref: ref, city: city, key: key, unit: unit, label: figure.measure,
                                        current: figure.value, values: [figure.value]))
                decision = FigureDecision(figure: figure, measure: ref, action: .create(key: key))
            }
            statedMeasures.insert(decision.measure)
            decisions.figures.append(decision)
            if let kind, alertable(figure.city) {
                decisions.alerts.append(Alert(kind: kind, city: figure.city,
                                              watched: figure.city.map(policy.watched.contains) ?? false,
                                              measure: figure.measure, measureKey: key, value: figure.value,
                                              unit: figure.unit, previous: previous, article: article,
                                              evidence: figure.evidence, time: now))
            }
        }
        return decisions
    }
}
