import Foundation
import Testing
@testable import CityWatchKnowledge

@Suite struct DiffTests {
    let store: KnowledgeStore
    init() throws { store = try KnowledgeStore(stateDir: temporaryFolder()) }

    @Test func incrementsRatesAndQuotasNeverReplaceTheRunningTotal() throws {
        let total = figure("Chicago, IL", "arrests", 200)
        _ = try store.ingest(article("Total"), facts: madeFacts("Total", cities: ["Chicago, IL"], figures: [total]), policy: DiffPolicy())
        let quota = figure("Chicago, IL", "arrests quota", 3000)
        let later = madeFacts("Later", cities: ["Chicago, IL"],
                              figures: [figure("Chicago, IL", "additional arrests", 6), figure("Chicago, IL", "arrests a day", 40), quota])
        let result = try store.ingest(article("Later"), facts: later, policy: DiffPolicy())
        #expect(result.alerts.map(\.kind) == [.newFigure, .newFigure, .newFigure])
        let arrests = try #require(try store.figures().first { $0.city == "Chicago, IL" && $0.measure == "arrests" })
        #expect(arrests.current == 200)
        #expect(MeasureKey.canonical("extra agents") == MeasureKey.canonical("additional officers"))
        #expect(MeasureKey.canonical("arrests per day") == MeasureKey.canonical("daily arrests"))
    }

    @Test func measuresMatchAcrossPluralsOrderAndSynonyms() {
        #expect(MeasureKey.canonical("arrests") == MeasureKey.canonical("arrested"))
        #expect(MeasureKey.canonical("arrests") == MeasureKey.canonical("people detained"))
        #expect(MeasureKey.canonical("arrests") == MeasureKey.canonical("apprehensions"))
        #expect(MeasureKey.canonical("ICE agents") == MeasureKey.canonical("officers"))
        #expect(MeasureKey.canonical("ice personnel assigned") == MeasureKey.canonical("ICE agents deployed"))
        #expect(MeasureKey.canonical("national guard troops") == MeasureKey.canonical("troops"))
        #expect(MeasureKey.canonical("National Guard troops deployed") == MeasureKey.canonical("guardsmen"))
        #expect(MeasureKey.canonical("projected cases targeted") == MeasureKey.canonical("cases targeted"))
        #expect(MeasureKey.canonical("increase in deportations") == MeasureKey.canonical("deportations increase"))
        #expect(MeasureKey.canonical("rise in deportations") == MeasureKey.canonical("increase in deportations"))
        #expect(MeasureKey.canonical("cost") == MeasureKey.canonical("funding"))
        #expect(MeasureKey.canonical("National Guard members") == MeasureKey.canonical("troops"))
        #expect(MeasureKey.canonical("guard personnel") == MeasureKey.canonical("national guard troops"))
        #expect(MeasureKey.head("projected cases targeted") == MeasureKey.head("deportation cases"))
        #expect(MeasureKey.head("detention beds") != MeasureKey.head("detention centers"))
        // Different things stay different.
        #expect(MeasureKey.canonical("arrests") != MeasureKey.canonical("agents"))
        #expect(MeasureKey.canonical("troops") != MeasureKey.canonical("agents"))
        #expect(MeasureKey.canonical("deportations") != MeasureKey.canonical("arrests"))
        #expect(MeasureKey.canonical("detention beds") != MeasureKey.canonical("troops"))
    }

    @Test func firstSightingsAlertThenRestatementsCorroborate() throws {
        let first = try store.ingest(article("A"), facts: madeFacts("A", cities: ["Portland, OR"],
            figures: [figure("Portland, OR", "national guard troops", 200)]), policy: DiffPolicy())
        #expect(first.alerts.map(\.kind) == [.newCity, .newFigure])
        #expect(first.alerts[1].value == 200 && first.alerts[1].previous == nil)

        // Another outlet restates it in other words: no alert, one more source.
        let second = try store.ingest(article("B", feed: "other", source: "Other News"), facts: madeFacts("B", cities: ["Portland, OR"],
            figures: [figure("Portland, OR", "troops deployed", 200)]), policy: DiffPolicy())
        #expect(second.alerts.isEmpty)
        #expect(second.corroborations == 1)
        let known = try store.figures()
        #expect(known.count == 1)
        #expect(known[0].history.map(\.articles) == [2])
        #expect(known[0].history.map(\.sources) == [2])
        // The notifier's min_sources count: both outlets for the figure's value, both for the city.
        #expect(try store.sourceCount(for: first.alerts[1]) == 2)
        #expect(try store.sourceCount(for: first.alerts[0]) == 2)
        let cities = try store.cities()
        #expect(cities.map(\.city) == ["Portland, OR"])
        #expect(cities[0].articles == 2)
        #expect(Set(cities[0].sources) == ["wire", "Other News"])
        // The JSON lines `knowledge --json` prints are valid JSON, with the numbers as numbers.
        let city = try JSONSerialization.jsonObject(with: Data(cities[0].jsonLine.utf8)) as? [String: Any]
        #expect(city?["articles"] as? Int == 2)
        let fig = try JSONSerialization.jsonObject(with: Data(known[0].jsonLine.utf8)) as? [String: Any]
        #expect(fig?["current"] as? Int == 200)
        #expect((fig?["history"] as? [[String: Any]])?.first?["sources"] as? Int == 2)
    }

    @Test func aChangedValueAlertsWithThePreviousOne() throws {
        _ = try store.ingest(article("A"), facts: madeFacts("A", figures: [figure("Chicago, IL", "ICE agents", 180)]), policy: DiffPolicy())
        let changed = try store.ingest(article("B"), facts: madeFacts("B", figures: [figure("Chicago, IL", "officers", 250)]), policy: DiffPolicy())
        #expect(changed.alerts.map(\.kind) == [.changedFigure])
        #expect(changed.alerts[0].previous == 180)
        #expect(changed.alerts[0].value == 250)
        // An older value restated later is not news either.
        let old = try store.ingest(article("C"), facts: madeFacts("C", figures: [figure("Chicago, IL", "agents", 180)]), policy: DiffPolicy())
        #expect(old.alerts.isEmpty)
        let again = try store.ingest(article("D"), facts: madeFacts("D", figures: [figure("Chicago, IL", "agents", 300)]), policy: DiffPolicy())
        #expect(again.alerts.first?.previous == 250)
        #expect(try store.figures().first?.current == 300)
    }

    @Test func aMeasureWithOneWordMoreIsTheSameWhenUnambiguous() throws {
        _ = try store.ingest(article("A"), facts: madeFacts("A", figures: [figure("Houston, TX", "projected cases targeted", 2800),
                                                                      figure("Houston, TX", "ICE personnel assigned", 140)]), policy: DiffPolicy())
        let b = try store.ingest(article("B"), facts: madeFacts("B", figures: [figure("Houston, TX", "projected cases", 3100)]), policy: DiffPolicy())
        #expect(b.alerts.map(\.kind) == [.changedFigure])
        #expect(b.alerts.first?.previous == 2800)
        let c = try store.ingest(article("C"), facts: madeFacts("C", figures: [figure(nil, "rise in arrests", 15, .percent)]), policy: DiffPolicy())
        let d = try store.ingest(article("D"), facts: madeFacts("D", figures: [figure(nil, "arrests", 15, .percent)]), policy: DiffPolicy())
        #expect(c.alerts.map(\.kind) == [.newFigure])
        #expect(d.alerts.isEmpty && d.corroborations == 1)
        // Two words apart is another measure.
        let e = try store.ingest(article("E"), facts: madeFacts("E", figures: [figure("Houston, TX", "detention beds funded", 500)]), policy: DiffPolicy())
        #expect(e.alerts.map(\.kind) == [.newFigure])
    }

    @Test func anotherOutletsWordsForTheOneMeasureSharingAWordMatchIt() throws {
        _ = try store.ingest(article("A"), facts: madeFacts("A", figures: [figure("Houston, TX", "projected cases targeted", 2800),
                                                                      figure("Houston, TX", "ICE personnel assigned", 140)]), policy: DiffPolicy())
        let b = try store.ingest(article("B"), facts: madeFacts("B", figures: [figure("Houston, TX", "deportation cases", 3400)]), policy: DiffPolicy())
        #expect(b.alerts.map(\.kind) == [.changedFigure])
        #expect(b.alerts.first?.previous == 2800)
        // Two known measures share the word: ambiguous, so another measure.
        _ = try store.ingest(article("C"), facts: madeFacts("C", figures: [figure("Miami, FL", "detention beds", 500),
                                                                      figure("Miami, FL", "detention centers", 3)]), policy: DiffPolicy())
        let d = try store.ingest(article("D"), facts: madeFacts("D", figures: [figure("Miami, FL", "detention facilities", 4)]), policy: DiffPolicy())
        #expect(d.alerts.map(\.kind) == [.newFigure])
    }

    @Test func theSameDollarAmountForACityIsTheSameMoneyHoweverNamed() throws {
        _ = try store.ingest(article("A"), facts: madeFacts("A", figures: [figure("Nashville, TN", "emergency funding", 2_500_000, .usd)]),
                             policy: DiffPolicy())
        let b = try store.ingest(article("B"), facts: madeFacts("B", figures: [figure("Nashville, TN", "contract", 2_500_000, .usd)]),
                                 policy: DiffPolicy())
        #expect(b.alerts.isEmpty && b.corroborations == 1)
        // Another amount under another name is another figure.
        let c = try store.ingest(article("C"), facts: madeFacts("C", figures: [figure("Nashville, TN", "contract", 900_000, .usd)]),
                                 policy: DiffPolicy())
        #expect(c.alerts.map(\.kind) == [.newFigure])
    }

    @Test func aDistinguishingWordKeepsMeasuresApart() throws {
        _ = try store.ingest(article("A"), facts: madeFacts("A", figures: [figure("Los Angeles, CA", "increase in deportations", 27, .percent),
                                                                      figure("Los Angeles, CA", "people arrested", 230)]), policy: DiffPolicy())
        let flights = try store.ingest(article("B"), facts: madeFacts("B", figures: [figure("Los Angeles, CA", "deportation flights", 12, .percent)]),
                                       policy: DiffPolicy())
        #expect(flights.alerts.map(\.kind) == [.newFigure])
        let released = try store.ingest(article("C"), facts: madeFacts("C", figures: [figure("Los Angeles, CA", "detainees released", 12)]),
                                        policy: DiffPolicy())
        #expect(released.alerts.map(\.kind) == [.newFigure])
        let restated = try store.ingest(article("D"), facts: madeFacts("D", figures: [figure("Los Angeles, CA", "detainees", 230)]),
                                        policy: DiffPolicy())
        #expect(restated.alerts.isEmpty)
    }

    @Test func unitsAndNationalFiguresAreSeparateMeasures() throws {
        let a = try store.ingest(article("A"), facts: madeFacts("A", figures: [
            figure(nil, "arrests", 15, .percent), figure(nil, "arrests", 1200), figure("Dallas, TX", "arrests", 15, .percent)]),
            policy: DiffPolicy())
        #expect(a.alerts.map(\.kind) == [.newCity, .newFigure, .newFigure, .newFigure])
        #expect(a.alerts[1].city == nil)
        #expect(try store.figures().first { $0.city == nil && $0.unit == "percent" }?.current == 15)
    }

    @Test func irrelevantArticlesDoNotFeedTheDiff() throws {
        let off = try store.ingest(article("Sports"), facts: madeFacts("Sports", relevant: false, cities: ["Boston, MA"]), policy: DiffPolicy())
        #expect(off.alerts.isEmpty && !off.relevant)
        let on = try store.ingest(article("News"), facts: madeFacts("News", cities: ["Boston, MA"]), policy: DiffPolicy())
        #expect(on.alerts.map(\.kind) == [.newCity])
    }

    @Test func ignoredCitiesNeverAlertAndWatchedAreMarked() throws {
        let policy = DiffPolicy(watched: ["Chicago, IL"], ignored: ["Washington, DC"])
        let result = try store.ingest(article("A"), facts: madeFacts("A", cities: ["Washington, DC", "Chicago, IL"],
            figures: [figure("Washington, DC", "troops", 800), figure("Chicago, IL", "arrests", 40)]), policy: policy)
        #expect(result.alerts.map(\.city) == ["Chicago, IL", "Chicago, IL"])
        #expect(result.alerts.allSatisfy { $0.watched })
        #expect(try store.cities().count == 2)   // recorded all the same
    }

    @Test func learningRecordsWithoutAlerts() throws {
        let learned = try store.ingest(article("A"), facts: madeFacts("A", cities: ["Denver, CO"], figures: [figure("Denver, CO", "arrests", 10)]),
                                       policy: DiffPolicy(alert: false))
        #expect(learned.alerts.isEmpty)
        #expect(try store.pendingLogAlerts().isEmpty)
        let later = try store.ingest(article("B"), facts: madeFacts("B", cities: ["Denver, CO"], figures: [figure("Denver, CO", "arrests", 10)]),
                                     policy: DiffPolicy())
        #expect(later.alerts.isEmpty)
    }

    @Test func theSameArticleTwiceIsADuplicate() throws {
        let f = madeFacts("A", cities: ["Austin, TX"])
        _ = try store.ingest(article("A"), facts: f, policy: DiffPolicy())
        let again = try store.ingest(article("A"), facts: f, policy: DiffPolicy())
        #expect(again.duplicate)
        #expect(try store.cities().first?.articles == 1)
    }

    @Test func oneArticleStatingAMeasureTwiceAlertsOnce() throws {
        let result = try store.ingest(article("A"), facts: madeFacts("A", figures: [
            figure("Chicago, IL", "arrests", 40), figure("Chicago, IL", "people arrested", 45),
            figure("Chicago, IL", "arrests made", 50)]), policy: DiffPolicy())
        #expect(result.alerts.map(\.kind) == [.newCity, .newFigure])
    }
}

extension DiffTests {
    @Test func aCityNamedInPassingIsRecordedButRaisesNoAlertUntilItIsATarget() throws {
        var passing = madeFacts("A", cities: ["Fresno, CA"])
        passing.cities[0].role = .mention
        let first = try store.ingest(article("A"), facts: passing, policy: DiffPolicy())
        #expect(first.alerts.isEmpty)
        // The first story that targets it is news.
        let target = try store.ingest(article("B"), facts: madeFacts("B", cities: ["Fresno, CA"]), policy: DiffPolicy())
        #expect(target.alerts.map(\.kind) == [.newCity])
        // A city named in passing that owns a figure is news too.
        var owner = madeFacts("C", cities: ["Tulsa, OK"], figures: [figure("Tulsa, OK", "arrests", 40)])
        owner.cities[0].role = .mention
        let third = try store.ingest(article("C"), facts: owner, policy: DiffPolicy())
        #expect(third.alerts.map(\.kind) == [.newCity, .newFigure])
    }
}

