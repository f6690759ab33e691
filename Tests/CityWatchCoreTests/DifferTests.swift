import Foundation
import Testing
@testable import CityWatchExtraction
@testable import CityWatchKnowledge

/// The Differ alone: facts against a hand-made snapshot of the knowledge, no database.
@Suite struct DifferTests {
    let differ = Differ(policy: DiffPolicy(), article: Alert.Article(url: "https://example.org/a", title: "A",
                                                                      feed: "wire", published: nil),
                        now: Date(timeIntervalSince1970: 1_800_000_000))

    func measure(_ id: Int64, _ city: String, _ label: String, _ current: Double, values: Set<Double>? = nil,
                 unit: FigureUnit = .count) -> Differ.Measure {
        Differ.Measure(ref: .stored(id), city: city, key: MeasureKey.canonical(label), unit: unit.rawValue, label: label,
                       current: current, values: values ?? [current])
    }

    @Test func aNewTargetCityIsNewsAndAPassingOneIsNot() {
        var facts = madeFacts("A", cities: ["Chicago, IL"])
        facts.cities.append(CityMention(city: "Evanston, IL", role: .mention, mentions: 1, evidence: "in Evanston"))
        let decisions = differ.decide(facts, knowing: Differ.Knowledge())
        #expect(decisions.cities.map(\.action) == [.new, .passing])
        #expect(decisions.alerts.map(\.kind) == [.newCity])
        #expect(decisions.alerts.first?.city == "Chicago, IL")
    }

    @Test func aKnownCityIsCountedWithoutAnAlert() {
        let decisions = differ.decide(madeFacts("A", cities: ["Chicago, IL", "Chicago, IL"]),
                                      knowing: Differ.Knowledge(cities: ["Chicago, IL"]))
        #expect(decisions.cities.map(\.action) == [.known])
        #expect(decisions.alerts.isEmpty)
    }

    @Test func aBaselineImportKeepsEveryCityWithoutAlerts() {
        var facts = madeFacts("Seed")
        facts.cities = [CityMention(city: "Evanston, IL", role: .mention, mentions: 2, evidence: "in Evanston")]
        let baseline = Differ(policy: DiffPolicy(alert: false), article: differ.article, now: differ.now)
        let decisions = baseline.decide(facts, knowing: Differ.Knowledge())
        #expect(decisions.cities.map(\.action) == [.new])
        #expect(decisions.alerts.isEmpty)
    }

    @Test func aNewFigureCreatesAMeasureAndItsCity() {
        let facts = madeFacts("A", figures: [figure("Chicago, IL", "arrests", 200)])
        let decisions = differ.decide(facts, knowing: Differ.Knowledge())
        #expect(decisions.cities.map(\.city) == ["Chicago, IL"])
        #expect(decisions.figures.map(\.action) == [.create(key: MeasureKey.canonical("arrests"))])
        #expect(decisions.figures.first?.measure == .created(0))
        #expect(decisions.alerts.map(\.kind) == [.newCity, .newFigure])
    }

    @Test func aChangedFigureNamesThePreviousValue() {
        let knowledge = Differ.Knowledge(cities: ["Chicago, IL"], measures: [measure(7, "Chicago, IL", "arrests", 200)])
        let decisions = differ.decide(madeFacts("A", figures: [figure("Chicago, IL", "arrests", 250)]), knowing: knowledge)
        #expect(decisions.figures.map(\.action) == [.change])
        #expect(decisions.figures.first?.measure == .stored(7))
        let alert = try? #require(decisions.alerts.first)
        #expect(alert?.kind == .changedFigure)
        #expect(alert?.previous == 200)
        #expect(alert?.value == 250)
    }

    @Test func aKnownValueIsCorroborationEvenWhenItIsNotTheCurrentOne() {
        let knowledge = Differ.Knowledge(cities: ["Chicago, IL"],
                                         measures: [measure(7, "Chicago, IL", "arrests", 250, values: [200, 250])])
        for value in [250.0, 200] {
            let decisions = differ.decide(madeFacts("A", figures: [figure("Chicago, IL", "arrests", value)]), knowing: knowledge)
            #expect(decisions.figures.map(\.action) == [.corroborate])
            #expect(decisions.alerts.isEmpty)
        }
    }

    @Test func synonymsMatchTheSameMeasure() {
        let knowledge = Differ.Knowledge(cities: ["Chicago, IL"], measures: [measure(3, "Chicago, IL", "arrests", 200),
                                                                             measure(4, "Chicago, IL", "ICE agents", 300)])
        let facts = madeFacts("A", figures: [figure("Chicago, IL", "people detained", 210),
                                             figure("Chicago, IL", "officers", 300)])
        let decisions = differ.decide(facts, knowing: knowledge)
        #expect(decisions.figures.map(\.measure) == [.stored(3), .stored(4)])
        #expect(decisions.figures.map(\.action) == [.change, .corroborate])
        // Another city's measure of the same name is not the same measure.
        let elsewhere = differ.decide(madeFacts("B", figures: [figure("Denver, CO", "arrests", 200)]), knowing: knowledge)
        #expect(elsewhere.figures.map(\.measure) == [.created(0)])
    }

    @Test func theFirstStatementOfAMeasureIsTheArticlesClaim() {
        let facts = madeFacts("A", figures: [figure("Chicago, IL", "arrests", 200), figure("Chicago, IL", "arrested", 90)])
        let decisions = differ.decide(facts, knowing: Differ.Knowledge())
        #expect(decisions.figures.count == 1)
        #expect(decisions.figures.first?.figure.value == 200)
    }

    @Test func ignoredCitiesAndTheAlertSwitchSilenceAlertsButNotDecisions() {
        let quiet = Differ(policy: DiffPolicy(ignored: ["Chicago, IL"]), article: differ.article, now: differ.now)
        let decisions = quiet.decide(madeFacts("A", figures: [figure("Chicago, IL", "arrests", 200)]), knowing: Differ.Knowledge())
        #expect(decisions.cities.map(\.action) == [.new])
        #expect(decisions.figures.count == 1)
        #expect(decisions.alerts.isEmpty)
    }

    @Test func theSameDollarAmountIsTheSameMoneyHoweverNamed() {
        let knowledge = Differ.Knowledge(cities: ["Chicago, IL"],
                                         measures: [measure(9, "Chicago, IL", "contract", 5_000_000, unit: .usd)])
        let facts = madeFacts("A", figures: [figure("Chicago, IL", "detention deal", 5_000_000, .usd)])
        let decisions = differ.decide(facts, knowing: knowledge)
        #expect(decisions.figures.map(\.measure) == [.stored(9)])
        #expect(decisions.figures.map(\.action) == [.corroborate])
    }
}
