import Foundation
import Testing
@testable import CityWatchDocuments
@testable import CityWatchExtraction

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

    @Test func aHeadlineRepeatedAsAParagraphIsNoFamilyName() throws {
        // A feed or page that repeats its title as a line: "Hits Chicago," is a verb and a city, not a name.
        let html = """
        <html><head><title>Crackdown Hits Chicago, Five Detained</title></head><body>
        <p>Crackdown Hits Chicago, Five Detained</p>
        <p>Chicago is in the second week of an ICE enforcement surge. Agents detained five people on Monday.</p></body></html>
        """
        let doc = try ArticlePageParser.parse(Data(html.utf8), url: nil)
        let facts = Extractor().extract(doc)
        #expect(facts.cities.map(\.city).contains("Chicago, IL"))
        #expect(facts.figures.first { $0.value == 5 }?.city == "Chicago, IL")
        // A street in such a line stays a street.
        let street = """
        <html><head><title>ICE raids in Denver</title></head><body>
        <p>ICE agents raided three apartment buildings in Denver on Wednesday.</p>
        <p>Apartments at 1200 Macon St. in Arapahoe County</p></body></html>
        """
        let d2 = try ArticlePageParser.parse(Data(street.utf8), url: nil)
        #expect(!Extractor().extract(d2).cities.map(\.city).contains("Macon, GA"))
    }

    @Test func aBylineNamesPeople() {
        let text = """
        Agents at the county jail

        By: Jamie Ortiz and Harrison Bell
        ICE agents detained 14 people in Newark, N.J., on Friday.
        """
        #expect(cities(text) == ["Newark, NJ"])
    }

    @Test func harmedOfficersAreNotADeployment() {
        let text = """
        Nights outside the Portland ICE building

        Protesters outside the Portland ICE facility have doxxed at least five ICE employees, the agency said.
        Two federal officers were injured on Sunday night in Portland.
        About 25 federal officers were sent to Portland to guard the building.
        """
        let f = facts(text).figures
        #expect(!f.contains { $0.value == 5 || $0.value == 2 })
        #expect(f.contains { $0.value == 25 && $0.city == "Portland, OR" })
    }

    @Test func aLeadListingStatesIsNoStateStory() {
        let text = """
        Guard troops for the capital

        Governors in Ohio, Georgia and Alabama have committed 900 Guard troops to the Washington, D.C. immigration crackdown.
        The attorney general reported 310 arrests by ICE and its partners since the operation began.
        """
        let f = facts(text).figures
        #expect(f.first { $0.value == 310 }?.city == "Washington, DC")
    }

    @Test func aCityInAnOfficialsTitleOwnsNoFigure() {
        let text = """
        Raids in Denver

        ICE agents raided apartment complexes in Denver on Wednesday.
        Lakewood City Councilman Sam Ortiz said roughly 40 people were arrested.
        """
        #expect(facts(text).figures.first { $0.value == 40 }?.city == "Denver, CO")
    }

    @Test func enforcementMoneyAndBedsInTheirUsualShapes() {
        let text = """
        Detention money

        The spending law sets aside a whopping $30 billion for ICE detention operations.
        It is part of a wider $120 billion immigration and border enforcement package.
        ICE intends to roughly double the number of detention beds nationwide, from 40,000 to as many as 80,000.
        """
        let f = facts(text).figures
        #expect(f.contains { $0.value == 30_000_000_000 && $0.unit == .usd })
        #expect(f.contains { $0.value == 120_000_000_000 && $0.unit == .usd })
        #expect(f.contains { $0.value == 80_000 && $0.measure.contains("beds") && $0.qualifier == .upTo })
    }

    @Test func quotasMembersSubsetsAndDistantVerbs() {
        let text = """
        Operations in Houston

        ICE agents worked across Houston this week.
        Advocates cite a daily arrest quota of 4,000 set by the White House.
        The governor approved a 150-member Texas National Guard deployment to guard the ICE office in Houston.
        In a raid at a warehouse on Tuesday, 212 workers suspected of lacking work permits were detained by agents.
        Six gang members were also among those taken into custody.
        Agents came to search for more than 60 members of the gang, ICE said, calling them 60+ targets.
        """
        let f = facts(text).figures
        #expect(f.contains { $0.value == 4_000 && $0.plan && $0.measure.hasSuffix("a day") && $0.city == nil })
        #expect(f.contains { $0.value == 150 && $0.city == "Houston, TX" })
        #expect(f.contains { $0.value == 212 && $0.city == "Houston, TX" })
        #expect(f.contains { $0.value == 6 && $0.city == "Houston, TX" })
        #expect(f.contains { $0.value == 60 && $0.qualifier == .moreThan && $0.measure.contains("targeted") })
    }

    @Test func aRegionStandsForItsMainCityAndABaseForTheStorysCity() {
        let text = """
        Agents for San Francisco

        Federal immigration agents are preparing an operation in San Francisco.
        More than 120 agents are headed to the Bay Area, officials said.
        About 90 federal officers will be housed at a Coast Guard base in Alameda for the San Francisco operation.
        """
        let f = facts(text).figures
        #expect(f.first { $0.value == 120 }?.city == "San Francisco, CA")
        #expect(f.first { $0.value == 90 }?.city == "San Francisco, CA")
    }

    @Test func anAgencyWideCountInACityStoryIsNational() {
        let text = """
        Fear in Reno

        RENO, Nev. — ICE agents have been seen near schools in Reno.
        In its first 60 days, ICE arrested nearly 41,000 people, the department said.
        Agents arrested 35 people in Reno last week.
        """
        let f = facts(text).figures
        #expect(f.first { $0.value == 41_000 }.map { $0.city == nil && $0.state == nil } == true)
        #expect(f.first { $0.value == 35 }?.city == "Reno, NV")
    }

    @Test func sharesRecordsAndOtherPeopleAreNoFigures() {
        let text = """
        Arrests in Omaha

        ICE agents arrested 80 people in Omaha this month.
        Roughly one in three arrests happened at traffic stops.
        Two out of every 3 people ICE arrested had no criminal record.
        One man arrested had 45 prior jail bookings.
        After the raids, 31 state legislators sent a letter to ICE.
        Border Patrol reported 900 daily encounters at the border near Omaha last year.
        """
        let f = facts(text).figures
        #expect(f.map(\.value) == [80])
    }

    @Test func protestChargesAreALocalBooking() {
        let text = """
        Protest at the ICE office

        Police arrested four people at the ICE office protest in Tucson on charges including unlawful assembly and blocking a road.
        """
        #expect(facts(text).figures.isEmpty)
    }

    @Test func quotedModifiersAndSentencesAboutThoseArrested() {
        let text = """
        Data on Utah arrests

        ICE made 1,500 arrests in Utah last year, the data show.
        Analysts found 212 “non-custodial” arrests in the state.
        Of those arrested, a majority — 900 people — were from Mexico while 140 people were from Honduras.
        """
        let f = facts(text).figures
        #expect(f.contains { $0.value == 212 && $0.state == "UT" })
        #expect(f.contains { $0.value == 140 })
    }

    @Test func recordSharesCountAsFiguresOfThoseArrested() {
        let text = """
        ICE arrests in Iowa

        ICE made 1,200 arrests in Iowa this year, the data show.
        About 35% had been convicted of a crime.
        Only 9% committed violent crimes.
        """
        let f = facts(text).figures
        #expect(f.contains { $0.value == 35 && $0.unit == .percent && $0.state == "IA" })
        #expect(f.contains { $0.value == 9 && $0.unit == .percent })
        // A share with no enforcement around it is no figure.
        #expect(facts("Crime report\n\nAbout 35% of residents had been victims of a crime.").figures.isEmpty)
    }

    @Test func moneyForEnforcementAndTargetsSetByAVerb() {
        let text = """
        The spending bill

        The bill contains $150 billion for the immigration crackdown, including $25 billion for ICE.
        ICE's 2023 detention budget was about $8 billion.
        The White House ordered officials to increase detentions to 2,500 per day.
        Officials want to triple the number of daily arrests to 4,500 people.
        The money would grow the agency's detention capacity for migrants — from 35,000 to 90,000.
        """
        let f = facts(text).figures
        for v in [150_000_000_000.0, 25_000_000_000, 8_000_000_000] { #expect(f.contains { $0.value == v && $0.unit == .usd }) }
        #expect(f.contains { $0.value == 2_500 && $0.measure.hasPrefix("detentions") })
        #expect(f.contains { $0.value == 4_500 && $0.measure.contains("arrests") })
        #expect(f.contains { $0.value == 90_000 && $0.measure.contains("detention") })
    }

    @Test func aTableWithoutPlacesIsTheStorysCitys() throws {
        let html = """
        <html><body><h1>ICE arrests in Houston</h1>
        <p>ICE agents made hundreds of arrests in Houston this month, the agency said.</p>
        <table><tr><th>Category</th><th>Number detained</th></tr>
        <tr><td>Felony convictions</td><td>412</td></tr><tr><td>Repeat violators</td><td>230</td></tr></table>
        </body></html>
        """
        let doc = try ArticlePageParser.parse(Data(html.utf8), url: nil)
        let f = Extractor().extract(doc).figures
        #expect(f.first { $0.value == 412 }?.city == "Houston, TX")
    }

    @Test func aHyphenatedPairIsTheFirstCitysAndProtestChargesAreLocal() {
        let f = facts("ICE in Texas\n\nIn the Dallas-Fort Worth area, ICE agents made 61 arrests on Sunday.").figures
        #expect(f.first { $0.value == 61 }?.city == "Dallas, TX")
        let g = facts("Protest\n\nThere were 9 arrests near the ICE office in Santa Ana, police said, including for charges ranging from failure to disperse to vandalism.").figures
        #expect(!g.contains { $0.value == 9 })
    }

    @Test func anOperationNamedForItsCityAndACityPastAClauseBreak() {
        let text = """
        Operation Charlotte's Web nets over 90 arrests

        65 arrests were reported on the first day; the operation is said to head to Raleigh next.
        Arrests in the Border Patrol's Operation Charlotte's Web rose to over 90, officials said.
        """
        let f = facts(text)
        #expect(f.cities.contains { $0.city == "Charlotte, NC" && $0.role == .target })
        #expect(f.figures.first { $0.value == 65 }?.city == "Charlotte, NC")
        let plan = facts("Quota\n\nThe administration ordered ICE officials to increase detentions to 2,000 per day.").figures
        #expect(plan.first.map { $0.plan && $0.city == nil && $0.measure.hasSuffix("a day") } == true)
    }

    @Test func listsOfStatesVerbsOfTheClauseBeforeAndAgencySharesAndAssaults() {
        #expect(!cities("ICE news\n\nMost jail holds are people detained by ICE in Washington or Montana.").contains("Washington, DC"))
        let a = facts("Raid\n\nICE said 210 people were arrested in Oxnard and 12 children were rescued.").figures
        #expect(!a.contains { $0.value == 12 })
        let b = facts("Raid\n\nFive U.S. citizens were arrested in Oxnard for assaulting or resisting ICE officers.").figures
        #expect(b.isEmpty)
        let c = facts("Fear in Reno\n\nRENO, Nev. — ICE agents were seen in Reno.\nIn 40 days, ICE arrested nearly 30,000 people, including 70% accused of a crime.").figures
        #expect(c.first { $0.value == 70 }.map { $0.city == nil && $0.state == nil } == true)
        let d = facts("Crunch\n\nICE and Border Patrol began an operation in New Orleans, Kenner and nearby parishes, deploying about 200 agents.").figures
        #expect(d.first { $0.value == 200 }?.city == "New Orleans, LA")
    }

    @Test func moneyIsEnforcementMoneyOnlyWhenItsSentenceSaysSo() {
        let text = """
        ICE in Memphis

        The ICE task force has made hundreds of arrests in Memphis.
        A court clerk is accused of firing an accountant who reported more than $4,000 in questionable spending.
        The state approved $1.5 million in emergency funding for the Guard deployment in Memphis.
        """
        let f = facts(text).figures
        #expect(!f.contains { $0.value == 4_000 })
        #expect(f.contains { $0.value == 1_500_000 && $0.unit == .usd })
    }

    @Test func stateDataStoryShapes() {
        let text = """
        ICE arrests by state

        Oregon has seen a sharp increase in immigration arrests, surging by 140% since January.
        Nearly 70 percent of immigrants arrested in Oregon this year had no criminal history.
        Between March and June, more than 2,100 people in Oregon were taken into custody by ICE.
        """
        let f = facts(text).figures
        #expect(f.contains { $0.value == 140 && $0.unit == .percent && $0.state == "OR" })
        #expect(f.contains { $0.value == 70 && $0.unit == .percent && $0.state == "OR" })
        #expect(f.contains { $0.value == 2_100 && $0.state == "OR" && $0.measure.contains("detained") })
    }

    @Test func aSubsetNamedByTheSentencesOpeningCounts() {
        let text = """
        ICE operation in Tulsa

        TULSA, Okla. — ICE arrested 300 people in Tulsa last week.
        Among the detainees, 91 were truck drivers.
        Of the total 300 detainees, DHS flagged 112 as gang members.
        Of those arrested on Friday, 40 had prior convictions, ICE said.
        """
        let values = facts(text).figures.filter { $0.city == "Tulsa, OK" }.map(\.value)
        #expect(values == [300, 91, 300, 112, 40])
    }

    @Test func aPartOfALargerCountIsNoShareTerm() {
        let f = facts("TULSA, Okla. — ICE said it arrested 118 immigrants, including 44 in one raid.").figures
        #expect(f.map(\.value) == [118, 44])
        // "one in three" is still a share, not a count.
        #expect(facts("TULSA, Okla. — ICE said one in three arrests were of people with no record.").figures.isEmpty)
    }

    @Test func aChannelNumberAfterACallSignIsNoFigure() {
        let f = facts("DALLAS — An ICE spokeswoman told KHOU 11 News that 84 people were arrested in Dallas.").figures
        #expect(f.map(\.value) == [84])
    }

    @Test func vehiclesAndBuildingsAreNotCountedButMoneyForThemIs() {
        let text = """
        ICE in Nashville

        NASHVILLE — ICE detained 40 people in Nashville on Sunday.
        At least two busloads of people were sent to an ICE detention facility.
        The contractor runs 20 U.S. facilities for ICE.
        Congress set aside $45 billion for immigration detention centers.
        """
        let f = facts(text).figures
        #expect(f.map(\.value) == [40, 45_000_000_000])
    }

    @Test func aSmallTownInTheStateAnEnforcementStoryNamesIsRead() {
        let text = """
        ICE raid in Idaho

        Federal agents arrested 105 people at a racetrack on Sunday in rural Wilder, Idaho officials said.
        """
        let f = facts(text)
        #expect(f.cities.map(\.city) == ["Wilder, ID"])
        #expect(f.figures.first?.city == "Wilder, ID" && f.figures.first?.value == 105)
        // Off the topic, a town named without its state stays unread; so does a month that is a town's name.
        #expect(cities("County fair\n\nThe fair in Wilder drew 5,000 visitors, Idaho officials said.").isEmpty)
        #expect(!facts("ICE in Maine\n\nICE agents arrested 12 people in August, Maine officials said.").cities.contains { $0.city.hasPrefix("August") })
    }

    @Test func aDatelineNamedAgainOnlyAsALandmarkIsNotTheStorysPlace() {
        let text = """
        ICE raid at a dairy farm

        TWIN FALLS, Idaho (AP) — The helicopters came first, workers said.
        About 150 people were detained at a dairy farm some 40 miles east of Twin Falls during the raid.
        """
        let f = facts(text)
        #expect(f.cities.map(\.city) == ["Twin Falls, ID"] && f.cities.first?.role == .mention)
        #expect(f.figures.count == 1 && f.figures.first?.city == nil && f.figures.first?.value == 150)
        // Named again as the place itself, the dateline city is the story's.
        let own = facts("ICE raid at a dairy farm\n\nTWIN FALLS, Idaho (AP) — The helicopters came first.\nAbout 150 people were detained in Twin Falls during the raid.")
        #expect(own.figures.first?.city == "Twin Falls, ID" && own.cities.first?.role == .target)
    }

    @Test func aDatelineLineBeforeAStateLeadLeavesTheFiguresToTheState() {
        let text = """
        Dothan, Ala. (Wire)
        ICE arrests in Alabama have climbed this year, with 2,100 people arrested by the end of May.
        So far this year, 1,200 people have been removed, including 300 voluntary departures.
        """
        let f = facts(text).figures
        #expect(f.map(\.value) == [2_100, 1_200, 300])
        #expect(f.allSatisfy { $0.city == nil && $0.scope == .state && $0.state == "AL" })
        // A lead that names no state leaves the story at its dateline.
        let city = facts("Dothan, Ala. (Wire)\nICE agents arrested 21 people on Monday, officials said.").figures
        #expect(city.first?.city == "Dothan, AL")
        // "DOTHAN, Ala. — Southern Alabama has …": the dateline opens on a region of the state.
        let region = facts("ICE in Alabama\n\nDOTHAN, Ala. — Southern Alabama has seen more than 300 ICE arrests this year.")
        #expect(region.figures.first.map { $0.city == nil && $0.value == 300 } == true)
        #expect(region.cities.first?.role == .mention)
    }

    @Test func anAgencyBranchNamedForACityIsAnOfficeNotThePlace() {
        let text = """
        ICE operation in West Texas

        More than 900 people were arrested in a two-week operation across West Texas, said the El Paso branch of ICE.
        """
        let f = facts(text)
        #expect(f.figures.first.map { $0.city == nil && $0.state == "TX" && $0.value == 900 } == true)
        #expect(f.cities.first?.role == .mention)
        // A group based in a city sits there; agents based there are staged there.
        let group = facts("ICE in Ohio\n\nICE held 90 people in Ohio jails in May, said a research group based in Denver.")
        #expect(group.cities.first?.role == .mention && group.figures.first?.city == nil)
        let agents = facts("ICE surge\n\nAbout 120 ICE agents based in Denver were sent to the raids, officials said.")
        #expect(agents.cities.first?.role == .target)
    }

    @Test func aTownOfTheStoryStateBeatsItsBiggerNamesakesElsewhere() {
        // Baldwin is a city in New York and Pennsylvania, a town in Michigan (and in Florida, named once here).
        let text = """
        ICE reopens a prison in northern Michigan

        A 1,500-bed former prison in northern Michigan reopened for ICE detainees.
        The private company bought the 1,500-bed prison in Baldwin that held Florida inmates years ago.
        Michigan lawmakers asked ICE for the contract.
        """
        let f = facts(text)
        #expect(f.cities.map(\.city) == ["Baldwin, MI"])
        // The state's figure restates the town's: it is the town's alone.
        #expect(f.figures.map(\.city) == ["Baldwin, MI"] && f.figures.first?.value == 1_500)
        // A story naming neither state more often reads no Baldwin.
        #expect(cities("ICE in Michigan and Florida\n\nICE agents arrested 12 people in Baldwin on Monday.").isEmpty)
    }

    @Test func aLeadWhoseSubjectIsAStateGivesTheStateTheStorysFigures() {
        let text = """
        News summary

        Virginia has seen a steep rise in ICE arrests, with more than 4,000 arrests since January.
        In June alone agents made 873 arrests, officials said. One detention center is in Farmville, Va.
        """
        let f = facts(text).figures
        #expect(f.map(\.value) == [4000, 873])
        #expect(f.allSatisfy { $0.city == nil && $0.state == "VA" })
        // "Illinois lawmakers visit …": the state is an adjective there, not the story's place.
        let g = facts("Illinois lawmakers visit the ICE site in Broadview\n\nLawmakers toured the site in Broadview, where 2 detainees remained, weeks after the Chicago operation.").figures
        #expect(g.first?.city == "Broadview, IL")
    }

    @Test func sharesAndPartsToldBesideACount() {
        let text = """
        ICE arrests in Utah

        SALT LAKE CITY — ICE made 3,000 arrests in Utah last year.
        Slightly more than half of the arrests in Utah, 55% or 1,650, were of people with convictions.
        About 27% or 810 arrests were of people with pending charges.
        DHS confirmed 130 people were arrested in Utah, with 44 having a criminal record.
        The task force made 319 administrative arrests in Utah, around 17% of the total.
        Witnesses counted about 50 detainees in Ogden and an additional 18 in Provo.
        """
        let f = facts(text).figures
        #expect(f.map(\.value) == [3000, 55, 1650, 27, 810, 130, 44, 319, 17, 50, 18])
        #expect(f.first { $0.value == 18 }?.city == "Provo, UT")
        #expect(f.filter { $0.unit == .percent }.allSatisfy { $0.measure.contains("arrests") })
    }

    @Test func aPhotoCaptionFirstDoesNotPlaceTheStory() {
        let text = """
        Agents gather outside a house on Elm Street in Lewiston. (Jane Roe/Staff Photographer)

        Reports of ICE activity in Maine rose sharply on Tuesday.
        Officials said 50 arrests had been made by Tuesday night.
        """
        let f = facts(text).figures
        #expect(f.first?.value == 50 && f.first?.city == nil && f.first?.state == "ME")
        // Without the credit, the first line is the title and places the story.
        let g = facts(text.replacingOccurrences(of: " (Jane Roe/Staff Photographer)", with: "")).figures
        #expect(g.first?.city == "Lewiston, ME")
    }

    @Test func membersOfAForceAreItsTroops() {
        let text = """
        Guard joins ICE task force in Memphis

        MEMPHIS, Tenn. — About 140 members of the Tennessee National Guard will join the ICE task force in Memphis.
        About 170 more members of the National Guard arrived Monday.
        Twelve members of the local council signed a letter.
        """
        let f = facts(text).figures
        #expect(f.map(\.value) == [140, 170])
        #expect(f.allSatisfy { $0.measure.hasSuffix("guard members") && $0.city == "Memphis, TN" })
    }

    @Test func allOfACountedGroupIsAFigureButAllOfAWholeIsNot() {
        let f = facts("All 41 people detained by ICE agents in Boulder last month were sent to Aurora.").figures
        #expect(f.first?.value == 41 && f.first?.city == "Boulder, CO")
        #expect(facts("All 50 states sent observers to Boulder after the ICE raids.").figures.isEmpty)
        #expect(facts("All 12 of us watched the ICE agents in Boulder.").figures.isEmpty)
    }

    @Test func aDailyDetentionRateIsMoneyOfThePlaceNotTheNations() {
        let text = """
        County jail holds ICE detainees

        BOZEMAN, Mont. — The county jail is holding several people for ICE.
        ICE pays the county $96 per person per day to house its detainees.
        The sheriff said the deputies' raise would cost $4 per day.
        """
        let f = facts(text).figures
        #expect(f.count == 1)
        #expect(f.first?.value == 96 && f.first?.unit == .usd && f.first?.city == "Bozeman, MT")
        #expect(f.first?.measure == "detention cost a day")
    }

    @Test func aCompanySeatedInACityDoesNotPlaceItsFigure() {
        let text = """
        Detention center to reopen in Texas

        A family detention center in Texas will reopen under a new contract with ICE.
        The operator, Tulsa-based GateCorp, said the 1,800-bed center would take families within weeks.
        """
        let f = facts(text).figures
        #expect(f.first?.value == 1800 && f.first?.city == nil && f.first?.state == "TX")
        // Agents based in a city are staged there.
        let g = facts("Officials said 90 Phoenix-based agents joined the ICE operation.").figures
        #expect(g.first?.city == "Phoenix, AZ")
    }

    @Test func aNationalDesksDatelineOverManyStatesPlacesNothing() {
        let text = """
        Guard troops join ICE work in several states

        WASHINGTON D.C. – At least seven states led by Republican governors have sent Guard units to help ICE with paperwork.
        The mission could involve up to 1,500 Guard members by December.
        """
        let story = facts(text)
        #expect(story.cities.first { $0.city == "Washington, DC" }?.role == .mention)
        #expect(story.figures.first?.value == 1500 && story.figures.first?.city == nil && story.figures.first?.state == nil)
        let nationwide = facts("Surge\n\nWASHINGTON, DC (XYZ) — Border Patrol began a nationwide deployment of 1,200 agents on Monday.")
        #expect(nationwide.figures.first?.city == nil)
        // A local story under a Washington dateline keeps its place.
        let local = facts("Raid\n\nWASHINGTON — ICE agents arrested 40 people at a car wash on Monday.")
        #expect(local.figures.first?.city == "Washington, DC")
    }

    @Test func theAgencysOwnDailyOrFiscalYearTallyIsNational() {
        let text = """
        Raids reported in Boston

        BOSTON — Agents detained 25 people in Boston on Tuesday.
        ICE reported 1,020 single-day arrests in a post on X.
        The agency averaged 290 daily arrests in the last fiscal year.
        """
        let f = facts(text).figures
        #expect(f.first { $0.value == 25 }?.city == "Boston, MA")
        #expect(f.first { $0.value == 1020 }.map { $0.city == nil && $0.state == nil } == true)
        #expect(f.first { $0.value == 290 }.map { $0.city == nil && $0.state == nil } == true)
    }

    @Test func aCampNamedForAStateAndABedRateStayWithTheirPlace() {
        let text = """
        Army base in El Paso to hold migrants

        EL PASO, Texas — The ICE tent camp at the army base, named Camp West Nevada, will open with up to 2,000 beds.
        ICE will add 300 beds per week until it reaches 4,000.
        """
        let f = facts(text).figures
        #expect(f.allSatisfy { $0.state == "TX" }, "\(f.map { ($0.value, $0.state ?? "-") })")
        #expect(f.first { $0.value == 300 }?.city == "El Paso, TX")
    }

    @Test func aStationBrandOrARaceIsNoPlace() {
        #expect(cities("Neighbors told Denver7 that ICE agents arrested 12 people in Boulder.") == ["Boulder, CO"])
        #expect(!cities("The track in Indiana hosts the Indianapolis 500.").contains("Indianapolis, IN"))
    }

    @Test func aSentenceWithoutAPlaceTakesTheOneCityOfTheSentenceBefore() {
        let text = """
        Two cities, two crackdowns

        NASHVILLE, Tenn. — ICE said 150 people were arrested in Nashville in May. Nashville residents still want answers.
        Officials then turned to Memphis and a new task force. More than 1,200 federal agents are still working there.
        """
        let f = facts(text).figures
        #expect(f.first { $0.value == 150 }?.city == "Nashville, TN")
        #expect(f.first { $0.value == 1200 }?.city == "Memphis, TN")
    }

    @Test func averagesTargetListsPaymentsAndSweptSites() {
        let text = """
        ICE in Vermont

        Last year ICE arrested an average of 31 people per month in Vermont, the data showed.
        The ICE director said her agency has a target list of 1,700 people in Vermont.
        Essex County will make $2 million over five years to act as the middleman between ICE and the jail's operator.
        ICE conducted a sweep across four construction projects in Burlington, Vermont.
        """
        let f = facts(text).figures
        #expect(f.map(\.value) == [31, 1700, 2_000_000, 4])
        #expect(f.first { $0.value == 1700 }?.measure == "targeted")
        #expect(f.first { $0.value == 4 }?.measure == "operations")
        // Money made in a sentence that names no enforcement is not a figure.
        #expect(facts("Vermont fair\n\nThe county fair will make $2 million this year in Burlington, Vermont.").figures.isEmpty)
    }

    @Test func aCountSpreadOverManyCitiesOrStatesIsTheNations() {
        let text = """
        Border Patrol surge

        Operations target sanctuary cities including Denver and Chicago.
        Border Patrol sent over 1,800 agents to more than 20 cities starting in November.
        ICE reported 1,020 single-day arrests and lodged 700 detainers.
        Agents from 12 states joined 300 officers in Denver.
        """
        let f = facts(text).figures
        #expect(f.first { $0.value == 1800 }.map { $0.city == nil && $0.state == nil } == true)
        #expect(f.first { $0.value == 700 }.map { $0.city == nil && $0.state == nil } == true)
        #expect(f.first { $0.value == 300 }?.city == "Denver, CO")
    }

    @Test func aMajorCityBeatsATinyNamesakeInTheStorysState() {
        #expect(cities("Protests grew in Oregon. A shooting at an ICE facility in Dallas alarmed officials.") == ["Dallas, TX"])
        // A namesake of comparable size in the story's state still wins.
        #expect(cities("Protests grew in Maine. ICE agents made arrests in Portland on Monday.") == ["Portland, ME"])
    }

    @Test func aLeadInARegionOfAStateLeavesTheStoryToItsCity() {
        let text = """
        Farm raid sparks clashes

        An ICE raid on a farm in Northern California drew protests on Thursday.
        The operation unfolded in Petaluma. Agents wore masks and carried rifles.
        Advocates said about 150 workers were detained.
        """
        let f = facts(text).figures
        #expect(f.first?.value == 150 && f.first?.city == "Petaluma, CA")
        // A lead in the whole state still gives the story to the state.
        let g = facts(text.replacingOccurrences(of: "in Northern California", with: "in California")).figures
        #expect(g.first?.value == 150 && g.first?.city == nil && g.first?.state == "CA")
    }

    @Test func aTotalOverSeveralFarApartCitiesOfAStateIsTheStates() {
        let f = facts("Texas numbers\n\nThe 2025 number jumps to 6,100 arrests when including those made by ICE in Houston, El Paso, and San Antonio.").figures
        #expect(f.first?.value == 6100 && f.first?.city == nil && f.first?.state == "TX")
        // A count attached to one city of a list stays that city's.
        let g = facts("Texas numbers\n\nICE made 300 arrests in Houston, while El Paso and San Antonio saw fewer.").figures
        #expect(g.first?.city == "Houston, TX")
    }

    @Test func anAnecdotesTownInTheLeadYieldsToTheStorysCity() {
        let text = """
        The surge, two weeks in

        After agents broke down the door of a Joliet home and detained three people, officials praised the operation.
        The surge in the Chicago area grew this week.
        ICE said it had made 350 arrests in the first two weeks of the operation.
        Chicago leaders objected.
        """
        let f = facts(text).figures
        #expect(f.first { $0.value == 350 }?.city == "Chicago, IL")
        // A lead that places the story in its town keeps it.
        let g = facts(text.replacingOccurrences(of: "the door of a Joliet home", with: "doors in Joliet")).figures
        #expect(g.first { $0.value == 350 }?.city == "Joliet, IL")
    }

    @Test func aCapacityToHoldPeopleAndAPartToldByWhatItHas() {
        let f = facts("Center\n\nAs an ICE processing center in Chicago, it has capacity for 236 adults for up to 12 hours each.").figures
        #expect(f.first?.value == 236 && f.first?.measure == "detention beds")
        #expect(facts("Game\n\nThe Boston stadium has capacity for 40,000 fans.").figures.isEmpty)
        let g = facts("Sweep\n\nOfficials said 370 immigrants were arrested in Boston by ICE, with a notable 205 individuals having criminal records.").figures
        #expect(g.map(\.value) == [370, 205])
    }

    @Test func aTownAsTheModifierOfAScene() {
        let text = """
        Workers detained in Montana

        BILLINGS, Mont. — Sheriffs across Montana say they are left out of ICE's plans.
        In early March, ICE agents detained 17 workers at a Bigfork construction site.
        """
        let story = facts(text)
        #expect(story.cities.contains { $0.city == "Bigfork, MT" })
        #expect(story.figures.first?.value == 17 && story.figures.first?.city == "Bigfork, MT")
        // Not every capitalised word after "a" is a town: "a Monday meeting".
        #expect(!cities("ICE agents in Montana held a Monday meeting at a Billings hotel.").contains { $0.hasPrefix("Monday") })
    }

    @Test func aRegionWithoutACityIsItsStatesAndARoundUpPlacesNothing() {
        let text = """
        ICE arrests on Long Island

        More than 1,300 immigrants were arrested by ICE across Long Island this year, officials said.
        Detainees are held at the county jail in Riverhead, officials said.
        """
        let f = facts(text).figures
        #expect(f.first?.value == 1300 && f.first?.city == nil && f.first?.state == "NY")
        let roundup = """
        Worksite raids

        In just a few months, ICE agents have arrested more than 900 workers at worksites.
        In Orlando, 40 workers were arrested at a plant. In Atlanta, agents detained five adults.
        In Denver, ICE fined two builders.
        """
        let g = facts(roundup).figures
        #expect(g.first { $0.value == 900 }.map { $0.city == nil && $0.state == nil } == true)
        #expect(g.first { $0.value == 40 }?.city == "Orlando, FL")
    }

    @Test func aListOfPeopleTheAgentsWantedIsWhomTheyTargeted() {
        let f = facts("Plant raid\n\nICE agents came to the Omaha plant with a list of the names of 88 people they wanted to screen.").figures
        #expect(f.first?.value == 88 && f.first?.measure == "targeted")
        #expect(facts("Plant raid\n\nICE agents came to Omaha; a list of 88 restaurants was published.").figures.isEmpty)
    }

    @Test func acrossTheStateIsTheStatesFigure() {
        let f = facts("Raids\n\nPUEBLO, Colo. — More than 24 people were detained by ICE across the state, the FBI said.").figures
        #expect(f.first.map { $0.value == 24 && $0.city == nil && $0.state == "CO" } == true)
        let g = facts("Raids\n\nICE made 40 arrests in Pueblo, Colorado, on Monday. Agents detained 24 more people throughout the state.").figures
        #expect(g.first { $0.value == 40 }?.city == "Pueblo, CO")
        #expect(g.first { $0.value == 24 }.map { $0.city == nil && $0.state == "CO" } == true)
    }

    @Test func aQuotaWithNoPlaceIsTheAgencysAndAnEarlierCountIsNoPercent() {
        let f = facts("Quota\n\nATLANTA — The administration increased ICE's daily arrest quota from 1,000 to 3,000 this spring.").figures
        #expect(f.first { $0.value == 3000 }.map { $0.scope == .national && $0.plan } == true)
        let g = facts("Cato\n\nICE made 6,000 arrests in 2025, up from just over 1,000 in 2017—a roughly 500 percent increase in arrests.").figures
        #expect(!g.contains { $0.value == 1000 && $0.unit == .percent })
        #expect(g.contains { $0.value == 500 && $0.unit == .percent })
    }

    @Test func stateDataConstructions() {
        func one(_ text: String) -> Figure? { facts("Data\n\n" + text + "\n\nICE did not comment.").figures.first }
        #expect(one("Immigrant detentions in Oregon rise by over 30 percent").map { $0.value == 30 && $0.state == "OR" && $0.unit == .percent } == true)
        #expect(one("In June, there were about 18,100 people in immigration detention across the United States.")
            .map { $0.value == 18_100 && $0.scope == .national } == true)
        #expect(one("The number of new immigrants detained last month – just over 21,000 – was a record.")?.value == 21_000)
        #expect(one("Idaho, where Boise has drawn most of the attention, has seen ICE arrests increase 38% this year.")
            .map { $0.value == 38 && $0.city == nil && $0.state == "ID" } == true)
        #expect(one("Oregon ICE Arrests Up 17%").map { $0.value == 17 && $0.state == "OR" } == true)
        #expect(one("The jail increased its number of dedicated beds for federal detainees from 10 to 25.")?.value == 25)
        let g = facts("Data\n\nThere were 1,310 immigrants detained by ICE in Utah in May, an increase of nearly 41 percent from 2024.").figures
        #expect(g.contains { $0.value == 41 && $0.unit == .percent && $0.state == "UT" })
        // Not a change of the count: "an increase of 12 percent in staffing" names its own measure.
        #expect(one("A rise of 12 percent in rents was reported in Ogden, Utah.") == nil)
    }

    @Test func countsReachedHeldAndSharedPastACommaAndABylineIsNoLead() {
        func all(_ text: String) -> [Figure] { facts("Data\n\n" + text + "\n\nICE did not comment.").figures }
        #expect(all("ICE made 210 arrests in Iowa in March. The count has topped 700 every month since May.").contains { $0.value == 700 && $0.state == "IA" })
        #expect(all("Iowa arrests top 340 in new sweep").first.map { $0.value == 340 && $0.state == "IA" } == true)
        #expect(all("Records show that the majority, or about 61%, of those arrested by ICE in Iowa had no conviction.")
            .first.map { $0.value == 61 && $0.unit == .percent } == true)
        #expect(all("ICE holds detainees in Iowa, with around 430 individuals housed as of June.").first?.value == 430)
        // A byline and a photo credit above the dateline do not stand for the lead.
        #expect(Extractor.isCaption(TextUnit(kind: .paragraph, text: "BY JANE ROE")))
        #expect(Extractor.isCaption(TextUnit(kind: .paragraph, text: "PHOTO COURTESY NEWARK PRESS OFFICE")))
        #expect(!Extractor.isCaption(TextUnit(kind: .paragraph, text: "By Monday, ICE agents had detained 40 people in Newark.")))
    }

    @Test func capacitiesPartsForcesAndHeadlineVerbs() {
        func one(_ text: String) -> Figure? { facts("Data\n\n" + text + "\n\nICE did not comment.").figures.first }
        #expect(one("The ICE center in Grand Island, Nebraska, will hold as many as 320 people.")
            .map { $0.value == 320 && $0.measure == "detention beds" && $0.qualifier == .upTo } == true)
        #expect(one("The site is a processing facility capable of holding up to 900 people at a time in Iowa.")?.measure == "detention beds")
        // People held are a count of detentions, not a capacity.
        #expect(one("ICE held 412 people at the county jail in Iowa.")?.measure != "detention beds")
        #expect(one("In comparison, 318 of those arrests happened at workplaces in Iowa, the analysis found.")?.value == 318)
        #expect(one("The agency employs about 14,000 law enforcement and support personnel.")?.measure == "personnel")
        #expect(one("ICE arrests 3 more asylum seekers at immigration court in Des Moines")?.value == 3)
        #expect(facts("Data\n\nAbout 64% of the 41,200 people jailed nationwide on civil immigration cases have no convictions.\n\nICE did not comment.")
            .figures.contains { $0.value == 41_200 && $0.scope == .national })
        #expect(one("The school district hired 40 more teachers in Des Moines.") == nil)
    }

    @Test func aCountysCountWithNoCityIsTheStates() {
        let story = """
        Raids near Yakima
        YAKIMA, Wash. — ICE agents made arrests across the valley this week.
        At least six people arrested in Benton County were held for several days, the sheriff said.
        Two people have been arrested at the Yakima County Courthouse by ICE agents, the sheriff's office said.
        """
        let f = facts(story).figures
        #expect(f.first { $0.value == 6 }.map { $0.city == nil && $0.state == "WA" } == true)
        #expect(f.first { $0.value == 2 }?.city == "Yakima, WA")
    }

    @Test func twoCountsJoinedByOrAreARangeAndARecordIsNoCount() {
        func all(_ text: String) -> [Figure] { facts("Raid\n\n" + text + "\n\nICE did not comment.").figures }
        #expect(all("Agents arrested four or five workers in Keene, New Hampshire.").map { "\($0.value) \($0.qualifier.map { "\($0)" } ?? "-")" }
            == ["4.0 atLeast"])
        #expect(all("Agents arrested 6 or 7 workers in Keene, New Hampshire.").map(\.value) == [6])
        #expect(all("They were apprehending one or two people at a time in Keene, New Hampshire.").isEmpty)
        #expect(all("About 30 percent of those arrested by ICE in Vermont have at least one charge.").map(\.value) == [30])
    }

    @Test func thousandsInDaysWithNoPlaceAreTheAgencys() {
        let story = """
        Raids widen
        ICE agents arrested 40 people in Tulsa, Oklahoma, on Monday.
        The agency said it has made approximately 1,800 arrests in just a few days.
        Agents made 300 more arrests in the city this month.
        """
        let f = facts(story).figures
        #expect(f.first { $0.value == 1_800 }?.scope == .national)
        #expect(f.first { $0.value == 300 }?.city == "Tulsa, OK")
    }

    @Test func thatNumberWasRestatesTheCountBefore() {
        let f = facts("Data\n\nIn May, there were about 12,400 people in immigration detention across the United States. A year later, that number was about 19,900.\n\nICE did not comment.").figures
        #expect(f.first { $0.value == 19_900 }.map { $0.scope == .national && $0.measure == "people in detention" } == true)
        // Not a count of its own when nothing came before it.
        #expect(facts("Data\n\nThe ICE office said that number was about 400 in Utah.").figures.isEmpty)
    }

    @Test func peopleACenterHousesNowAndWhatItWasDesignedFor() {
        func one(_ text: String) -> Figure? { facts("Data\n\n" + text + "\n\nICE did not comment.").figures.first }
        #expect(one("Kansas's two immigration detention centers house a total of 1,240 people.")
            .map { $0.value == 1_240 && $0.measure != "detention beds" && $0.state == "KS" } == true)
        #expect(facts("Data\n\nICE found 930 detainees at a center in Topeka, Kansas, designed for 880 people.\n\nICE did not comment.").figures
            .contains { $0.value == 880 && $0.measure == "detention beds" })
        #expect(one("The new ICE center in Kansas will house 600 people.")?.measure == "detention beds")
    }
}
