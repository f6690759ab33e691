import Foundation
import Testing
@testable import CityWatchCore

/// Error kinds seen on real reporting (issue 12), on sentences written for these tests.
@Suite struct NewsErrorKindsTests {
    @Test func aBoroughAsAnAdjectiveOrAfterAPartWordIsTheCity() {
        #expect(cities("Agents detained nine men at a Manhattan immigration court on Tuesday.") == ["New York, NY"])
        #expect(cities("Masked officers waited in the halls of Lower Manhattan's federal building.") == ["New York, NY"])
        // A Kansas story's "a Manhattan bakery" is not New York's borough.
        #expect(!cities("Police in Kansas said a Manhattan bakery closed after the storm.").contains("New York, NY"))
        let f = facts("Agents detained nine men at a Manhattan immigration court on Tuesday, ICE said.").figures
        #expect(f.first?.city == "New York, NY" && f.first?.value == 9)
    }

    @Test func aCountAcrossAnAppositiveTakesTheVerbAfterIt() {
        let f = facts("OGDEN, Utah — Fifteen people, including three teenagers, were taken into custody by ICE agents on Monday.").figures
        #expect(f.first?.value == 15 && f.first?.city == "Ogden, UT")
    }

    @Test func aLeadCityNamedOnceYieldsToTheStorysCity() {
        let text = """
        Title of the piece

        After a deadly raid in Denver last month, Boston became the center of the fight over ICE.
        Boston leaders spoke out. Boston police stayed away.
        Advocates counted more than 80 people detained by ICE at a courthouse.
        """
        let f = facts(text).figures
        #expect(f.first?.city == "Boston, MA" && f.first?.value == 80)
    }

    @Test func anOperationInCountiesIsTheStates() {
        let text = """
        Agency release

        TUCSON — ICE officers ended a four-day operation in Pima and Cochise Counties. The operation led to 12 arrests.
        """
        let f = facts(text).figures
        #expect(f.first?.value == 12 && f.first?.city == nil && f.first?.state == "AZ")
    }

    @Test func aMultiStateRegionOwnsNoFigure() {
        let f = facts("ICE's Denver field office, which covers Colorado and Wyoming, made 40 arrests a week.").figures
        #expect(!f.contains { $0.value == 40 && $0.city == nil })
    }

    @Test func aSheriffsArrestsAtAProtestAreNotTheOperations() {
        let f = facts("The Orange County Sheriff's Department said it had arrested three people as protests against ICE raids grew in Anaheim.").figures
        #expect(!f.contains { $0.value == 3 })
        let g = facts("ICE agents and the county Sheriff's Department arrested 40 people in Anaheim.").figures
        #expect(g.contains { $0.value == 40 })
    }

    @Test func renownIsNotANationalScope() {
        let text = """
        Memphis task force

        The Memphis task force drew ICE agents to the city.
        Agents arrested two cousins known nationally as gospel singers.
        """
        #expect(facts(text).figures.first { $0.value == 2 }?.city == "Memphis, TN")
    }

    @Test func aListOfManyTownsIsTheStorysMetro() {
        let text = """
        Sweep across Greater Boston

        ICE agents mounted an operation across Greater Boston on Saturday.
        ICE reported about 30 arrests and said teams worked in Quincy, Malden, Medford, Waltham and Newton.
        """
        #expect(facts(text).figures.first { $0.value == 30 }?.city == "Boston, MA")
        // A count attached to one listed town stays that town's.
        let attached = """
        Sweep across Greater Boston

        ICE agents mounted an operation across Greater Boston on Saturday.
        Agents made 30 arrests in Quincy, and more in Malden, Medford, Waltham and Newton.
        """
        #expect(facts(attached).figures.first { $0.value == 30 }?.city == "Quincy, MA")
    }

    @Test func aBigCityEndingACaptionIsNoFamilyName() throws {
        let html = """
        <html><body><h1>ICE sweep</h1>
        <p>Border Patrol agents made 120 arrests in Chicago this week, the agency said.</p>
        <p>Photo Desk Border Enforcement Chicago</p></body></html>
        """
        let doc = try ArticlePageParser.parse(Data(html.utf8), url: nil)
        let f = Extractor().extract(doc).figures
        #expect(f.first { $0.value == 120 }?.city == "Chicago, IL")
    }

    @Test func troopsStationedAtACampAreTheStorysCitys() {
        let text = """
        Guard troops for Portland

        The National Guard deployment to Portland drew protests outside the ICE facility.
        The governor asked the Pentagon to send home the 150 Oregon soldiers stationed at a camp in Salem and the 150 California soldiers stationed at a base in Bend for the ICE mission.
        """
        let f = facts(text).figures.filter { $0.value == 150 }
        #expect(f.count == 2 && f.allSatisfy { $0.city == "Portland, OR" })
    }
}
