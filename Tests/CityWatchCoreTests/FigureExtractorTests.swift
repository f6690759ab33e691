import Testing
@testable import CityWatchCore

@Suite struct FigureExtractorTests {
    @Test func percentChangeNamesTheChangedNoun() {
        let f = facts("The agency reported a 15 % rise in arrests compared with last year.").figures
        #expect(f.count == 1)
        #expect(f.first?.measure == "arrests" && f.first?.unit == .percent && f.first?.value == 15 && f.first?.city == nil)
    }

    @Test func countedNounAndTheCityOfTheSentence() {
        let f = facts("The Pentagon sent 200 National Guard troops to Portland, Ore., on Saturday.").figures
        #expect(f.first?.measure == "national guard troops" && f.first?.city == "Portland, OR" && f.first?.value == 200)
        let g = facts("Agents arrested more than 130 people in Chicago while Houston saw none.").figures
        #expect(g.first?.city == "Chicago, IL" && g.first?.qualifier == .moreThan && g.first?.measure == "people arrested")
    }

    @Test func tableCellsTakeRowCityAndColumnHeader() {
        let doc = SeedTextParser.parse("T\n| City | ICE Personnel Assigned | Increase in Deportations |\n|---|---|---|\n| Chicago | 180 | 22% |\n")
        let f = Extractor().extract(doc).figures
        #expect(f.count == 2)
        #expect(f[0].city == "Chicago, IL" && f[0].measure == "ice personnel assigned" && f[0].value == 180)
        #expect(f[1].unit == .percent && f[1].measure == "increase in deportations")
        #expect(f[0].evidence == "Chicago | 180 | 22%")
    }

    @Test func statutesYearsAndTimesAreNotFigures() {
        #expect(facts("Under the 287(g) agreements signed in 2024, deputies act as agents.").figures.isEmpty)
        #expect(facts("The hearing starts at 10 a.m. on March 3.").figures.isEmpty)
        #expect(facts("It happened three times.").figures.isEmpty)
    }

    @Test func sizesAgesAndAddressesAreNotCounts() {
        #expect(facts("A 6-inch main broke near a 34,000-square-foot store.").figures.isEmpty)
        #expect(facts("The man, of the 3200 block of Main Street, was held.").figures.isEmpty)
        #expect(facts("Police issued 584 citations Tuesday.").figures.first?.measure == "citations")
    }

    @Test func moneyIsAFigureInDollars() {
        let f = facts("The city approved $2 billion in detention funding.").figures
        #expect(f.first?.unit == .usd && f.first?.value == 2_000_000_000 && f.first?.measure == "detention funding")
    }
}
