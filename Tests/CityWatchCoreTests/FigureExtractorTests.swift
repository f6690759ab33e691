import Foundation
import Testing
@testable import CityWatchDocuments
@testable import CityWatchExtraction

@Suite struct FigureExtractorTests {
    @Test func percentChangeNamesTheChangedNoun() {
        let f = facts("ICE reported a 15 % rise in arrests compared with last year.").figures
        #expect(f.count == 1)
        #expect(f.first?.measure == "arrests" && f.first?.unit == .percent && f.first?.value == 15 && f.first?.city == nil)
    }

    @Test func countedNounAndTheCityOfTheSentence() {
        let f = facts("The Pentagon sent 200 National Guard troops to Portland, Ore., to guard ICE on Saturday.").figures
        #expect(f.first?.measure == "national guard troops" && f.first?.city == "Portland, OR" && f.first?.value == 200)
        let g = facts("ICE agents arrested more than 130 people in Chicago while Houston saw none.").figures
        #expect(g.first?.city == "Chicago, IL" && g.first?.qualifier == .moreThan && g.first?.measure == "people arrested")
    }

    @Test func tableCellsTakeRowCityAndColumnHeader() {
        let doc = SeedTextParser.parse("ICE staffing\n| City | ICE Personnel Assigned | Increase in Deportations |\n|---|---|---|\n| Chicago | 180 | 22% |\n")
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
        // Each sentence speaks of enforcement, so only the number rules can keep these out.
        #expect(facts("ICE agents said a 6-inch main broke near a 34,000-square-foot store.").figures.isEmpty)
        #expect(facts("The man, of the 3200 block of Main Street, was held by ICE.").figures.isEmpty)
        #expect(facts("ICE officers issued 584 citations Tuesday.").figures.first?.measure == "citations")
    }

    @Test func moneyIsAFigureInDollars() {
        let f = facts("The city approved $2 billion in detention funding for ICE.").figures
        #expect(f.first?.unit == .usd && f.first?.value == 2_000_000_000 && f.first?.measure == "detention funding")
    }

    // Earlier values, changes, statutes, the city of a city-less sentence.

    let extractor = Extractor()

    func figures(_ text: String) -> [Figure] {
        extractor.extract(SeedTextParser.parse("ICE update\n" + text)).figures
    }

    /// An earlier value is kept as the measure's earlier figure, right after the figure it is compared with, with
    /// the same city and measure (the knowledge takes a measure's first statement in an article as its claim).
    @Test func anEarlierValueFollowsItsFigureWithItsMeasure() {
        let up = figures("ICE raised the number of personnel assigned to Chicago to 250, up from the 180 planned earlier this year.")
        #expect(up.map(\.value) == [250, 180])
        #expect(up.first?.measure.hasPrefix("personnel") == true)   // "personnel" or "personnel assigned": one MeasureKey
        #expect(Set(up.map(\.measure)).count == 1 && up.allSatisfy { $0.city == "Chicago, IL" })
        let compared = figures("The Broadview center in Chicago held 1,450 detainees in October, compared with 980 in September.")
        #expect(compared.map(\.value) == [1450, 980])
        #expect(compared.allSatisfy { $0.measure == "detainees" })
        let from = figures("ICE has increased the number of agents in Denver to 160, from 120 at the start.")
        #expect(from.map(\.value) == [160, 120])
        #expect(from.allSatisfy { $0.measure == "agents" })
        let state = figures("Federal data show the agency made more than 300 arrests in Idaho this year, up from 77 in 2024.")
        #expect(state.map(\.value) == [300, 77] && state.allSatisfy { $0.state == "ID" && $0.city == nil })
        #expect(state.map(\.qualifier) == [.moreThan, nil])
        let increase = figures("The task force in Virginia had made 3,564 arrests, an increase from 2,500 reported in July.")
        #expect(increase.map(\.value) == [3564, 2500])
        // A change stated as a range after its measure: the new value first, then the old.
        let capacity = figures("The bill is meant to grow ICE's detention capacity nationwide from 40,000 to 100,000 beds.")
        #expect(capacity.map(\.value) == [100_000, 40_000])
        // Not an earlier value: where people come from, a hedge, a range of ages.
        #expect(figures("In Houston, 120 agents from 12 agencies took part in the raids.").map(\.value) == [120])
        #expect(figures("In Houston, agents arrested more than 120 people.").map(\.value) == [120])
        #expect(!figures("In Houston, agents arrested 40 people whose ages ranged from 18 to 65.").contains { $0.value == 18 })
    }

    @Test func theSubjectOfAChangeIsTheMeasure() {
        let rose = figures("Deportations from Chicago rose 22% over the summer.")
        #expect(rose.first?.measure == "deportations" && rose.first?.value == 22 && rose.first?.unit == .percent)
        let aux = figures("In Los Angeles, deportations have increased 31% since the directive.")
        #expect(aux.first?.measure == "deportations" && aux.first?.city == "Los Angeles, CA")
        let up = figures("Arrests in Denver are up 45% from the first week.")
        #expect(up.first?.measure == "arrests" && up.first?.value == 45)
        let number = figures("The number of National Guard troops in Nashville rose to 550 this week, up from 400 in early November.")
        #expect(number.map(\.value) == [550, 400])
        #expect(number.first?.measure == "national guard troops")
        let fell = figures("Arrests in Chicago fell from 550 to 400 last month.")
        #expect(fell.map(\.value) == [400, 550])
        #expect(fell.first?.measure == "arrests")
        let range = figures("Arrests in Chicago rose from 400 to 550 last month.")
        #expect(range.map(\.value) == [550, 400])
        #expect(range.first?.measure == "arrests")
        // A place is never the measure.
        #expect(!figures("Arrests in Houston climbed to 300.").contains { $0.measure.contains("houston") })
    }

    @Test func statutesAndAddressesAreNotFigures() {
        #expect(figures("In Nashville, most were taken into custody under 8 U.S.C. 1357, officials said.").isEmpty)
        #expect(figures("The mayor of Nashville spoke at the Metro Courthouse, 1 Public Square, on Monday.").isEmpty)
    }

    @Test func aNounPhraseEndsAtItsVerb() {
        let f = figures("In Charlotte, the agency said 150 officers took part in the operation.")
        #expect(f.first?.measure == "officers")
    }

    @Test func peopleTakenIntoCustodyAreDetained() {
        let f = figures("In Phoenix, agents took more than 130 people into custody.")
        #expect(f.first?.measure == "people detained" && f.first?.value == 130 && f.first?.qualifier == .moreThan)
    }

    @Test func aSentenceWithoutACityTakesTheArticlesOnlyCity() {
        let f = figures("""
            Tennessee's governor has ordered 400 National Guard troops to Nashville to support ICE.
            The committee approved $2.5 million in emergency funding for the deployment.
            Nationwide, a 21% rise in arrests was reported.
            """)
        #expect(f.first { $0.unit == .usd }?.city == "Nashville, TN")
        #expect(f.first { $0.unit == .usd }?.measure == "emergency funding")
        #expect(f.first { $0.unit == .percent }.map { $0.city == nil } == true)
        // Two cities: a city-less sentence stays national.
        let two = figures("""
            ICE sent agents to Denver and Phoenix.
            The agency reported a 15% rise in arrests.
            """)
        #expect(two.first { $0.unit == .percent }.map { $0.city == nil } == true)
    }
}

extension FigureExtractorTests {
    @Test func moneyNamedByItsVerbAndLevelsStatedByAVerb() {
        let cost = figures("The operation in San Diego will cost $2.5 million, according to the budget office.")
        #expect(cost.first?.measure == "cost" && cost.first?.value == 2_500_000 && cost.first?.unit == .usd)
        let spent = figures("The city of Baltimore has spent $1.2 million on legal aid since the raids began.")
        #expect(spent.first?.measure == "spending" && spent.first?.city == "Baltimore, MD")
        let level = figures("Guard troops in Memphis now number 450, up from 300 last week.")
        #expect(level.map(\.value) == [450, 300])
        #expect(level.first?.measure == "guard troops")
        // "number 5" as a label is still no figure.
        #expect(figures("Agents in Memphis met at gate number 5 on Monday.").isEmpty)
    }
}

extension FigureExtractorTests {
    @Test func aPercentBeforeMoreNamesWhatGrew() {
        let f = figures("Los Angeles saw 31% more deportations in October.")
        #expect(f.first?.measure == "deportations" && f.first?.unit == .percent && f.first?.city == "Los Angeles, CA")
    }
}

extension FigureExtractorTests {
    @Test func aSecondNumberSharesTheFirstOnesMeasureAndTakesItsOwnPlace() {
        let f = figures("ICE has deployed 300 agents to Phoenix and 150 to Tucson, officials said.")
        #expect(f.map(\.value) == [300, 150])
        #expect(f.map(\.measure) == ["agents", "agents"])
        #expect(f.map(\.city) == ["Phoenix, AZ", "Tucson, AZ"])
        let people = figures("Agents arrested 85 people in Omaha, and 40 in Lincoln, the agency said.")
        #expect(people.map(\.city) == ["Omaha, NE", "Lincoln, NE"])
        #expect(people.allSatisfy { $0.measure == "people arrested" })
    }
}

extension FigureExtractorTests {
    @Test func newYorkAfterAPrepositionIsTheCity() {
        let f = figures("ICE now plans to target 5,000 cases in New York, up from 4,500.")
        #expect(f.map(\.value) == [5000, 4500])
        #expect(f.first?.city == "New York, NY")
        #expect(figures("ICE has 250 officers assigned to New York, according to the agency.").first?.city == "New York, NY")
    }
}

extension FigureExtractorTests {
    @Test func aPlaceBetweenSubjectAndVerbIsSkippedAndBarePeopleAreNoMeasure() {
        let f = figures("ICE said deportation flights from Newark Liberty airport rose 12% this year.")
        #expect(f.first?.measure == "deportation flights" && f.first?.value == 12)
        #expect(figures("Newark's population includes about 80,000 immigrants, ICE said.").isEmpty)
        #expect(figures("ICE agents detained 80 immigrants in Newark.").first?.measure == "immigrants detained")
    }
}

extension FigureExtractorTests {
    @Test func housesOnCompassStreetsEmergencyCallsAndReleases() {
        #expect(figures("ICE has a field office in San Antonio, Texas, at 1777 NE Loop 410.").isEmpty)
        #expect(figures("San Antonio police answered 911 calls about the ICE raids.").isEmpty)
        let released = figures("A federal judge in San Antonio ordered the release of 12 detainees held by ICE.")
        #expect(released.first.map { $0.measure.hasPrefix("detainees") && $0.measure.hasSuffix("released") } == true)
    }
}

extension FigureExtractorTests {
    @Test func aNationalWordNearerThanTheCityMakesTheFigureNational() {
        let f = figures("ICE arrests rose 15% nationwide, with the biggest gains in Chicago and Houston.")
        #expect(f.count == 1 && f.first?.city == nil && f.first?.value == 15)
        let local = figures("Nationwide, arrests rose 15%, while in Chicago arrests jumped 22%.")
        #expect(local.first { $0.value == 22 }?.city == "Chicago, IL")
    }

    @Test func aCityInARelativeClauseDoesNotOwnTheFigure() {
        let doc = "Agents Arrive in New Orleans\nICE agents arrived in New Orleans on Wednesday.\n"
            + "Commander Gregory Bovino, who led earlier operations in Chicago and Charlotte, said about 250 agents would take part in New Orleans.\n"
            + "Bovino, who led earlier operations in Chicago and Charlotte, said about 250 agents would take part.\n"
        let f = facts(doc).figures
        #expect(f.count == 2)
        #expect(f.allSatisfy { $0.city == "New Orleans, LA" && $0.value == 250 })
    }

    @Test func aSentenceFigureNeedsAnEnforcementContext() {
        #expect(facts("ICE update\nLouisiana has 64 parishes and about 4.6 million residents.").figures.isEmpty)
        #expect(facts("ICE update\nAgents arrested 64 people in Baton Rouge, Louisiana.").figures.map(\.value) == [64])
    }

    @Test func aScopeAdverbAndAPercentChangeBeforeTheNewLevel() {
        let f = facts("Intro\nICE arrests nationwide rose 25 percent to nearly 1.2 million.").figures
        #expect(f.count == 2)
        #expect(f.allSatisfy { $0.measure == "ice arrests" && $0.city == nil })
        #expect(f.last?.value == 1_200_000 && f.last?.qualifier == .approx && f.first?.unit == .percent)
    }
}


extension FigureExtractorTests {
    /// Places raided, counted, are operations: "raids at two restaurants", "raided at least two worksites".
    @Test func placesRaidedAreOperations() {
        let raids = figures("Immigration agents carried out raids at two Italian restaurants in San Diego on Friday.")
        #expect(raids.first?.measure == "operations" && raids.first?.value == 2 && raids.first?.city == "San Diego, CA")
        let sites = figures("Agents raided at least two worksites in Seattle.")
        #expect(sites.first?.value == 2 && sites.first?.qualifier == .atLeast)
        // Places with no raid are not operations.
        #expect(figures("In Denver, the two restaurants near the ICE office reopened on Monday.").isEmpty)
    }

    @Test func aBreakdownsItemsTakeTheMeasureOfItsHead() {
        // Items after "included", with number words and nouns of record that are not enforcement measures.
        let listed = figures("In Tulsa, the agency said those detained included 12 people with gang ties, 30 convicted of felonies, one wanted fugitive and 9 repeat offenders.")
        #expect(listed.map(\.value) == [12, 30, 1, 9])
        #expect(listed.allSatisfy { $0.measure == "people detained" && $0.city == "Tulsa, OK" })
        // A list after "the arrest of:".
        let colon = figures("The sweep in Omaha led to the arrest of: 21 repeat offenders, 6 gang members and two fugitives.")
        #expect(colon.map(\.value) == [21, 6, 2])
        #expect(colon.first?.measure == "repeat offenders arrested")
        // Without a head, a list of people is not a breakdown.
        #expect(figures("In Tulsa, 12 students, 30 teachers and two coaches attended the game.").isEmpty)
    }

    @Test func bulletsUnderAColonTakeItsMeasure() {
        let text = "BOISE, Idaho — ICE agents arrested 210 people in Boise this week.\n\n"
            + "The 210 people arrested had records of the following kinds:\n\n"
            + "- Assault or battery: 44 people.\n\n- Drunk driving: 31 people.\n\n"
            + "Officials said 15 people attended the hearing.\n\n- Parks: 8 people.\n"
        let f = figures(text)
        #expect(f.map(\.value) == [210, 210, 44, 31])
        #expect(f.allSatisfy { $0.city == "Boise, ID" && $0.measure == "people arrested" })
    }

    @Test func bulletsUnderAPointerBackTakeTheFigureBefore() {
        let text = "BOISE, Idaho — In all, 380 immigrants were arrested across Boise during the ICE sweep. Among them:\n\n"
            + "- 95 ignored final orders of removal\n\n- 12 were wanted abroad\n"
        let f = figures(text)
        #expect(f.map(\.value) == [380, 95, 12])
        #expect(f.allSatisfy { $0.measure == "immigrants arrested" })
    }

    @Test func countsToldRespectivelyGoToThePlacesInTheirOrder() {
        let f = figures("As of June 30, ICE held 412 and 288 people, respectively, in Ohio and Kentucky detention centers.")
        #expect(f.map(\.value) == [412, 288] && f.map(\.state) == ["OH", "KY"] && f.allSatisfy { $0.measure == "people held" })
        let g = figures("ICE agents arrested 40 and 25 people, respectively, in Omaha and Lincoln.")
        #expect(g.map(\.city) == ["Omaha, NE", "Lincoln, NE"])
        // Lists that do not pair up give no places: the states still make a region nobody owns.
        #expect(figures("ICE held 412 and 288 people, respectively, in Ohio, Kentucky and Indiana.").isEmpty)
        // A pair without "respectively" shares the noun and the verb.
        #expect(figures("ICE agents arrested 40 and 25 people in Omaha.").allSatisfy { $0.measure == "people arrested" })
    }

    @Test func labelLinesUnderAListsColonAndASentenceThatOnlyCompares() {
        let text = "ICE said it arrested 180 people in Omaha last week, listing the crimes of those arrested, including:\n\n"
            + "Burglary: 4\n\nFraud: 11\n\nDrug trafficking: 7\n\nOther charges included trespass.\n"
        let f = figures(text)
        #expect(f.map(\.value) == [180, 4, 11, 7] && f.allSatisfy { $0.city == "Omaha, NE" })
        // Label lines with no list above them are no figures.
        #expect(figures("ICE agents were seen in Omaha.\n\nBurglary: 4\n\nFraud: 11\n").isEmpty)
        let g = figures("ICE now makes 64 arrests a day in Iowa. That compares with 20 arrests a day in 2024.")
        #expect(g.map(\.value) == [64, 20] && g.allSatisfy { $0.state == "IA" && $0.measure == "arrests a day" })
    }

    @Test func eachStateOfAListOfCountsOwnsItsOwn() {
        let f = figures("The field office described six ICE cases: four arrests in Ohio and two in Kentucky.")
        #expect(f.map(\.value) == [4, 2])
        #expect(f.map(\.state) == ["OH", "KY"] && f.allSatisfy { $0.city == nil && $0.measure == "arrests" })
        // A list of states before one count still gives it to none of them.
        #expect(figures("Governors in Ohio, Indiana and Kentucky committed 900 troops to the ICE mission.").isEmpty)
    }

    @Test func aCountNamedByTheNumberOrTheTotalIsTheFigureBefore() {
        let f = figures("In May the Guard sent 1,500 troops to Denver for ICE, with the number climbing to 3,200 by June.")
        #expect(f.map(\.value) == [1_500, 3_200] && f.allSatisfy { $0.measure == "troops" && $0.city == "Denver, CO" })
        let g = figures("ICE agents detained 45 people in Omaha on Friday, pushing the tally past 300.")
        #expect(g.map(\.value) == [45, 300] && g.allSatisfy { $0.measure == "people detained" && !$0.plan })
        let h = figures("ICE arrested 700 people in Tulsa in March. April added more, bringing the total to 1,150.")
        #expect(h.map(\.value) == [700, 1_150] && h.last?.measure == "people arrested")
        // "The number of agents" names its own measure.
        #expect(figures("ICE said the number of agents in Tulsa rose to 90.").first?.measure == "agents")
    }

    @Test func peopleAnAgencyActedOnAndTheirParts() {
        let f = figures("More than half of the 1,900 people the Tulsa ICE office arrested this year had no record.")
        #expect(f.first?.value == 1_900 && f.first?.measure == "people arrested")
        let g = figures("In 2025 the county jail held a total of 23 people for ICE.")
        #expect(g.first?.value == 23 && g.first?.measure == "people held")
        let h = figures("Of the 41 people ICE arrested during the sweep in Tulsa last week, three face felony charges.")
        #expect(h.map(\.value) == [41, 3] && h.allSatisfy { $0.city == "Tulsa, OK" })
    }

    @Test func anAgencysRegionOrAGroupOfStatesOwnsNoFigure() {
        #expect(figures("ICE logged 610 arrests last year in its Denver Area of Responsibility, which spans Colorado and Wyoming.").isEmpty)
        #expect(figures("Across the Phoenix AOR, officers made 88 arrests a week.").isEmpty)
        #expect(figures("Agency data show more than 9,000 ICE arrests in several southern states.").isEmpty)
        // A goal stated in the same sentence, far from the region's name, is still a figure.
        let goal = figures("These towns sit in what DHS calls the Phoenix Area of Responsibility, where the government wants more detention space as part of its push to reach 900,000 deportations.")
        #expect(goal.map(\.value) == [900_000])
        #expect(figures("ICE agents made 40 arrests in six Phoenix suburbs.").map(\.value) == [40])
    }

    @Test func aNumberInAGangsOrAnIllnesssNameIsNoFigure() {
        let f = figures("ICE agents in Tulsa arrested 52 people. Among those arrested were alleged MS-13 and Sureños gang members.")
        #expect(f.map(\.value) == [52])
    }

    @Test func aChangeWithItsTimesBetweenFromAndToIsOneMeasure() {
        // Our own sentences: the earlier value and its year stand between "from" and "to".
        let f = figures("Immigration arrests in Kansas rose from 410 in 2024 to 1,120 in 2025.")
        #expect(f.map(\.value) == [1_120, 410] && f.allSatisfy { $0.measure == "immigration arrests" && $0.state == "KS" })
        let g = figures("Federal data show an increase from 640 ICE arrests in Iowa in FY 2024 to 1,980 in FY 2025.")
        #expect(g.map(\.value) == [1_980, 640] && g.allSatisfy { $0.measure == "ice arrests" && $0.state == "IA" })
        let h = figures("The number of ICE agents in Omaha went from about 60 last spring to 115 this month.")
        #expect(h.map(\.value) == [115, 60] && h.allSatisfy { $0.measure == "ice agents" && $0.city == "Omaha, NE" })
        // "1,500 in 2025" is a count and its year, not a share like "one in three".
        #expect(figures("ICE arrests in Kansas rose to 1,500 in 2025.").map(\.value) == [1_500])
        #expect(figures("One in three ICE arrests in Kansas involved no crime.").isEmpty)
        // A year before "to" is not the start of a range.
        #expect(figures("ICE detained 40 people in Omaha in 2024 to 2025.").map(\.value) == [40])
    }

    @Test func aRankingsCountsBelongToThePlacesBesideThem() {
        let f = figures("Kansas ranks fifth in the number of immigrants held in ICE detention with about 1,700. That trails Georgia with 8,800 and Arizona with nearly 5,900.")
        #expect(f.map(\.value) == [1_700, 8_800, 5_900])
        #expect(f.map(\.state) == ["KS", "GA", "AZ"] && f.allSatisfy { $0.measure == "immigrants held" && $0.city == nil })
        let g = figures("The busiest months for ICE arrests in Iowa were March, with 412, and April, with 388.")
        #expect(g.map(\.value) == [412, 388] && g.allSatisfy { $0.measure == "arrests" && $0.state == "IA" })
        // A sentence with no figure before it ranks nothing.
        #expect(figures("Georgia with 8,800 fans filled the stadium.").isEmpty)
        #expect(figures("The Braves beat Georgia with 8,800 watching.").isEmpty)
    }

    @Test func theCourtsCasesOneAgentAndAFigureNamedAgainAreNoNewFigures() {
        #expect(figures("After the ICE sweep in Tulsa, federal prosecutors charged 64 people with fraud.").isEmpty)
        // A part of the arrests that was charged is still a part of them.
        #expect(figures("ICE arrested 70 people in Tulsa, and 21 of them were charged with re-entry.").map(\.value) == [70, 21])
        #expect(figures("A video showed a man running from ICE through a field in Tulsa with at least one agent behind him.").isEmpty)
        let f = figures("ICE held 88 detainees in Tulsa. The 88 detainees figure doesn't count a June flight.")
        #expect(f.map(\.measure) == ["detainees", "detainees"])
    }

    @Test func statesInAListOfCountsAndChangesToldByPronounsOrBareVerbs() {
        let f = figures("Kansas saw 3,100 ICE arrests, Iowa reported 410 and Nebraska 280.")
        #expect(f.map(\.value) == [3_100, 410, 280] && f.map(\.state) == ["KS", "IA", "NE"])
        #expect(f.allSatisfy { $0.measure == "ice arrests" && $0.city == nil })
        let g = figures("The Polk County Jail saw yearly ICE detainments increase from 16 to 94, while in Story County, they increased from 21 to 77.")
        #expect(g.map(\.value) == [94, 16, 77, 21] && g.allSatisfy { $0.measure.hasSuffix("ice detainments") })
    }

    @Test func pickedUpReturnedAndACountAfterAFromThatStartsNoChange() {
        #expect(figures("Federal agents picked up 390 people with detainers in Reno.").first?.measure == "people arrested")
        #expect(figures("Federal agents picked up 390 people with detainers and 120 with warrants in Reno.").map(\.value) == [390, 120])
        #expect(figures("ICE said its Reno team succeeded in returning 110 illegal aliens to China.").first?.measure == "illegal aliens removed")
        let f = figures("That is a far cry from the 9,800 ICE arrests in Reno for all of 2024.")
        #expect(f.map(\.value) == [9_800] && f.first?.city == "Reno, NV")
        // "up from 77" is still the earlier value of the figure before it.
        #expect(figures("ICE made 300 arrests in Reno this year, up from 77 in 2024.").map(\.value) == [300, 77])
    }

    @Test func workersArrestedAreFigures() {
        #expect(figures("Agents raided a restaurant in Fresno and arrested four employees.").map(\.value).contains(4))
        #expect(figures("ICE detains over 100 individuals in Fresno during a week-long operation.").first?.measure == "individuals detained")
    }
}
