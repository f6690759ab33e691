import Testing
@testable import CityWatchDocuments
@testable import CityWatchExtraction

/// Sentences written for these tests (not taken from any corpus).
@Suite struct CityRecognizerTests {
    @Test func longestMatchWinsAndBoroughsMapToTheCity() {
        #expect(cities("Agents were seen in New York City and later in Queens and the Bronx.") == ["New York, NY"])
        #expect(facts("Raids in New York City, then in Brooklyn.").cities.first?.mentions == 2)
    }

    @Test func explicitStatesMakeRiskyNamesSafeAndPickTheHomonym() {
        #expect(cities("Officers detained 12 workers in Mobile, Ala., on Friday.") == ["Mobile, AL"])
        #expect(cities("Protests spread to Springfield, Ill., and Portland, Maine.") == ["Springfield, IL", "Portland, ME"])
        #expect(cities("A raid in Arlington, Va., drew a crowd.") == ["Arlington, VA"])
    }

    @Test func peopleAndOrganisationsAreNotCities() {
        #expect(cities("Jackson Hughes, a spokesman, spoke in Charlotte, N.C., on Monday.") == ["Charlotte, NC"])
        #expect(cities("The Los Angeles Times quoted LA Mayor Karen Bass.") == ["Los Angeles, CA"])
        #expect(cities("The Civil Liberties Union and the Justice for Migrants Coalition sued.") == [])
        #expect(cities("Harris County deputies held 40 people.") == [])
        #expect(cities("\"We will appeal,\" Hopkins said.") == [])
    }

    @Test func statesAndTheFederalGovernmentAreNotCities() {
        #expect(cities("Lawmakers in Washington state objected, and Washington said it would proceed.") == [])
        #expect(cities("New York Gov. Kathy Hochul objected to the plan.") == [])
        // A story about arrests across the state: "in Washington" is the state too.
        #expect(cities("Arrests surged in Washington\nICE arrests across Washington doubled in June.") == [])
        // Unless the story names the capital as well.
        #expect(cities("Arrests surged in Washington\nICE arrests across Washington doubled, officials in Washington, D.C., said.")
                == ["Washington, DC"])
        #expect(cities("The agency sent officers to Texas and Florida.") == [])
    }

    @Test func aListWithOtherCitiesConfirmsARiskyName() {
        #expect(cities("Arrests rose in New York and Chicago last month.") == ["New York, NY", "Chicago, IL"])
        #expect(cities("New York Mayor Eric Adams responded.") == ["New York, NY"])
    }

    @Test func tableColumnsOfCitiesAndDatelines() {
        let doc = SeedTextParser.parse("Title\n| City | Arrests |\n|---|---|\n| Houston | 40 |\n| Charlotte | 12 |\n")
        #expect(Set(Extractor().extract(doc).cities.map(\.city)) == ["Houston, TX", "Charlotte, NC"])
        #expect(cities("CHARLESTON, W.Va. -- Officers arrested two men.") == ["Charleston, WV"])
    }

    @Test func standAloneDatelinesAreTheWellKnownCities() {
        // AP style: "WASHINGTON —" is the capital even when the story names a state with a Washington in it.
        #expect(cities("Title\nWASHINGTON — Officials in Pennsylvania said the review would continue.") == ["Washington, DC"])
        #expect(cities("Title\nST. PAUL -- Agents arrested two men on Tuesday.") == ["St. Paul, MN"])
    }

    @Test func datelinesWithAPostalCode() {
        // Some sites write the state's postal code in the dateline; a dash or "(AP)" after it makes it one.
        #expect(cities("Title\nOGDEN, UT — Agents arrested nine men on Monday.") == ["Ogden, UT"])
        #expect(cities("Title\nAURORA, CO (AP) — Agents arrested nine men on Monday.") == ["Aurora, CO"])
        // Without the dash it is no dateline: an all-capitals "LIMA, OH" in a list stays unread.
        #expect(cities("Title\nROUTES: LIMA, OH AND DAYTON") == [])
    }

    @Test func boilerplateNeverYieldsCities() {
        var doc = SeedTextParser.parse("ICE raids\nAgents were active in the region.")
        doc.boilerplate = ["Copyright 2024 Chicago Daily | All rights reserved."]
        #expect(Extractor().extract(doc).cities.isEmpty)
    }

    @Test func aCountyOrParishNamesTheStateOfAHomonym() {
        #expect(cities("Deputies from Rapides Parish joined police in Alexandria on Tuesday.") == ["Alexandria, LA"])
    }

    @Test func aStateTheStoryNamesPicksTheHomonymOverPopulation() {
        #expect(cities("A fire in Columbus destroyed a barn, Nebraska officials said.") == ["Columbus, NE"])
        #expect(cities("A meeting in Alexandria will discuss the census, Minnesota officials said.") == ["Alexandria, MN"])
    }

    @Test func kansasCityDoesNotNameTheStateOfKansas() {
        #expect(cities("The Kansas City man was stabbed in Independence, Jackson County prosecutors said.") == ["Kansas City, MO", "Independence, MO"])
    }

    @Test func firstHalvesOfHyphenatedNamesAndModelYearsAreNotCities() {
        #expect(cities("Miami-Dade police seized the computer.") == [])
        #expect(cities("An officer tried to stop a 2001 Cadillac on Main Street.") == [])
    }

    @Test func withoutAHintOnlyABigCityOrACapitalIsTheObviousHomonym() {
        #expect(cities("Police in Athens arrested two men on Friday.") == [])
        #expect(cities("Police in Lansing arrested two men on Friday.") == ["Lansing, MI"])
        #expect(cities("Police in Athens, Ga., arrested two men on Friday.") == ["Athens, GA"])
    }

    @Test func aNameAfterAGivenNameIsAFamilyNameThroughoutTheStory() {
        #expect(cities("He and his business partner, Brian Gilbert, moved the studio. Gilbert is looking at new projects.") == [])
    }

    @Test func aWhoClauseMakesAPersonUnlessTheCityIsNamed() {
        #expect(cities("It was founded by Colton, who died in 1984. Colton wrote six books.") == [])
        #expect(cities("The city of Dallas, who wants the land, sued.") == ["Dallas, TX"])
    }

    @Test func aStateUniversityCampusNamesItsState() {
        #expect(cities("She teaches at the University of Nebraska-Lincoln.") == ["Lincoln, NE"])
    }

    @Test func whereAPersonLivesIsATown() {
        #expect(cities("Jane Roe, 18, of Paris died Saturday in a Texas hospital.") == ["Paris, TX"])
    }

    @Test func aStateNameIsNotItsNamesakeTown() {
        #expect(cities("The lawsuit names a California-based company.") == [])
    }

    @Test func aForeignNamesakeInAStorySetAbroadIsNotAUSCity() {
        #expect(cities("Flights between Chicago and Moscow resume, Russia said.") == ["Chicago, IL"])
    }

    @Test func aRiskyNameNextToATownTheStoryNamesIsItsNeighbour() {
        #expect(cities("Grovetown police arrested a man on Friday. The Augusta native was released.") == ["Grovetown, GA", "Augusta, GA"])
    }

    @Test func theTitleLineIsScannedToo() {
        #expect(cities("ICE agents detain 30 in Denver") == ["Denver, CO"])
    }

    @Test func pressAbbreviationsAndConsolidatedNamesAreTheirCity() {
        #expect(cities("Phila. officer charged with drug dealing after a sting.") == ["Philadelphia, PA"])
        #expect(cities("An Athens-Clarke police officer was stabbed.") == ["Athens, GA"])
        #expect(cities("Mpls. police arrested 12 people.") == ["Minneapolis, MN"])
    }

    @Test func anAbbreviatedDirectionIsPartOfABigCityButAMiddleInitialIsNot() {
        #expect(cities("One dead, two hurt in W. Phila. shooting.") == ["Philadelphia, PA"])
        #expect(cities("Fire hits N.W. Houston home.") == ["Houston, TX"])
        #expect(cities("George W. Houston spoke at the event.") == [])
    }

    @Test func aMunicipalCourtOrCouncilmemberConfirmsARiskyName() {
        #expect(cities("Moore is scheduled to appear April 9 in Hamilton Municipal Court.") == ["Hamilton, OH"])
        #expect(cities("Moore met Hamilton at the court.") == [])
    }

    @Test func aFieldOfABodyIsNoTown() {
        #expect(cities("The Ministry of Commerce said the US measures were unfair.") == [])
        #expect(cities("She spoke to the Manitoba Chambers of Commerce on Friday.") == [])
        #expect(cities("The City of Commerce approved the budget.") == ["Commerce, CA"])
    }

    @Test func britishAndDutchSetAStoryAbroad() {
        #expect(cities("The Eurostar service between London and Amsterdam started, Dutch officials said.") == [])
    }

    @Test func aSmallNamesakeOfAForeignCityInAStoryAbroadIsTheForeignCity() {
        #expect(cities("LONDON — The Latest on the poisoning of a former Russian spy in Britain.") == [])
        #expect(cities("Matthieu Prin of London-based BOP Consulting said British towns agree.") == [])
        #expect(cities("Others are set to carry migrants to Mexico City.") == [])
        #expect(cities("HAMILTON — The two Hamilton women found dead this weekend were sisters.") == ["Hamilton, OH"])
    }

    @Test func saintPetersburgInARussiaStoryIsNotFlorida() {
        #expect(cities("Its appearance in St. Petersburg marks the first time these works were shown in Russia.") == [])
        #expect(cities("ICE agents arrested 12 people in St. Petersburg, Florida, on Monday.") == ["St. Petersburg, FL"])
    }

    @Test func anInstitutionsTownMayFollowItsName() {
        #expect(cities("He was airlifted to Carle Foundation Hospital, Urbana, where he died, Illinois police said.")
                == ["Urbana, IL"])
        #expect(cities("The race moves to Oulton Park, Cheshire, in June.") == [])
    }
}

extension CityRecognizerTests {
    @Test func aBareDCIsTheCapitalAndAPaperIsNoCity() {
        #expect(cities("Governors sent 1,100 troops to join 800 D.C. Guard members.") == ["Washington, DC"])
        #expect(cities("Workers told the Phoenix that agents came at dawn.") == [])
        #expect(cities("An ICE officer told the Phoenix Thursday that agents came at dawn.") == [])
        #expect(cities("Agents came to Phoenix at dawn.") == ["Phoenix, AZ"])
    }

    @Test func agencyOfficesAndAddressesAreNotPlaces() {
        #expect(cities("Officers from ICE Enforcement and Removal Operations (ERO) Boston took part.") == [])
        #expect(cities("Contact the station at 100 Main St., Chapel Hill, NC 27517.") == [])
    }

    @Test func aTownWithoutItsStateIsReadOnlyInTheSuburbsOfABigCityTheStoryNames() {
        #expect(cities("Agents detained two men outside a store in west suburban Broadview, officials in Chicago said.")
                == ["Broadview, IL", "Chicago, IL"])
        #expect(cities("Lawmakers toured the ICE site in Broadview on Monday, weeks after the Chicago operation began.")
                == ["Broadview, IL", "Chicago, IL"])
        // No big city near it in the story: the bare name stays unread (it might be another Broadview, or a word).
        #expect(cities("Lawmakers toured the ICE site in Broadview on Monday.").isEmpty)
        // "the Broadview center" may be a facility of the story's city: not read as the town.
        #expect(cities("The Broadview center in Chicago held 1,450 detainees in October.") == ["Chicago, IL"])
        // A town point inside a big city the story names is a neighbourhood of it, not a suburb.
        #expect(cities("ICE agents arrested five people in Highlandtown on Tuesday, officials in Baltimore said.") == ["Baltimore, MD"])
        // Not where a place is expected: no town.
        #expect(cities("Broadview residents in Chicago said they saw agents.") == ["Chicago, IL"])
    }

    @Test func aHomonymNextToABigCityTheStoryNamesIsItsSuburb() {
        // Newark is a city in New Jersey, Ohio, California and Delaware: the one beside New York City is meant.
        #expect(cities("ICE will reopen a detention centre in Newark, close to New York City, in May.")
                == ["Newark, NJ", "New York, NY"])
        // A namesake near a reading of another listed name (Ohio's Aurora) does not outweigh a big city's suburb.
        #expect(cities("The arrests were made across the metro area, including Denver, Aurora and Lakewood.")
                == ["Denver, CO", "Aurora, CO", "Lakewood, CO"])
        // With nothing to place it, a homonym under 300,000 people is left out, as before.
        #expect(cities("ICE will reopen a detention centre in Newark in May.").isEmpty)
    }

    @Test func aSmallFarNamesakeInAStateTheStoryNeverNamesIsNotRead() {
        // Westlake, Ohio is the only Westlake in the list of cities; beside Los Angeles it is a neighbourhood.
        #expect(cities("Border Patrol agents arrested eight men outside a Home Depot in Westlake, near downtown Los Angeles.")
                == ["Los Angeles, CA"])
        // A town near the big city, or one the story gives its state, is still read.
        #expect(cities("ICE agents arrested 30 people in Chicago and 12 in Gary.") == ["Chicago, IL", "Gary, IN"])
        #expect(cities("Agents arrested 30 people in Los Angeles and 4 in Westlake, Ohio.") == ["Los Angeles, CA", "Westlake, OH"])
    }

    @Test func aStatesOwnNameIsNeverABareTown() {
        // Iowa, Louisiana is a town: in a story that names Louisiana, "in Iowa" is still the state.
        #expect(cities("ICE arrests in Iowa tripled. Two men were moved to a jail in rural Louisiana.").isEmpty)
        #expect(cities("Agents detained two men in Iowa, Louisiana, on Friday.") == ["Iowa, LA"])
    }

    @Test func smallTownsInAListAreReadInTheStateOfTheListsPlaces() {
        // Everson (a town below the cities' floor, named without its state) beside Ferndale: Washington's. Alone after
        // a comma it is not read.
        let listed = cities("ICE agents arrested six people in Ferndale, Everson and Lynden on Tuesday.")
        #expect(listed.contains("Everson, WA"))
        #expect(!cities("ICE agents arrested six people on Tuesday, Everson said.").contains("Everson, WA"))
        // Not a person after a list's comma, nor a list of counties.
        #expect(!cities("Allison Hamilton spoke in Huntsville, Alabama. That is how they heard of the arrests, Hamilton said.")
            .contains("Hamilton, AL"))
        #expect(!cities("Arrests rose in Aspen, Colorado, and in Pitkin, Eagle and Garfield counties.").contains("Eagle, CO"))
    }
}
