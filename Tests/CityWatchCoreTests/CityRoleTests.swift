import Foundation
import Testing
@testable import CityWatchExtraction

/// City roles: where enforcement happens, is planned or is staged (target), or a city named in passing (mention).
/// Sentences written for these tests (not taken from any article).
@Suite struct CityRoleTests {
    func roles(_ text: String) -> [String: CityRole] {
        Dictionary(uniqueKeysWithValues: facts("ICE news\n" + text).cities.map { ($0.city, $0.role) })
    }

    @Test func citiesOfARumourAreMentions() {
        let r = roles("Residents said nothing was confirmed.\n\nGroup chats traded rumored ICE sightings in towns like Kearney, Hastings and Grand Island all week.")
        #expect(r["Kearney, NE"] == .mention && r["Grand Island, NE"] == .mention)
        // A clause of its own after the rumour still speaks of enforcement there.
        let after = roles("Residents said nothing was confirmed.\n\nThe surge follows weeks of rumors, and follows similar ICE actions in major cities like Denver.")
        #expect(after["Denver, CO"] == .target)
        // A rumour about one town can open the story of an arrest there.
        let one = roles("Residents said nothing was confirmed.\n\nThey worried about rumors of ICE agents near Tifton before deputies stopped them.")
        #expect(one["Tifton, GA"] == .target)
    }

    @Test func aSpeakersPlaceACampusAndATitleAreMentions() {
        #expect(roles("Homan said Tuesday in Fresno that ICE would expand deportation operations.") == ["Fresno, CA": .mention])
        #expect(roles("Researchers at the University of Michigan, Ann Arbor, studied ICE detention data.") == ["Ann Arbor, MI": .mention])
        #expect(roles("Chicago Mayor Brandon Johnson condemned the ICE raids in Evanston.")
                == ["Chicago, IL": .mention, "Evanston, IL": .target])
        #expect(roles("A Seattle federal judge blocked the ICE policy.") == ["Seattle, WA": .mention])
        #expect(roles("ICE raided a plant west of Savannah, Georgia.") == ["Savannah, GA": .mention])
    }

    @Test func aCampusACountyAnOfficeAndARegionsMembersAreMentions() {
        #expect(roles("ICE agents detained three students at the University of Texas at El Paso on Monday.")["Austin, TX"] != .target)
        #expect(roles("The Fresno-Kings County jail agreed to hold ICE detainees.")["Fresno, CA"] != .target)
        #expect(roles("ICE agents fanned out across the valley, which includes Visalia and Hanford as well as Tulare, on Monday.")
                .values.allSatisfy { $0 == .mention })
        // An agency's unit named for its city is no place at all ("the Denver ICE field office").
        #expect(roles("A former Denver ICE field office director said arrests in Aurora rose.") == ["Aurora, CO": .target])
    }

    @Test func localBodiesLabelsFilePhotosAndOfficesAreMentions() {
        #expect(roles("ICE agents raided a farm in Fillmore as the Oxnard Fire Department stood by.")["Oxnard, CA"] == .mention)
        #expect(roles("\"It is cruel,\" said Rep. Jane Doe, an Ann Arbor Democrat, of the ICE arrests in Ypsilanti.")["Ann Arbor, MI"] == .mention)
        #expect(roles("In a file photo, ICE officers arrest a man in Manassas.")["Manassas, VA"] == .mention)
        #expect(roles("ICE worked with Homeland Security Investigations in Tallahassee, a division of DHS, on the sweep in Wildwood, Fla.")["Tallahassee, FL"] == .mention)
        #expect(roles("Data gathered at the University of California in Berkeley show ICE arrests rose in Idaho.")["Berkeley, CA"] == .mention)
    }

    @Test func protestsSectorsFileCaptionsAndDistrictsAreMentions() {
        #expect(roles("ICE agents raided farms in Bakersfield. Protests in nearby Fresno drew hundreds on Sunday.")["Fresno, CA"] == .mention)
        #expect(roles("Border Patrol agents from the agency's El Centro sector raided farms in Bakersfield.")["El Centro, CA"] == nil)
        #expect(roles("ICE tracks thousands in the Seattle area of responsibility, which includes Oregon.")["Seattle, WA"] == nil)
        #expect(roles("The Miami ICE field office released five cases; Atlanta field agents made arrests in Macon.")
                == ["Macon, GA": .target])
        #expect(roles("FILE - The governor speaks about ICE at the State House in Augusta, Maine.")["Augusta, ME"] == .mention)
        #expect(roles("An advocacy group based in West Valley City has heard reports of ICE agents in Salt Lake City.")["West Valley City, UT"] == .mention)
        #expect(roles("Mayors Ana Ruiz of Fresno and Tom Lee of Visalia condemned the ICE arrests in Bakersfield.")["Visalia, CA"] == .mention)
        #expect(roles("LOUISVILLE, Ky. (WXYZ 18) — An ICE operation led to 70 arrests in Kentucky.")["Louisville, KY"] == .mention)
    }

    @Test func aProfessionAGroupAStationADistanceAndADistrictAreMentions() {
        #expect(roles("ICE agents raided a farm in Fillmore, said Ana Diaz, an Oxnard policy advocate.")["Oxnard, CA"] == .mention)
        #expect(roles("A Nampa-based immigration lawyer said ICE detained her client in Caldwell.")["Nampa, ID"] == .mention)
        #expect(roles("Tucson immigration attorney Rosa Vega said ICE arrests in Phoenix rose.")["Tucson, AZ"] == .mention)
        #expect(roles("\"It is cruel,\" said the head of the Richmond Community Legal Fund of the ICE raids in Norfolk.")["Richmond, VA"] == .mention)
        #expect(roles("ICE agents arrested farmworkers in Kern County. 90.7 Fresno | 88.1 Visalia")
                .values.allSatisfy { $0 == .mention })
        #expect(roles("ICE agents detained four men in Duluth, about 150 miles from Minneapolis.")["Minneapolis, MN"] == .mention)
        #expect(roles("ICE agents raided homes across the county, home to Houston, on Monday.")["Houston, TX"] == .mention)
        #expect(roles("Rep. Jane Doe, whose district consists of Ypsilanti and Ann Arbor, decried the ICE raids in Dearborn.")
                == ["Ypsilanti, MI": .mention, "Ann Arbor, MI": .mention, "Dearborn, MI": .target])
        // The people of a city acted on are still its: "Oxnard workers were arrested".
        #expect(roles("ICE agents arrested 12 Oxnard farmworkers on Monday.")["Oxnard, CA"] == .target)
    }

    @Test func aProtestsPlaceAnAgencysOfficeATagAndANewsroomAreMentions() {
        #expect(roles("The arrest of a union leader by ICE led to larger gatherings in areas like Whittier.")["Whittier, CA"] == .mention)
        #expect(roles("Organizers urged people to report ICE activity during a protest in downtown Tucson.")["Tucson, AZ"] == .mention)
        #expect(roles("The arrest of a union leader by ICE led to larger gatherings in areas like Bell and Whittier.")
                == ["Bell, CA": .mention, "Whittier, CA": .mention])
        #expect(roles("Kansas City, Kansas, officials will vote on a ban on ICE detention centers as ICE arrests rise in Wichita.")
                == ["Kansas City, KS": .mention, "Wichita, KS": .target])
        // Enforcement in the city's own clause keeps it a target; so does a month called March.
        #expect(roles("Protesters gathered in Chicago as ICE agents raided homes.")["Chicago, IL"] == .target)
        #expect(roles("The ICE operation ended March 8 in Albuquerque.")["Albuquerque, NM"] == .target)
        #expect(roles("MIAMI — ICE Miami partnered with state troopers on the sweep in Wildwood, Fla.")["Miami, FL"] != .target)
        #expect(roles("Spokane\nICE agents arrested four people in Hayden, Idaho.")["Spokane, WA"] == .mention)
        #expect(roles("The story was reported with a nonprofit newsroom in Spokane on ICE arrests in Hayden, Idaho.")["Spokane, WA"] == .mention)
        // A list of names, one per line, under a heading that says what they are is no tag.
        #expect(roles("Iowa cities with ICE raids\nDes Moines\n-\nAmes\n-\nDavenport").values.allSatisfy { $0 == .target })
    }

    @Test func anOfficesCityIsNoFamilyNameAndAnOfficesSpeakerIsAMention() {
        let f = facts("ICE news\nICE Enforcement and Removal Operations Reno acting Field Office Director Jo Lee spoke.\nICE had arrested 2,508 people in Reno by June.")
        #expect(f.figures.first?.city == "Reno, NV")
        #expect(roles("Homeland Security Investigations (HSI) Tampa led the ICE raid in Wildwood, Fla.")["Tampa, FL"] != .target)
        #expect(roles("An ICE public information officer in Tampa told reporters that agents raided a site in Wildwood, Fla.")["Tampa, FL"] == .mention)
    }

    @Test func aTownNamedOnceWithItsStateIsThatTownWhenNamedAlone() {
        let f = facts("ICE news\nHSI agents arrested 24 people at construction sites in Wildwood, Florida.\nWildwood lies in Sumter County.")
        #expect(f.cities.map(\.city) == ["Wildwood, FL"])
    }

    @Test func aCityNamedOnlyInACaptionOwnsNoFigure() {
        let f = facts("ICE news\nIn a file photo, ICE officers arrest a man in Manassas.\nICE arrested 139 people in the first three months, the agency said.")
        #expect(f.figures.first?.value == 139 && f.figures.first?.city == nil)
        #expect(f.cities.first?.role == .mention)
    }

    @Test func papersSpanishNamesAndTheRioGrandeAreNoCities() {
        #expect(facts("ICE news\nAgents raided a farm in Carpinteria, according to the Santa Barbara news site Noozhawk.").cities.map(\.city) == ["Carpinteria, CA"])
        #expect(facts("ICE news\nThe director of El Centro de Derechos spoke about ICE arrests in Santa Fe, N.M.").cities.map(\.city) == ["Santa Fe, NM"])
        #expect(facts("ICE news\nHe crossed the Rio Grande decades ago and was detained by ICE in Houston.").cities.map(\.city) == ["Houston, TX"])
    }

    @Test func stagingAndOperationsAreTargets() {
        #expect(roles("Border Patrol agents staged near Tacoma before the ICE operation began.") == ["Tacoma, WA": .target])
        #expect(roles("ICE agents arrested 40 people in Fresno.") == ["Fresno, CA": .target])
    }

    @Test func aCityThatOwnsAFigureIsATargetEvenWhenNamedInPassing() {
        let f = facts("ICE news\nFresno Mayor Ana Ruiz said ICE arrested 40 people.")
        #expect(f.figures.first?.city == "Fresno, CA")
        #expect(f.cities.first?.role == .target)
    }

    @Test func jsonCarriesRoleScopeStateAndPlan() throws {
        let json = facts("ICE news\nHoman said in Fresno that ICE made 250 arrests across Colorado.").jsonLine()
        let object = try #require(try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any])
        let city = try #require((object["cities"] as? [[String: Any]])?.first)
        #expect(city["role"] as? String == "mention")
        let figure = try #require((object["figures"] as? [[String: Any]])?.first)
        #expect(figure["scope"] as? String == "state" && figure["state"] as? String == "CO")
        #expect(figure["plan"] as? Bool == false && figure["city"] is NSNull)
    }

    @Test func aDatelineOfAStoryElsewhereOriginsAirportsAndSpokespeopleAreMentions() {
        let f = facts("ICE news\nBURLINGTON, Mass. — Federal agents arrested 1,406 people across Massachusetts last month.")
        #expect(f.cities.map(\.role) == [.mention])
        #expect(f.figures.first.map { $0.state == "MA" && $0.city == nil } == true)
        #expect(roles("The effort involved ICE officers from Phoenix, Tucson and Yuma.")
                == ["Phoenix, AZ": .mention, "Tucson, AZ": .mention, "Yuma, AZ": .mention])
        #expect(roles("An ICE spokesperson in Tampa confirmed the raids.") == ["Tampa, FL": .mention])
        #expect(roles("Deportees boarded an ICE flight at Tucson International Airport.") == ["Tucson, AZ": .mention])
        // A dateline of the story's own place stays a target.
        #expect(facts("ICE news\nCHARLOTTE, N.C. — Border Patrol agents arrested 130 people on Saturday.").cities.map(\.role) == [.target])
    }

    @Test func aSuburbsBigCityLocatesItAndOwnsNothing() {
        let text = "During a traffic stop in Warren — a Detroit suburb of 130,000 — four men were arrested by Border Patrol."
        #expect(roles(text) == ["Warren, MI": .target, "Detroit, MI": .mention])
        #expect(facts("ICE news\n" + text).figures.first.map { $0.city == "Warren, MI" && $0.value == 4 } == true)
        #expect(roles("Agents arrested 12 workers in Cary, a suburb of Raleigh, on Monday.")["Raleigh, NC"] == .mention)
        // A suburb named alone is still a place of its own.
        #expect(roles("ICE agents arrested 12 workers in the Detroit suburbs on Monday.")["Detroit, MI"] == .target)
    }

    @Test func aLegislatorsHomeAChapterAndALandmarkMilesAwayAreMentions() {
        #expect(roles("ICE will expand the jail in Folkston, said U.S. Rep. Jane Roe, R-Savannah.")["Savannah, GA"] == .mention)
        #expect(roles("According to the Charleston chapter of an immigrant alliance in South Carolina, ICE held several people.")["Charleston, SC"] == .mention)
        #expect(roles("The ICE camp is in southwest Nebraska, about 230 miles from the state’s capital of Lincoln.")["Lincoln, NE"] == .mention)
        #expect(roles("ICE agents arrested 30 people in Lincoln, Nebraska, on Monday.")["Lincoln, NE"] == .target)
    }

    @Test func aLegislatorsDistrictInBracketsAndAPossessiveNeighbourhood() {
        let r = roles("The arrest was condemned by state Sen. Jane Roe (D-Central Falls, Pawtucket) after ICE agents detained a man in Providence.")
        #expect(r["Pawtucket, RI"] == .mention && r["Central Falls, RI"] == .mention && r["Providence, RI"] == .target)
        #expect(roles("ICE agents came to Portland's Parkside neighborhood in Maine.") == ["Portland, ME": .target])
    }

    @Test func aCitysPoliceNamedWithAnotherBodysAreAnAffiliation() {
        #expect(roles("Forest Park and Clayton County police say a post falsely claims they work with ICE in Georgia.")["Forest Park, GA"] == .mention)
        #expect(roles("ICE agents raided homes in Forest Park and Clayton County on Monday in Georgia.")["Forest Park, GA"] == .target)
    }

    @Test func aCityInAPastEventsNameIsAMention() {
        #expect(roles("It was the first such ICE deployment since the 1965 Selma to Montgomery march in Alabama.")["Montgomery, AL"] == .mention)
        #expect(roles("ICE agents arrested 40 people in Montgomery, Alabama, in 2025.")["Montgomery, AL"] == .target)
    }

    @Test func aPapersNameInABylineIsNoPlace() {
        #expect(roles("Jane Roe Tacoma Times\nICE agents detained 12 people in Yakima, Washington, on Monday.") == ["Yakima, WA": .target])
    }

    @Test func aCityInASentenceAboutSomethingElseIsAMention() {
        let story = """
        ICE agents raided a construction site in Foley, Alabama, and arrested 21 workers.
        The builder also runs projects in Mobile and a hotel in Dothan. It is based in the state.
        """
        let r = roles(story)
        #expect(r["Foley, AL"] == .target && r["Mobile, AL"] == .mention && r["Dothan, AL"] == .mention)
        // The sentence before in the paragraph may carry the enforcement: "It is happening in Tucson too."
        #expect(roles("Federal agents are making arrests across the state. It is happening in Tucson, Arizona, too.")["Tucson, AZ"] == .target)
        // A line that continues a sentence broken over lines takes the enforcement of the line before.
        #expect(roles("ICE agents detained landscapers\nin cities such as Milford and Worcester in Massachusetts.")["Worcester, MA"] == .target)
    }

    @Test func aStretchsEndsAHomeTownAndAGroupsSeatAreMentions() {
        let r = roles("ICE doubled the jail's beds for detainees, citing its location between Denver and Las Vegas on the interstate.")
        #expect(r["Denver, CO"] == .mention && r["Las Vegas, NV"] == .mention)
        #expect(roles("ICE detainers rose in Whitfield County, which is home to the town of Dalton, Georgia.")["Dalton, GA"] == .mention)
        #expect(roles("ICE raids worry Maria Cruz, director of the Latino Community Fund in Atlanta, Georgia.")["Atlanta, GA"] == .mention)
        #expect(roles("ICE agents raided a farm between noon and dusk in Salinas, California.")["Salinas, CA"] == .target)
    }

    @Test func aParagraphGoingOnFromTheOneBeforeKeepsItsEnforcement() {
        let story = """
        "It started down in Yuma with Border Patrol agents and then they moved on to Tucson," a farmer said.
        "Then they went north, up to Mesa and to Chandler."
        The new school in Prescott opens in May.
        """
        let r = roles(story)
        #expect(r["Mesa, AZ"] == .target && r["Chandler, AZ"] == .target && r["Prescott, AZ"] == .mention)
    }

    @Test func theAgentsOfAPassiveAreNoSpeakersTitle() {
        #expect(roles("Dozens of people were arrested by ICE officials in Nashua, New Hampshire, last month.")["Nashua, NH"] == .target)
        #expect(roles("ICE officials in Nashua, New Hampshire, declined to comment on the raids.")["Nashua, NH"] == .mention)
    }
}
