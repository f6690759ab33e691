import Testing
@testable import CityWatchCore

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
}
