import Testing
@testable import CityWatchExtraction

@Suite struct GazetteerTests {
    let g = Gazetteer.shared

    @Test func loadsEveryPlaceFromTheCompiledData() {
        #expect(g.places.count > 4700)
        #expect(g.names["Chicago"]?.first.map { g.places[$0.place].display } == "Chicago, IL")
    }

    @Test func aliasesAndBoroughsResolveToTheirCity() {
        for alias in ["NYC", "Brooklyn", "Staten Island", "New York City"] {
            let entry = g.names[alias]?.first { g.places[g.resolved($0.place)].display == "New York, NY" }
            #expect(entry != nil, "\(alias)")
        }
        #expect(g.names["St. Paul"]?.contains { g.places[$0.place].display == "St. Paul, MN" } == true)
    }

    @Test func countiesAndParishesListTheirStates() {
        #expect(g.counties["Rapides Parish"] == ["LA"])
        #expect(g.counties["Walker County"] == ["AL", "GA", "TX"])
        #expect(g.counties.count > 1800)
        #expect(g.capitals.map { g.places[$0].display }.contains("Lansing, MI"))
    }

    @Test func statesByNameAbbreviationAndPostalCode() {
        let t = Tokenizer("Charlotte, N.C. and Paris, Texas and Mobile, AL and Portland, Maine")
        func code(_ word: String, postal: Bool = false) -> String? {
            let i = t.tokens.firstIndex { $0.text == word }!
            return g.state(in: t.tokens, at: i, allowPostal: postal)?.code
        }
        #expect(code("N.C.") == "NC")
        #expect(code("Texas") == "TX")
        #expect(code("AL", postal: true) == "AL")
        #expect(code("AL") == nil)
        #expect(code("Maine") == "ME")
    }

    @Test func riskyNamesCarryTheirFlags() {
        #expect(g.names["Mobile"]?.contains { $0.flags.contains(.word) } == true)
        #expect(g.names["Charlotte"]?.contains { $0.flags.contains(.firstName) } == true)
        #expect(g.names["Washington"]?.contains { $0.risk == .high } == true)
    }

    @Test func distanceIsInKilometres() {
        let dallas = g.names["Dallas"]!.map(\.place).max { g.places[$0].population < g.places[$1].population }!
        let fortWorth = g.names["Fort Worth"]!.first!.place
        #expect(g.distance(dallas, fortWorth) > 40 && g.distance(dallas, fortWorth) < 70)
    }

    @Test func aTownBelowTheCitiesFloorIsReadOnlyWithItsState() {
        let f = facts("ICE raids\n\nWILDER, Idaho — ICE agents arrested 90 people at a racetrack.\nAgents detained 20 men near Bellefonte, Pa., on Tuesday.")
        #expect(Set(f.cities.map(\.city)) == ["Wilder, ID", "Bellefonte, PA"])
        #expect(f.figures.first { $0.value == 90 }?.city == "Wilder, ID")
        // A state after a city's name still means the city ("Wildwood" is a city in Missouri, a town in Florida).
        #expect(cities("ICE news\n\nICE arrested 24 workers in Wildwood, Florida, last week.") == ["Wildwood, FL"])
        #expect(cities("ICE news\n\nICE arrested 24 workers in Wildwood, Mo., last week.") == ["Wildwood, MO"])
        // A bare town name is no city.
        #expect(cities("ICE news\n\nICE arrested 24 workers in Bellefonte last week.").isEmpty)
    }

    @Test func aSmallNamesakeInABigCitysSuburbsIsThatOne() {
        #expect(cities("ICE in Chicago\n\nICE agents raided homes in Chicago and detained 12 people in Franklin Park on Monday.")
                == ["Chicago, IL", "Franklin Park, IL"])
        // With no big city named, the namesakes stay unresolved.
        #expect(!cities("ICE news\n\nICE agents detained 12 people in Franklin Park on Monday.").contains("Franklin Park, IL"))
    }
}
