import Foundation
import Testing
@testable import CityWatchExtraction

/// State data stories seen on real reporting in the fifteenth session, on sentences and tables written for these tests.
extension NewsErrorKindsTests {
    @Test func aTableRowNamedByAStateGivesItsFiguresToTheState() {
        let text = """
        Arrests by state

        BOISE, Idaho — New figures show ICE arrests rising in every western state this year.
        State | % Change | Total ICE Arrests |
        ---|---|---|
        Idaho | +410% | 275 |
        Nevada | +88% | 1,940 |
        """
        let f = facts(text).figures
        let idaho = f.filter { $0.state == "ID" && $0.scope == .state }
        #expect(Set(idaho.map(\.value)) == [410, 275])
        #expect(f.contains { $0.state == "NV" && $0.value == 88 && $0.unit == .percent })
        #expect(f.contains { $0.state == "NV" && $0.value == 1_940 && $0.unit == .count })
        // No row's figure is the dateline city's.
        #expect(!f.contains { $0.city != nil })
    }

    @Test func aSignedCellIsItsNumber() {
        let text = """
        ICE arrests by city

        City | Change |
        ---|---|
        Omaha | +35% |
        """
        #expect(facts(text).figures.contains { $0.city == "Omaha, NE" && $0.value == 35 && $0.unit == .percent })
    }

    @Test func averagedPerDayIsALevelOfItsSubject() {
        let f = facts("Immigration arrests in Montana averaged 3.4 per day this spring, ICE data show.").figures
        #expect(f.contains { $0.value == 3.4 && $0.state == "MT" && $0.measure.contains("arrests") })
    }

    @Test func aPeriodWordBetweenAPercentAndItsChangeIsSkipped() {
        let f = facts("Montana recorded a 212% year-over-year increase in ICE arrests, the data show.").figures
        #expect(f.contains { $0.value == 212 && $0.unit == .percent && $0.state == "MT" })
        let head = facts("212% year-over-year increase: ICE arrests in Montana averaged 3.4 per day.").figures
        #expect(head.contains { $0.value == 212 && $0.unit == .percent })
        // A span of years after a number is still no figure.
        #expect(facts("ICE agents who served 20 years in Montana retired.").figures.isEmpty)
    }

    @Test func peopleHeldAtACitysCourthouseWereHeldInTheCity() {
        let f = facts("More than 40 people were held by ICE at the Tulsa courthouse over the weekend.").figures
        #expect(f.contains { $0.city == "Tulsa, OK" && $0.value == 40 })
        // A judge of the city's courthouse still only seats the court there.
        #expect(facts("A Tulsa courthouse judge said ICE had detained 12 people in Texas.").figures.allSatisfy { $0.city != "Tulsa, OK" })
    }

    @Test func arrestsThatApproachANumberAreThatLevel() {
        let f = facts("ICE arrests in Tulsa approach 1,300 since the raids began, DHS says").figures
        #expect(f.contains { $0.value == 1_300 && $0.city == "Tulsa, OK" })
    }

    @Test func upstateNewYorkIsTheState() {
        let f = facts("Nine dairy workers in upstate New York were taken into custody by immigration agents on Friday.").figures
        #expect(f.contains { $0.value == 9 && $0.state == "NY" && $0.city == nil })
        #expect(facts("ICE agents arrested 25 people in New York on Monday.").figures.first?.city == "New York, NY")
    }

    @Test func aPassiveVerbPastALongRelativeClauseCountsItsPeople() {
        let text = "Twelve farmhands who pick apples for Orchard & Sons in western New York's Wayne County were taken into custody by ICE last week."
        #expect(facts(text).figures.contains { $0.value == 12 && $0.state == "NY" })
        // A number followed by a verb and "that" is no relative clause's head: "Channel 9 reported that 80 were arrested".
        #expect(!facts("ABC 9 reported that officials said a total of 80 people in Fresno were arrested by ICE agents.").figures.contains { $0.value == 9 })
    }

    @Test func theNumberOfPeopleHeldThatGrewByAPercentIsTheirChange() {
        let f = facts("The number of people in ICE detention has grown by about 35% since March.").figures
        #expect(f.contains { $0.value == 35 && $0.unit == .percent && $0.measure.contains("detained") })
        #expect(facts("The number of troops in Memphis rose to 450, ICE said.").figures.first?.measure == "troops")
    }

    @Test func aShareSetOffAfterThePeopleHeldIsTheirShare() {
        #expect(facts("Nearly half of those in ICE custody — 44% — have no criminal record.").figures.contains { $0.value == 44 && $0.unit == .percent })
        #expect(facts("Most of the people being held by ICE, over 65%, were arrested far from the border.").figures.contains { $0.value == 65 && $0.qualifier == .moreThan })
        // A share of anyone else is not.
        #expect(facts("Voters in the county, 55%, backed the ICE measure.").figures.isEmpty)
    }

    @Test func aCountsPhraseEndsBeforeTheClauseThatFollowsIt() {
        let f = facts("That is short of the 2,500 daily arrests some officials have called for, ICE said.").figures
        #expect(f.contains { $0.value == 2_500 && $0.measure == "daily arrests" })
    }

    @Test func aTotalBrokenDownByCityIsTheStatesAndEachGivesEveryCityItsCount() {
        let text = "Of 230 ICE arrests reviewed, agents made 41 of those arrests in Des Moines, 22 in Ames, nine each in Ottumwa and Ankeny, and six in Marshalltown."
        let f = facts(text).figures
        #expect(f.contains { $0.value == 230 && $0.city == nil && $0.state == "IA" })
        #expect(f.contains { $0.value == 41 && $0.city == "Des Moines, IA" })
        #expect(f.contains { $0.value == 9 && $0.city == "Ottumwa, IA" })
        #expect(f.contains { $0.value == 9 && $0.city == "Ankeny, IA" })
    }

    @Test func aSmallTownsDatelineIsReadNearACityOfItsStateTheStoryNames() {
        let text = """
        Inside the center

        PHILIPSBURG — ICE holds up to 70 detainees in each pod of the center, about 130 miles from Pittsburgh.
        """
        #expect(cities(text).contains("Philipsburg, PA"))
        // Without a city of its state in the story, a town below the cities' floor in capitals is not read.
        #expect(!cities("Inside the center\n\nPHILIPSBURG — ICE holds up to 70 detainees in each pod.\n").contains("Philipsburg, PA"))
    }

    @Test func levelsThatHoverOrTopOutAndAForcesParts() {
        #expect(facts("Last year, ICE arrests in Utah hovered around 80 each month.").figures.contains { $0.value == 80 && $0.qualifier == .approx })
        #expect(facts("So far, April saw the most ICE arrests in Utah topping out at 260.").figures.contains { $0.value == 260 })
        let f = facts("The governor sent 60 National Guard personnel for ICE support, with 25 coming from the Army National Guard and 35 coming from the Air National Guard.").figures
        #expect(Set(f.map(\.value)).isSuperset(of: [60, 25, 35]))
    }

    @Test func twoPercentsShareTheChangeNounAfterTheSecond() {
        let f = facts("The data show 120 ICE arrests in Utah and 90 detentions, a 400% and 150% increase respectively from 2024.").figures
        #expect(f.contains { $0.value == 400 && $0.unit == .percent })
        #expect(f.contains { $0.value == 150 && $0.unit == .percent })
    }

    @Test func theCountNounHeadsASubjectPastAParticipleAndItsObject() {
        let f = facts("ICE arrests originating from jails rose from about 200 per day in March to more than 450 per day by July.").figures
        #expect(f.contains { $0.value == 450 && $0.measure.hasPrefix("arrests") })
        #expect(!f.contains { $0.measure.contains("jails") })
    }

    @Test func aCountPlacedInACountyByItsOwnClauseIsTheStates() {
        let f = facts("Of the arrests, eight were made by ICE in Weld County, and five were made in Greeley, the data show.").figures
        #expect(f.contains { $0.value == 8 && $0.city == nil && $0.state == "CO" })
        #expect(f.contains { $0.value == 5 && $0.city == "Greeley, CO" })
    }
}
