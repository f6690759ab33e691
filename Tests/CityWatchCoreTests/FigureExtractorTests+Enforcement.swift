import Foundation
import Testing
@testable import CityWatchExtraction

/// Figures a reader would accept: what counts enforcement, who owns it, plans and increments.
/// Sentences written for these tests (not taken from any article).
extension FigureExtractorTests {
    @Test func countsOfOtherThingsAreNotFigures() {
        #expect(figures("The ICE field office in Denver, which covers 40 counties, was busy.").isEmpty)
        #expect(figures("About a dozen protesters gathered outside the ICE office in Portland, Oregon.").isEmpty)
        #expect(figures("Please help us raise $5,000 for our newsroom's coverage of deportation.").isEmpty)
        #expect(figures("The FAA barred drones within 3,000 feet of the ICE operation in Chicago.").isEmpty)
        // Agents seen at one scene are not a deployment; agents sent are.
        #expect(figures("Nearly a dozen ICE agents pulled up to a house in Kenner.").isEmpty)
        #expect(figures("ICE sent 300 agents to Kenner.").map(\.value) == [300])
    }

    @Test func aStateOwnsItsStatewideFigure() {
        let across = figures("DENVER — ICE made 250 arrests across Colorado last month, officials said.")
        #expect(across.count == 1 && across[0].city == nil && across[0].scope == .state && across[0].state == "CO")
        let other = figures("TULSA, Okla. — Officials in Tulsa pointed to a Texas operation that netted 900 arrests as a model.")
        #expect(other.first.map { $0.city == nil && $0.state == "TX" && $0.scope == .state } == true)
        // A state that only completes the city's name leaves the figure to the city.
        let city = figures("Agents arrested 64 people in Baton Rouge, Louisiana, on Friday.")
        #expect(city.first.map { $0.city == "Baton Rouge, LA" && $0.scope == .city && $0.state == "LA" } == true)
    }

    @Test func aQuotaIsANationalPlanWithItsRate() {
        let f = figures("SEATTLE — The agency wants 2,000 arrests a day, the director said, as agents arrived in Seattle.")
        #expect(f.count == 1)
        #expect(f.first.map { $0.city == nil && $0.scope == .national && $0.plan && $0.measure == "arrests a day" } == true)
        #expect(figures("ICE agents made 250 arrests in Omaha.").first?.plan == false)
    }

    @Test func incrementsSmallCountsAndActionNouns() {
        let more = figures("ICE agents made six more arrests in Charlotte on Thursday.")
        #expect(more.first.map { $0.value == 6 && $0.measure == "additional arrests" } == true)
        #expect(figures("ICE confirmed the detention of three U.S. citizens in Minneapolis.").first?.value == 3)
        #expect(figures("In Chicago, nine people detained by agents were released.").first?.value == 9)
        let apprehended = figures("The operation led to the apprehension of 1,204 people in New Orleans.")
        #expect(apprehended.first.map { $0.value == 1204 && $0.measure.hasSuffix("apprehended") } == true)
        #expect(figures("ICE plans a 600-bed detention center near El Paso, Texas.").first?.measure == "detention beds")
        // "one arrest" is narrative, not a count.
        #expect(figures("One arrest in Everett followed an ICE deployment.").isEmpty)
    }

    @Test func rangesTalliesAndSubjectsThroughAPlace() {
        let share = figures("Immigrants make up 40% to 45% of arrests in Phoenix.")
        #expect(share.first.map { $0.value == 40 && $0.qualifier == .atLeast && $0.unit == .percent } == true)
        let tally = figures("The raids pushed the tally of arrests in Memphis past 200.")
        #expect(tally.first.map { $0.value == 200 && $0.measure == "arrests" } == true)
        let assigned = figures("The number of agents assigned to Denver rose to 140 from 95.")
        #expect(assigned.map(\.value) == [140, 95])   // the earlier value follows its figure
        #expect(assigned.first.map { !$0.measure.contains("denver") && $0.city == "Denver, CO" } == true)
    }

    @Test func subsetsTakeTheirParticiple() {
        let f = figures("ICE arrested 500 people in Houston. Among those arrested, 262 had prior convictions. "
            + "Another 126 were detained for other violations, and 77 of those arrested had removal orders.")
        #expect(f.map(\.value) == [500, 262, 126, 77])
        #expect(f.allSatisfy { $0.city == "Houston, TX" && FigureExtractor.isActedOn($0.measure) })
    }

    @Test func aSentenceWithoutAPlaceTakesTheStorysPlace() {
        let city = facts("Raids in Aurora and Denver\nICE raided homes in Denver and Aurora.\nAbout 30 people were arrested.").figures
        #expect(city.last?.city == "Aurora, CO")   // the title names Aurora first
        let state = facts("Crackdown across Georgia\nICE agents swept farms across Georgia.\nAbout 300 people were arrested.").figures
        #expect(state.last.map { $0.city == nil && $0.state == "GA" && $0.scope == .state } == true)
    }

    @Test func offTopicStoriesStateNoFigures() {
        let f = facts("Fires rage\nOver 600 National Guard members are helping firefighters in Altadena, and police made 40 arrests.")
        #expect(!f.relevant && f.figures.isEmpty)
        #expect(f.cities.allSatisfy { $0.role == .mention })
    }
}

extension FigureExtractorTests {
    @Test func partsOfACountShareItsMeasure() {
        let of = figures("ICE made 422 arrests in Houston. Of the 422 arrests, 262 have convictions and 34 have pending charges.")
        #expect(Set(of.map(\.value)) == [422, 262, 34])
        #expect(of.filter { $0.value == 262 || $0.value == 34 }.allSatisfy { $0.measure == "arrests" && $0.city == "Houston, TX" })
        let including = figures("The task force in Memphis has made 2,943 arrests, including 313 gang members.")
        #expect(including.map(\.value) == [2943, 313])
        #expect(including.allSatisfy { $0.measure == "arrests" })
        let adverb = figures("More than 130 people were reportedly arrested this weekend in Charlotte.")
        #expect(adverb.first.map { $0.value == 130 && $0.measure == "people arrested" && $0.city == "Charlotte, NC" } == true)
    }

    @Test func aHeadlineVerbAComparisonAndProtestArrests() {
        let headline = figures("ICE arrests more than 1,400 in Massachusetts during operation")
        #expect(headline.first.map { $0.value == 1400 && $0.state == "MA" && $0.scope == .state && $0.city == nil } == true)
        // A city or a state after "than" is compared with, not the owner.
        let compared = facts("Agents arrive in New Orleans\nAbout 250 Border Patrol agents were sent, more than in the Chicago and North Carolina sweeps.").figures
        #expect(compared.first.map { $0.city == "New Orleans, LA" && $0.value == 250 } == true)
        #expect(figures("Two activists were arrested outside the ICE center in Newark.").isEmpty)
        // The agency says which agents, and where they came from, not the scope.
        let from = figures("Minneapolis surge\nThe surge includes around 100 ICE agents from around the country.")
        #expect(from.first.map { $0.scope == .city && $0.city == "Minneapolis, MN" } == true)
    }

    @Test func localBookingsAndMultiStateRegionsAreNotTheOperations() {
        // Arrests the local police book after a clash are not the operation's; the operation's count beside one stays.
        #expect(figures("Two people were arrested on suspicion of assault after ICE agents were attacked in Chicago.").isEmpty)
        #expect(figures("Near the Portland ICE building, four people were arrested and booked into jail on disorderly conduct charges.").isEmpty)
        #expect(figures("ICE agents arrested 40 people in Chicago, including two on suspicion of assault.").map(\.value).contains(40))
        // A field office's region of several states has no owner; one state keeps its figure.
        #expect(figures("ICE arrested between three and eight people a day in Oregon, Idaho and Alaska.").isEmpty)
        #expect(figures("ICE arrested 30 people in Oregon on Tuesday.").first.map { $0.state == "OR" && $0.scope == .state } == true)
    }

    @Test func beingInTheCountryIsAStatusNotANationalScope() {
        let f = figures("Deportation drive reaches Oxnard\nAgents arrested roughly 150 people who were in the country without legal status.")
        #expect(f.first.map { $0.value == 150 && $0.city == "Oxnard, CA" && $0.scope == .city } == true)
        let g = figures("Yuma raids\nThe operation led to the arrests of 12 people for being in the country illegally.")
        #expect(g.first?.city == "Yuma, AZ")
        // A scope word still makes the figure the nation's.
        #expect(figures("Yuma raids\nICE made 1,200 arrests across the country last week.").first?.scope == .national)
    }

    @Test func aPartOfAnEarlierFigureTakesItsOwner() {
        let text = "Columbus on edge\nICE announced the arrests of 14 men in Ohio during the operation.\n"
            + "Of the 14, five were arrested before it began."
        let f = figures(text)
        #expect(f.map(\.value) == [14, 5] && f.allSatisfy { $0.city == nil && $0.state == "OH" && $0.scope == .state })
        let them = figures("Omaha sweep\nICE agents detained 60 people across Nebraska. Among those detained, 22 had criminal records.")
        #expect(them.map(\.state) == ["NE", "NE"])
        // A part whose sentence names its own place keeps it.
        let own = figures("Omaha sweep\nICE agents detained 60 people across Nebraska. Of those, 22 were arrested in Omaha.")
        #expect(own.last?.city == "Omaha, NE")
    }

    @Test func anAgeAfterThePeopleItBoundsIsNoFigure() {
        let f = figures("About 40 children under 16 have been detained by ICE in Toledo, with at least 25 deported.")
        #expect(f.map(\.value) == [40, 25])
        #expect(figures("ICE detained 30 adults over 65 in Toledo.").map(\.value) == [30])
    }

    @Test func aShareOfTheseArrestsAndABareChangeOfTheFigureBefore() {
        let share = figures("ICE in Ohio\nRoughly 45% of these arrests in Ohio involve people already held in county jails.")
        #expect(share.first.map { $0.value == 45 && $0.unit == .percent && $0.state == "OH" } == true)
        let change = figures("ICE arrested 800 people in Toledo this year. That is nearly a 60% increase over the same period last year.")
        #expect(change.map(\.value) == [800, 60] && change.allSatisfy { $0.city == "Toledo, OH" })
        let after = figures("The number of ICE arrests in Ohio from January to June (1,420) has jumped nearly 64% compared to last year.")
        #expect(after.map(\.value) == [1420, 64] && after.allSatisfy { $0.state == "OH" })
        // A change of something else is not the figure's.
        #expect(figures("ICE arrested 800 people in Toledo this year. Rents rose 12% in the same period.").map(\.value) == [800])
    }

    @Test func rankingsCustodyPartsCapacityAndPeopleHeld() {
        // A ranking by "total numbers of …", then the states that lead it.
        let ranked = figures("Detention in Ohio\nOhio ranks fourth in total numbers of migrants held in detention with nearly 2,600 as of May 1. "
            + "That is well behind Texas with 11,900 and Louisiana with almost 6,400.")
        #expect(ranked.map(\.value) == [2600, 11900, 6400] && ranked.map(\.state) == ["OH", "TX", "LA"])
        #expect(figures("Troopers made 300 stops with ICE in Toledo, which took custody of 85 for immigration violations.")
                .contains { $0.value == 85 && $0.measure == "people taken into custody" })
        let parts = figures("ICE arrested 500 people in Toledo. Another 120 were detained for other violations, and 210 had final orders of removal.")
        #expect(parts.map(\.value) == [500, 120, 210])
        let capacity = figures("ICE wants to increase its bed space capacity from 14,000 to 30,000.")
        #expect(capacity.map(\.value) == [30000, 14000] && capacity.allSatisfy { $0.measure == "bed space capacity" && $0.plan })
        #expect(figures("The city wants to increase its park space from 14,000 to 30,000 acres of ICE-free land.").isEmpty)
        let held = figures("The bill passed as ICE has nearly 52,100 migrants in its detention centers nationwide.")
        #expect(held.first.map { $0.value == 52100 && $0.scope == .national } == true)
        // People in a facility doing something else are not held by a count.
        #expect(figures("In Newark, 40 inmates in the federal detention facility pushed down a wall.").isEmpty)
        #expect(figures("\"ICE has arrested just short of 12,500 people in this country,\" Homan said.").first?.qualifier == .approx)
    }

    @Test func protestArrestsMovesRecordsAndScenesAreNotTheOperations() {
        #expect(figures("In Portland, four people were arrested during Friday night's demonstrations after fights broke out near the ICE office.").isEmpty)
        #expect(figures("Since July, nearly 120 people have been arrested at the Portland ICE building, where protests have gone on for weeks.").isEmpty)
        // The agency's own arrests beside a protest, and a protest group that speaks, stay.
        #expect(figures("Border Patrol agents arrested 25 people in Portland as protesters gathered outside.").map(\.value) == [25])
        #expect(figures("More than 20 people were arrested in the ICE raid in Portland, protest organizers said.").map(\.value) == [20])
        #expect(figures("In Texas, 17 ICE detainees were transferred between facilities more than five times.").isEmpty)
        #expect(figures("ICE said it arrested a dealer with 54 charges during the Portland operation.").isEmpty)
        #expect(figures("The owner said it was terrifying, with over 100 ICE agents swarming the plant in Portland.").isEmpty)
    }

    @Test func anOperationsStateOwnsItsCountThroughTheOperationsNoun() {
        let f = figures("Officials confirm more than 260 arrests during a weeklong ICE operation in Ohio as Columbus leaders respond.")
        #expect(f.first.map { $0.state == "OH" && $0.city == nil && $0.scope == .state } == true)
        // Without the operation's noun the window stays short: the city beside the count keeps it.
        let g = figures("Agents made 260 arrests in Columbus over the week after protests in Ohio.")
        #expect(g.first?.city == "Columbus, OH")
    }

    @Test func capturedAnActionNounsCountAndACountSetOffByCommas() {
        let captured = figures("The agencies captured 588 illegal aliens in Tulsa, including 470 with records.")
        #expect(captured.map(\.value) == [588, 470] && captured.allSatisfy { $0.city == "Tulsa, OK" })
        #expect(figures("Border Patrol agents captured 61 in Tulsa.").first?.measure == "people arrested")
        #expect(figures("The paper has confirmed the apprehension of 47 in Tulsa through court records.").first?.value == 47)
        let set = figures("ICE arrests in Tulsa in June, more than 260, were double any month before.")
        #expect(set.first.map { $0.value == 260 && $0.measure == "arrests" } == true)
        #expect(figures("The team captured 3 titles in Tulsa.").isEmpty)
        let dashes = figures("ICE makes 1,100 arrests a day nationwide, with about half of those arrests — 47 percent — in local jails.")
        #expect(dashes.map(\.value) == [1100, 47] && dashes.last?.unit == .percent)
        let toward = figures("Officials urged ICE to push arrests toward 3,000 per day.")
        #expect(toward.first.map { $0.value == 3000 && $0.measure == "arrests a day" } == true)
    }

    @Test func anEarlierCountTakesItsNounNotTheWordsAfterIt() {
        let f = figures("The new tally reflects arrests by ICE in Tulsa, passing an earlier estimate of over 350 given to reporters.")
        #expect(f.first.map { $0.value == 350 && $0.measure == "arrests" && $0.city == "Tulsa, OK" } == true)
        let g = figures("ICE arrested 610 people in Tulsa, surpassing an earlier count of over 320.")
        #expect(g.map(\.value) == [610, 320])
    }

    @Test func relativeClausesASubjectToArrestAndASentenceOpeningOnAState() {
        #expect(figures("ICE in Tulsa\n\"Fewer than 25% of those who've been arrested in Tulsa have a record,\" she said.")
                .first.map { $0.value == 25 && $0.unit == .percent && $0.measure == "people arrested" } == true)
        #expect(figures("ICE in Tulsa\n\"So 65% of the people who are being detained in Tulsa have no record.\"").first?.measure == "people detained")
        #expect(figures("ICE in Tulsa\nAbout 40% of people who live in Tulsa are immigrants.").isEmpty)
        let subject = figures("Nearly 1,300 people in Oklahoma have been subject to ICE administrative arrest since January.")
        #expect(subject.first.map { $0.value == 1300 && $0.state == "OK" && $0.measure == "people arrested" } == true)
        let opening = figures("ICE arrests\nIn Oklahoma, arrests increased 71% and nearly doubled in Kansas from January to October.")
        #expect(opening.first.map { $0.value == 71 && $0.state == "OK" } == true)
        // A city the sentence names before the count still owns it.
        #expect(figures("In Oklahoma, ICE made 400 arrests in Tulsa.").first?.city == "Tulsa, OK")
    }

    @Test func aSentenceThatIncludesAPartOfTheFigureBefore() {
        let f = figures("ICE arrested 1,720 people in Tulsa this year. That includes 690 with pending criminal charges.")
        #expect(f.map(\.value) == [1720, 690] && f.allSatisfy { $0.city == "Tulsa, OK" })
        let g = figures("ICE made 940 arrests in Tulsa. They included 280 during the first six months.")
        #expect(g.map(\.value) == [940, 280])
        #expect(figures("ICE arrested 900 people in Tulsa. That includes a new office and 3 buildings.").map(\.value) == [900])
        #expect(figures("In January, the Tulsa County jail saw 26 holds for ICE.").first.map { $0.value == 26 && $0.measure == "holds" } == true)
        #expect(figures("The wrestler used 3 holds to win in Tulsa.").isEmpty)
    }
}

