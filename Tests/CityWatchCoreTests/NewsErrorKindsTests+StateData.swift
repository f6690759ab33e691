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
}
