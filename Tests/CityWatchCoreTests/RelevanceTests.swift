import Foundation
import Testing
@testable import CityWatchExtraction

@Suite struct RelevanceTests {
    @Test func acronymsMatchOnlyAsCapitalisedWords() {
        #expect(facts("Police and the service crews cleared ice from the roads.").relevant == false)
        #expect(facts("ICE agents arrived.").relevant == true)
        #expect(facts("Agents of ICE's field office arrived.").relevant == true)
    }

    @Test func phrasesMatchInAnyCaseAndPlurals() {
        #expect(facts("Officials of immigration and customs enforcement spoke.").relevant == true)
        #expect(facts("Deportations rose.").relevant == true)
        #expect(facts("Weather news only.", keywords: ["raid"]).relevant == false)
        #expect(facts("The raids went on.", keywords: ["raid"]).relevant == true)
    }

    @Test func defaultKeywordsAreTheProductionConfigs() throws {
        let repo = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        // The [watch] keywords list as written (loading the whole config would need its installed folders).
        let text = try String(contentsOfFile: repo.appendingPathComponent("config/citywatch.toml").path, encoding: .utf8)
        let list = try #require(text.range(of: #"keywords = \[[^\]]*\]"#, options: .regularExpression).map { String(text[$0]) })
        let keywords = list.split(separator: "\"").enumerated().filter { $0.offset % 2 == 1 }.map { String($0.element) }
        #expect(keywords == Extractor.defaultKeywords)
    }

    @Test func borderPatrolAndCrackdownStoriesAreRelevantOffTopicNumbersAreNot() {
        #expect(facts("Border Patrol agents launched an operation in Charlotte, detaining 130 people.").relevant)
        #expect(facts("CBP officers arrived in the city on Monday.").relevant)
        #expect(facts("The immigration crackdown in New Orleans continued.").relevant)
        #expect(!facts("Police said 300 officers and 40 National Guard members patrolled the parade in Boston.").relevant)
        #expect(!facts("Over 600 National Guard members helped firefighters as the wildfire spread.").relevant)
        // Two weaker signs together: a Guard deployment joining a federal task force.
        #expect(facts("National Guard troops joined the federal task force in Memphis.").relevant)
        // Immigration violations with people taken into custody; "illegal aliens" is a sign of the topic.
        #expect(facts("A total of 19 people were taken into custody for immigration-related violations in Del Rio.").relevant)
        #expect(facts("Prosecutors said the illegal aliens were taken into custody in Eagle Pass.").relevant)
        #expect(!facts("Two suspects were taken into custody after the robbery in Eagle Pass.").relevant)
    }
}
