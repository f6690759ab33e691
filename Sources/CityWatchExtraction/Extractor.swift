import Foundation
import CityWatchDocuments

/// Turns a Document into Facts: cities, figures tied to city and measure, quotes, relevance.
package struct Extractor: Sendable {
    package var keywords: [String] { didSet { relevance = Relevance(keywords) } }
    private var relevance: Relevance
    let gazetteer: Gazetteer

    /// The production config's `[watch] keywords` (config/citywatch.toml), so `extract` judges as the daemon does.
    package static let defaultKeywords = ["ICE", "Immigration and Customs Enforcement", "deportation", "immigration enforcement",
                                         "immigration raid", "immigration crackdown", "immigration agents", "Border Patrol",
                                         "CBP", "Customs and Border Protection"]

    package init(keywords: [String] = Extractor.defaultKeywords) {
        self.keywords = keywords
        self.relevance = Relevance(keywords)
        self.gazetteer = .shared
    }

    package func extract(_ document: Document, numbers: Bool = false) -> Facts {
        let units = TextUnit.units(of: document)
        let relevant = relevance.matches(units)
        // Small-town raids are news in an enforcement story ("in rural Wilder" in an Idaho story): there a town
        // named without its state is read in the state the story names.
        var hits = CityRecognizer(gazetteer: gazetteer).find(in: units, townsInNamedStates: relevant)
        let recognized = hits
        for k in hits.indices { hits[k].passing = passing(hits[k], units, recognized) }
        markDatelinesOfStoriesSetElsewhere(&hits, units)
        var facts = Facts(title: document.title, relevant: relevant)
        let (figures, found) = figuresAndNumbers(units, hits)
        // An off-topic story (a wildfire with Guard members, a police budget) states no enforcement figure and
        // targets no city: its cities are mentions.
        facts.figures = facts.relevant ? figures : []
        facts.cities = cityMentions(hits, units, roles: facts.relevant
            ? roles(hits, units, owners: Set(facts.figures.compactMap(\.city))) : Dictionary(uniqueKeysWithValues:
                Set(hits.map(\.place)).map { ($0, CityRole.mention) }))
        if numbers { facts.numbers = found }
        var quoteExtractor = QuoteExtractor()
        facts.quotes = quoteExtractor.quotes(in: units)
        return facts
    }

    /// "BOISE, Idaho (AP) — …" then "at a race track an hour west of Boise": a dateline whose city the story
    /// names again only in passing (a landmark, a speaker's place, a title) is the reporter's place; the story is
    /// set elsewhere.
    func markDatelinesOfStoriesSetElsewhere(_ hits: inout [CityHit], _ units: [TextUnit]) {
        for k in hits.indices where hits[k].passing == nil && hits[k].sentence == 0 {
            let hit = hits[k]
            let t = units[hit.unit].tz.tokens
            guard hit.first == units[hit.unit].sentences[0].lowerBound, units[hit.unit].tz.length(hit.first) >= 3,
                  units[hit.unit].tz.isAllCaps(hit.first),
                  (hit.last + 1..<min(t.count, hit.last + 10)).contains(where: { ["—", "–", "--"].contains(t[$0].text) })
            else { continue }
            let others = hits.indices.filter { $0 != k && hits[$0].place == hit.place }
            if !others.isEmpty, others.allSatisfy({ hits[$0].passing != nil }) { hits[k].passing = .dateline }
        }
    }

    /// One entry per city, in order of first mention, with its mention count and first evidence.
    func cityMentions(_ hits: [CityHit], _ units: [TextUnit], roles: [Int: CityRole] = [:]) -> [CityMention] {
        var order: [Int] = []
        var byPlace: [Int: CityMention] = [:]
        for hit in hits {
            let unit = units[hit.unit]
            if byPlace[hit.place] == nil {
                order.append(hit.place)
                byPlace[hit.place] = CityMention(city: gazetteer.places[hit.place].display, role: roles[hit.place] ?? .target,
                                                 mentions: 0,
                                                 evidence: unit.evidence(unit.sentences[hit.sentence]))
            }
            byPlace[hit.place]!.mentions += 1
        }
        return order.map { byPlace[$0]! }
    }
}
