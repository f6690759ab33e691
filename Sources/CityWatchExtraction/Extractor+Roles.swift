import Foundation

/// City roles: a city is a target where enforcement happens, is planned or is staged; a city named only in passing
/// (where a speaker spoke, a campus after its university, a mayor's title) is a mention.
extension Extractor {
    /// How a city is named in passing.
    enum Passing: Equatable {
        /// "said Tuesday in Fresno", "told reporters in Fresno", "at a news conference in Fresno".
        case speech
        /// "the University of Michigan, Ann Arbor", "University of Houston researchers".
        case affiliation
        /// "Fresno Mayor Ana Ruiz", "the mayor of Fresno": the city is in someone's title.
        case title
        /// "a Fresno federal judge", "a judge in Fresno", "the field office in Fresno", "west of Fresno": the seat of a
        /// court or an office, or a landmark that locates something else.
        case seat
        /// "officers from Phoenix, Tucson and Yuma", "supporters from Paterson": where people come from.
        case origin
        /// "BURLINGTON, Mass. — Agents arrested 1,406 people across Massachusetts": the reporter's place, when the
        /// sentence it opens names where the enforcement was.
        case dateline
    }

    /// Whether the hit stands in an apposition that locates the city named just before it: "Sterling Heights — a
    /// Detroit suburb of 135,000 —", "in Cary, a suburb of Raleigh,".
    func isSuburbOfPrevious(_ hit: CityHit, _ t: [Token], _ range: Range<Int>, _ hits: [CityHit]) -> Bool {
        let suburb: Set<String> = ["suburb", "exurb", "neighbor", "neighbour"]
        var article: Int
        if hit.last + 1 < range.upperBound, suburb.contains(t[hit.last + 1].lower) {
            article = hit.first - 1                                 // "a Detroit suburb"
        } else if hit.first - 3 >= range.lowerBound, t[hit.first - 1].lower == "of", suburb.contains(t[hit.first - 2].lower) {
            article = hit.first - 3                                 // "a suburb of Detroit"
        } else {
            return false
        }
        guard article - 2 >= range.lowerBound, ["a", "an"].contains(t[article].lower),
              [",", "—", "–", "-", "("].contains(t[article - 1].text) else { return false }
        return hits.contains { $0.unit == hit.unit && $0.last == article - 2 && $0.place != hit.place }
    }

    /// How the hit names its city in passing, or nil when it names it as a place of the story.
    func passing(_ hit: CityHit, _ units: [TextUnit], _ hits: [CityHit] = []) -> Passing? {
        let unit = units[hit.unit]
        let t = unit.tz.tokens
        let range = unit.sentences[hit.sentence]
        let prev = hit.first - 1 >= range.lowerBound ? t[hit.first - 1] : nil
        let next = hit.last + 1 < range.upperBound ? t[hit.last + 1] : nil
        if isDatelineElsewhere(hit, unit, range, hits) { return .dateline }
        // "Tucson International Airport": a place in the city, named for where something is.
        if let next, next.text == "Airport" || (next.text == "International" && hit.last + 2 < range.upperBound
            && t[hit.last + 2].text == "Airport") { return .seat }
        // A university standing for its campus ("the University of Texas at El Paso"): a school, not the story's place.
        if Self.schools.contains(t[hit.first].text) { return .affiliation }
        // A county named after the city ("the Fresno-Kings County jail"): the county, not the city.
        if let next, ["-", "‑"].contains(next.text), hit.last + 3 < range.upperBound, t[hit.last + 2].isCapitalized,
           ["County", "Parish"].contains(t[hit.last + 3].text) { return .seat }
        // A region's members ("the valley, which includes Fresno and Visalia"): what the region is, not where it happened.
        var j = hit.first - 1
        while j >= range.lowerBound + 2, hit.first - j <= 10, ![";", "—", "–", "(", ")", "."].contains(t[j].text) {
            if ["includes", "include"].contains(t[j].lower), ["which", "that"].contains(t[j - 1].lower), t[j - 2].text == "," {
                return .seat
            }
            j -= 1
        }
        // A mayor's or council member's city: "Fresno Mayor Ana Ruiz", "mayor of Fresno", "Mayor Ana Ruiz of Fresno".
        if let next, Self.titleWords.contains(next.text) { return .title }
        // A local body or a person's label: "the Oxnard Fire Department", "Meridian Police", "an Ann Arbor Democrat",
        // "a Nampa woman".
        if let next, Self.localBodyWords.contains(next.text) { return .affiliation }
        // "the 1965 Selma to Montgomery march", "the 1992 Los Angeles riots": a city in a past event's name.
        for k in max(range.lowerBound, hit.first - 3)..<hit.first where t[k].kind == .number && t[k].text.count == 4 {
            if let year = Int(t[k].text), (1800...2015).contains(year) { return .seat }
        }
        // "Forest Park and Clayton County police say …": the city's own police, named with another body's.
        if let next, next.lower == "and" {
            var k = hit.last + 2
            while k < min(range.upperBound, hit.last + 6), t[k].kind == .word, t[k].isCapitalized,
                  !Self.localBodyWords.contains(t[k].text) { k += 1 }
            if k < range.upperBound, k > hit.last + 2, Self.localBodyWords.contains(t[k].text) || ["police", "sheriff", "deputies"].contains(t[k].lower) {
                return .affiliation
            }
        }
        // "Kansas City, Kansas, officials to vote on …": a label after the city's state.
        if let next, next.text == ",", hit.last + 2 < range.upperBound, let st = stateName(t, at: hit.last + 2, in: range) {
            let comma = hit.last + 2 + st.length
            if comma + 1 < range.upperBound, t[comma].text == ",",
               Self.speakerWords.contains(t[comma + 1].lower) || Self.titleWords.contains(t[comma + 1].text) { return .title }
        }
        if let next, Self.personLabels.contains(next.lower),
           !(hit.last + 2 < range.upperBound && ["were", "was", "are", "is", "have", "has"].contains(t[hit.last + 2].lower)) {
            return .title
        }
        // "an Oxnard policy advocate", "a Tucson immigration attorney", "a Nampa-based immigration lawyer".
        if let label = personAfter(hit, t, range), Self.professionLabels.contains(label) { return .title }
        // "the Richmond Community Legal Fund": a group's name.
        var o = hit.last + 1
        while o < min(range.upperBound, hit.last + 5), t[o].isCapitalized {
            if Self.organizationWords.contains(t[o].text) { return .affiliation }
            o += 1
        }
        // "Nashville-based CoreCivic", "a Houston-based contractor": where a company sits (not forces: "El Paso-based
        // agents" are staged there).
        if hit.last + 3 < range.upperBound, ["-", "‑"].contains(t[hit.last + 1].text), t[hit.last + 2].lower == "based" {
            var k = hit.last + 3
            while k < min(range.upperBound, hit.last + 6), t[k].kind == .word, !t[k].isCapitalized,
                  !Self.forceWords.contains(t[k].lower), !Self.companyWords.contains(t[k].lower) { k += 1 }
            if k < range.upperBound, t[k].kind == .word, !Self.forceWords.contains(t[k].lower),
               t[k].isCapitalized || Self.companyWords.contains(t[k].lower) { return .affiliation }
        }
        // "89.3 Fresno / 89.1 Bakersfield": a radio station's frequency and city.
        if let prev, prev.kind == .number, prev.text.contains("."), let mhz = Double(prev.text), (87.5...108).contains(mhz) {
            return .affiliation
        }
        // "about 154 miles from Minneapolis", "The county, home to Houston": a landmark or what a region holds.
        if let prev, ["from", "of"].contains(prev.lower), hit.first - 2 >= range.lowerBound,
           ["miles", "mile", "kilometers", "km", "minutes", "hours"].contains(t[hit.first - 2].lower) { return .seat }
        if let prev, prev.lower == "to", hit.first - 2 >= range.lowerBound, t[hit.first - 2].lower == "home" { return .seat }
        // "about 230 miles from the state's capital of Lincoln": a landmark a few words after "miles from".
        var m = hit.first - 1
        while m - 1 >= max(range.lowerBound, hit.first - 8), t[m].kind != .punct || ["’", "'", "’s", "'s"].contains(t[m].text) {
            if ["from", "of"].contains(t[m].lower), ["miles", "mile", "kilometers", "km"].contains(t[m - 1].lower) { return .seat }
            m -= 1
        }
        // "Rep. Jane Roe, R-Savannah", "(D-Astoria)", "(D-Central Falls, Pawtucket)": a legislator's party and home.
        if let prev, ["-", "‑"].contains(prev.text), hit.first - 2 >= range.lowerBound, ["R", "D", "I"].contains(t[hit.first - 2].text) {
            return .title
        }
        var paren = hit.first - 1
        while paren >= max(range.lowerBound, hit.first - 8), ![")", ".", ";"].contains(t[paren].text) {
            if t[paren].text == "(", paren + 2 < hit.first, ["R", "D", "I"].contains(t[paren + 1].text),
               ["-", "‑"].contains(t[paren + 2].text) { return .title }
            paren -= 1
        }
        // "whose district consists of Ypsilanti and Ann Arbor": a legislator's district.
        var d = hit.first - 1
        while d >= max(range.lowerBound, hit.first - 9), ![";", "—", "–", "(", ")", "."].contains(t[d].text) {
            if t[d].lower == "district", (d + 1..<hit.first).contains(where: { ["includes", "include", "consists", "covers",
                "represents", "encompasses", "comprises", "spans"].contains(t[$0].lower) }) { return .title }
            d -= 1
        }
        // "In a file photo, ICE officers arrest a man in Manassas", "FILE - The governor speaks in Augusta": an old
        // picture, not this story's place.
        if range.contains(where: { t[$0].lower == "file" && $0 + 1 < range.upperBound && ["photo", "image", "picture"].contains(t[$0 + 1].lower) })
            || t[range.lowerBound].text == "FILE" {
            return .seat
        }
        // "Sterling Heights — a Detroit suburb —", "Cary, a suburb of Raleigh": a city that locates the one before it.
        if isSuburbOfPrevious(hit, t, range, hits) { return .seat }
        // "the agency's El Centro sector", "the Seattle area of responsibility": a unit of the agency, not a place.
        // (The recognizer rejects such names when it judges them; these lines cover the names it reads without
        // judging: a town with its state, a bare town, the capital.)
        if let next, ["sector", "Sector"].contains(next.text) { return .seat }
        if let next, next.lower == "area", hit.last + 3 < range.upperBound, t[hit.last + 2].lower == "of",
           t[hit.last + 3].lower == "responsibility" { return .seat }
        // "an advocacy group based in West Valley City": where a group sits.
        if let prev, prev.lower == "in", hit.first - 2 >= range.lowerBound, t[hit.first - 2].lower == "based",
           (max(range.lowerBound, hit.first - 6)..<hit.first - 2).contains(where: { Self.groupWords.contains(t[$0].lower) }) {
            return .affiliation
        }
        // "D-Central Falls": a legislator's district.
        if let prev, prev.text == "-", hit.first >= 2, ["D", "R", "I", "DFL"].contains(t[hit.first - 2].text) { return .title }
        // "Protests in nearby Fresno", "gatherings in areas like Whittier": a protest's place, with no enforcement in
        // the sentence.
        if range.contains(where: { Self.isProtestWord(t[$0]) }),
           !range.contains(where: { k in Self.actionStems.contains { t[k].lower.hasPrefix($0) } }) {
            return .seat
        }
        // "larger gatherings in areas like Whittier", "during a protest in downtown Tucson": a protest's place, when no
        // enforcement stands between the protest and the city nor in the city's clause after it.
        var q = hit.first - 1
        while q >= max(range.lowerBound, hit.first - 9), ![";", "—", "–", "."].contains(t[q].text) {
            if Self.isProtestWord(t[q]) {
                var end = hit.last + 1
                while end < range.upperBound, ![",", ";", "—", "–", "."].contains(t[end].text) { end += 1 }
                let enforcement = (q + 1..<end).contains { k in
                    (k < hit.first || k > hit.last) && Self.actionStems.contains { t[k].lower.hasPrefix($0) } }
                if !enforcement { return .seat }
                break
            }
            q -= 1
        }
        // "ICE Miami partnered with …", "HSI Tampa released a video": the agency's office named by its city.
        if let prev, Self.agencies.contains(prev.text)
            || (prev.text == ")" && hit.first - 2 >= range.lowerBound && Self.agencies.contains(t[hit.first - 2].text)) {
            return .seat   // (also "Homeland Security Investigations (HSI) Tampa")
        }
        if let prev, CityRecognizer.officeNameWords.contains(prev.text) { return .seat }   // "… Investigations Tampa posted"
        // "An ICE public information officer in Tampa told reporters": where a speaker works.
        if let prev, prev.lower == "in", let next, Self.speechWords.contains(next.lower), hit.first - 2 >= range.lowerBound,
           ["officer", "agent", "director", "chief"].contains(t[hit.first - 2].lower) || Self.speakerWords.contains(t[hit.first - 2].lower) {
            return .title
        }
        // A paragraph that is the city's name alone: a label or a tag, not a sentence about it (unless it is an item of
        // a list of such names: "Texas cities with ICE raids" then "Dallas", "Fort Worth", …).
        if hit.first == 0, hit.last + 1 == t.count, !isNameListItem(hit.unit, units) { return .seat }
        // "a worker-owned newsroom in Spokane": a paper's or a station's seat.
        if let prev, prev.lower == "in", hit.first - 2 >= range.lowerBound,
           ["newsroom", "newspaper", "station", "outlet", "paper", "publication"].contains(t[hit.first - 2].lower) {
            return .affiliation
        }
        if let next, next.text == "City", hit.last + 2 < range.upperBound,
           ["Council", "Councilman", "Councilwoman", "Councilmember"].contains(t[hit.last + 2].text) { return .title }
        if let prev, prev.lower == "of" {
            var k = hit.first - 2
            // (Across a list of officials too: "Mayors Ana Ruiz of Fresno and Tom Lee of Visalia".)
            while k >= range.lowerBound, hit.first - k <= 10, t[k].isCapitalized || (["and", ",", "of"].contains(t[k].lower) && hit.first - k > 2),
                  !Self.titleWords.contains(t[k].text), !Self.schools.contains(t[k].text) { k -= 1 }
            if k >= range.lowerBound, Self.titleWords.contains(t[k].text) { return .title }
            if k >= range.lowerBound, Self.schools.contains(t[k].text) { return .affiliation }
        }
        // A court's or an office's seat: "a Seattle federal judge", "a judge in Chicago", "HSI's office in Denver".
        // (Not the building where it happened: "50 people were held at the Baltimore courthouse".)
        let atBuilding = next?.lower == "courthouse" && hit.first - 2 >= range.lowerBound && t[hit.first - 1].lower == "the"
            && ["at", "outside", "inside", "in"].contains(t[hit.first - 2].lower)
        if !atBuilding, let next, Self.courtWords.contains(next.lower)
            || ((next.lower == "federal" || Self.agencies.contains(next.text)) && hit.last + 2 < range.upperBound
                && Self.courtWords.contains(t[hit.last + 2].lower)) {
            return .seat
        }
        if let prev, ["in", "at"].contains(prev.lower), hit.first - 2 >= range.lowerBound,
           Self.officeWords.contains(t[hit.first - 2].text) || Self.officeWords.contains(t[hit.first - 2].lower) {
            return .seat
        }
        // (Not the agents of a passive: "people arrested by ICE officials in Manchester" were arrested there.)
        if let prev, ["in", "from", "of"].contains(prev.lower), hit.first - 2 >= range.lowerBound,
           Self.speakerWords.contains(t[hit.first - 2].lower),
           !(max(range.lowerBound, hit.first - 9)..<hit.first - 2).contains(where: { t[$0].lower == "by" }) {
            return .title
        }
        // "a think tank based in Washington", "a nonprofit headquartered in Tucson": where a group sits (not forces:
        // "agents based in Chicago" are staged there).
        if let prev, prev.lower == "in", hit.first - 3 >= range.lowerBound,
           ["based", "headquartered"].contains(t[hit.first - 2].lower) {
            let holder = t[hit.first - 3].lower
            if !Self.troopNouns.contains(holder), !Self.forceWords.contains(holder), holder != "members" {
                return .affiliation
            }
        }
        // "Homeland Security Investigations in Tallahassee, a division of …": an office's seat.
        if let prev, prev.lower == "in", hit.first - 2 >= range.lowerBound, t[hit.first - 2].text == "Investigations" {
            return .seat
        }
        // "the University of California in Berkeley"
        if let prev, ["in", "at"].contains(prev.lower), hit.first - 3 >= range.lowerBound, t[hit.first - 2].isCapitalized {
            var k = hit.first - 2
            while k >= range.lowerBound, hit.first - k <= 6, t[k].isCapitalized || t[k].lower == "of" {
                if Self.schools.contains(t[k].text) { return .affiliation }
                k -= 1
            }
        }
        // "its location between Denver and Las Vegas": the two ends of a stretch.
        var b = hit.first - 1
        while b >= max(range.lowerBound, hit.first - 7), t[b].isCapitalized || ["and", ",", "."].contains(t[b].lower) { b -= 1 }
        if b >= range.lowerBound, t[b].lower == "between" { return .seat }
        // "Whitfield County, which is home to the town of Dalton": what a county holds.
        var h = hit.first - 1
        while h >= max(range.lowerBound + 1, hit.first - 8), ![",", ";", "—", "–", "."].contains(t[h].text) {
            if t[h].lower == "to", t[h - 1].lower == "home" { return .seat }
            h -= 1
        }
        // "the executive director of the Latino Community Fund in Atlanta": a group's seat.
        if let prev, prev.lower == "in", hit.first - 2 >= range.lowerBound, Self.organizationWords.contains(t[hit.first - 2].text) {
            return .affiliation
        }
        // "west of Savannah", "north of Tacoma": a landmark, not the place itself.
        if let prev, prev.lower == "of", hit.first - 2 >= range.lowerBound,
           ["west", "east", "north", "south", "northwest", "northeast", "southwest", "southeast", "outside"].contains(t[hit.first - 2].lower) {
            return .seat
        }
        // Where people come from: "officers from Phoenix, Tucson and Yuma" (deportations from a city are its own).
        var k = hit.first - 1
        while k > range.lowerBound, hit.first - k <= 6, [",", "and"].contains(t[k].lower) || t[k].isCapitalized { k -= 1 }
        if k > range.lowerBound, t[k].lower == "from", !Self.fromKeepers.contains(t[k - 1].lower) { return .origin }
        // A campus after its university: "the University of Michigan, Ann Arbor".
        if let prev, prev.text == ",", hit.first - 2 >= range.lowerBound {
            var k = hit.first - 2
            while k >= range.lowerBound, hit.first - k <= 6, t[k].isCapitalized || t[k].lower == "of" {
                if Self.schools.contains(t[k].text) { return .affiliation }
                k -= 1
            }
        }
        // Where a speaker spoke: "said Tuesday in Fresno", "at a news conference in Fresno".
        if let prev, ["in", "at"].contains(prev.lower) {
            var k = hit.first - 2
            while k >= range.lowerBound, hit.first - k <= 7 {
                let w = t[k].lower
                if Self.speechWords.contains(w) { return .speech }
                guard Self.sceneFillers.contains(w) || (w == "in" && k == hit.first - 1) else { break }
                k -= 1
            }
        }
        return nil
    }

    /// Whether unit `u` stands among other short units of capitalised words only (a list of names, one per line),
    /// looking past units of punctuation alone, up to two units each way.
    func isNameListItem(_ u: Int, _ units: [TextUnit]) -> Bool {
        func isName(_ unit: TextUnit) -> Bool {
            let words = unit.tz.tokens.filter { $0.kind == .word }
            return !words.isEmpty && words.count <= 4 && words.allSatisfy(\.isCapitalized)
                && unit.tz.tokens.allSatisfy { $0.kind == .word || $0.text == "." || $0.text == "," }
        }
        for step in [-1, 1] {
            var k = u + step, seen = 0
            while k >= 0, k < units.count, seen < 2 {
                let unit = units[k]
                if unit.tz.tokens.contains(where: { $0.kind == .word }) {
                    if isName(unit) { return true }
                    seen += 1
                }
                k += step
            }
        }
        return false
    }

    /// The person noun after a city's name and up to two lower-case modifiers ("Oxnard policy advocate" → "advocate"),
    /// past a "-based" joined to the city ("Nampa-based immigration lawyer").
    func personAfter(_ hit: CityHit, _ t: [Token], _ range: Range<Int>) -> String? {
        var k = hit.last + 1
        if k + 1 < range.upperBound, t[k].text == "-", t[k + 1].lower == "based" { k += 2 }
        let end = min(range.upperBound, k + 3)
        while k < end, t[k].kind == .word, !t[k].isCapitalized {
            if Self.professionLabels.contains(t[k].lower) { return t[k].lower }
            k += 1
        }
        return nil
    }

    /// A dateline ("BURLINGTON, Mass. —") opening a sentence that names another place: the story is elsewhere.
    func isDatelineElsewhere(_ hit: CityHit, _ unit: TextUnit, _ range: Range<Int>, _ hits: [CityHit]) -> Bool {
        let t = unit.tz.tokens
        // "WASHINGTON D.C. –": the hit may be the dateline's last word.
        let capsBefore = hit.first > range.lowerBound && hit.first - range.lowerBound <= 3
            && (range.lowerBound..<hit.first).allSatisfy { t[$0].kind == .word && unit.tz.length($0) >= 3 && unit.tz.isAllCaps($0) }
        guard hit.first == range.lowerBound || capsBefore || (hit.first > 0 && t[hit.first - 1].kind == .number),
              capsBefore || (unit.tz.length(hit.first) >= 3 && unit.tz.isAllCaps(hit.first)) else { return false }
        guard let dash = (hit.last + 1..<min(range.upperBound, hit.last + 10)).first(where: { ["—", "–", "--", "-"].contains(t[$0].text) })
        else { return false }
        if hits.contains(where: { $0.unit == hit.unit && $0.sentence == hit.sentence && $0.first > dash && $0.place != hit.place }) {
            return true
        }
        // "WASHINGTON — At least six states have activated Guard units …", "… to more than 25 cities": a national
        // desk's dateline over a story of many states or cities.
        if (dash + 1..<range.upperBound).contains(where: { ["nationwide", "countrywide", "nationally"].contains(t[$0].lower) }) {
            return true
        }
        for k in dash + 1..<range.upperBound where NumberWords.countsManyPlaces(t, at: k, from: dash + 1) {
            return true
        }
        var k = dash + 1
        while k < range.upperBound {
            if t[k].isCapitalized, let st = gazetteer.state(in: t, at: k, allowPostal: false),
               gazetteer.stateNames[t[k..<k + st.length].map(\.text).joined(separator: " ")] != nil,
               k >= 1, ["across", "in", "throughout"].contains(t[k - 1].lower)
                || (k == dash + 2 && Self.regionWords.contains(t[dash + 1].lower)) { return true }
            k += 1
        }
        return false
    }

    /// Forces a "-based" city stages ("Chicago-based agents"), and companies it only seats ("a Houston-based firm").
    static let forceWords: Set<String> = ["agents", "agent", "officers", "officer", "troops", "soldiers", "guardsmen",
                                          "teams", "team", "units", "unit", "personnel", "deputies", "marines"]
    static let companyWords: Set<String> = ["company", "companies", "firm", "firms", "contractor", "contractors", "operator",
                                            "corporation", "nonprofit", "group", "organization", "think", "startup", "business",
                                            "developer", "vendor", "provider", "publisher", "outlet", "newspaper", "station"]

    /// The part of a state a story opens on, just after its dateline ("ROGERS, Ark. — Northwest Arkansas has …").
    static let regionWords: Set<String> = ["north", "south", "east", "west", "northern", "southern", "eastern", "western",
                                           "northwest", "northeast", "southwest", "southeast", "central", "rural"]

    /// Each city's role: a target when it owns a figure or is named at least once other than in passing, in a
    /// paragraph about enforcement (or in the title or the lead).
    func roles(_ hits: [CityHit], _ units: [TextUnit], owners: Set<String>) -> [Int: CityRole] {
        var roles: [Int: CityRole] = [:]
        var context: [Int: [Int]] = [:]
        let lead = units.firstIndex { if case .paragraph = $0.kind { true } else { false } }
        for hit in hits {
            if owners.contains(gazetteer.places[hit.place].display)
                || (hit.passing == nil && isInEnforcementContext(hit, units, hits, lead: lead, &context)) { roles[hit.place] = .target }
            else if roles[hit.place] == nil { roles[hit.place] = .mention }
        }
        return roles
    }

    /// Whether the hit's paragraph speaks of enforcement ("agents", "detention", "ICE", "immigration", a raid, a
    /// deployment), or the paragraph it goes on from, or the hit opens the story (the title, the first paragraph's
    /// first sentence). A city named in a paragraph about something else ("the company also builds a resort in Orange
    /// Beach", "a career fair in Provo") is named in passing.
    /// (`context` caches, per unit, the indices of its tokens that speak of enforcement; `lead` is the first paragraph.)
    func isInEnforcementContext(_ hit: CityHit, _ units: [TextUnit], _ hits: [CityHit], lead: Int?,
                                 _ context: inout [Int: [Int]]) -> Bool {
        let unit = units[hit.unit]
        if case .title = unit.kind { return true }
        // "rumored ICE sightings in communities like Schuyler, Lexington and Fremont": a rumour names no operation.
        // (The rumour word stands before the city in its clause; "…, and follows similar actions in Chicago" is a
        // clause of its own. A rumour about one town may be the start of a story of an arrest there, "worried about
        // rumors of ICE near Moultrie": only a rumour spread over a list of towns is read so.)
        let t0 = unit.tz.tokens
        let sentence = unit.sentences[hit.sentence]
        if let r = (sentence.lowerBound..<hit.first).last(where: { Self.rumorWords.contains(t0[$0].lower) }),
           Set(hits.filter { $0.unit == hit.unit && $0.sentence == hit.sentence && $0.first > r }.map(\.place)).count >= 3,
           !(r..<hit.first).contains(where: { k in t0[k].text == "," && k + 2 < hit.first
               && ["and", "but", "while"].contains(t0[k + 1].lower) && !t0[k + 2].isCapitalized }) {
            return false
        }
        if hit.sentence == 0, lead == hit.unit { return true }
        // An item of a list of names ("Texas cities with ICE raids" then "Laredo", "McAllen"): the list's heading says.
        if hit.first == 0, hit.last + 1 == unit.tz.tokens.count, isNameListItem(hit.unit, units) { return true }
        // The unit's words other than the city's own ("the Border Patrol office in Border City" is no context).
        func speaksOfEnforcement(_ u: Int, _ range: Range<Int>) -> Bool {
            if context[u] == nil {
                let t = units[u].tz.tokens
                context[u] = t.indices.filter { t[$0].kind == .word && Self.isContextWord(t[$0].lower) }
            }
            return context[u]!.contains { range.contains($0) && (u != hit.unit || $0 < hit.first || $0 > hit.last) }
        }
        // The paragraph speaks of it, or the one before when this one goes on from it ("Then they proceeded north,
        // to Madera and Stockton").
        if speaksOfEnforcement(hit.unit, 0..<unit.tz.tokens.count) { return true }
        if hit.unit > 0, let opener = unit.tz.tokens.first(where: { $0.kind == .word }),
           Self.continuingWords.contains(opener.lower), speaksOfEnforcement(hit.unit - 1, 0..<units[hit.unit - 1].tz.tokens.count) {
            return true
        }
        // A sentence broken over lines (a page whose paragraphs are its lines): the lines it continues and runs into.
        let t = unit.tz.tokens
        if hit.sentence == 0, let first = t.first, first.kind == .word, !first.isCapitalized, hit.unit > 0,
           let last = units[hit.unit - 1].sentences.last, speaksOfEnforcement(hit.unit - 1, last) { return true }
        if hit.sentence == unit.sentences.count - 1, let end = t.last, ![".", "!", "?", "”", "\""].contains(end.text),
           hit.unit + 1 < units.count, let next = units[hit.unit + 1].sentences.first,
           speaksOfEnforcement(hit.unit + 1, next) { return true }
        return false
    }

    /// Whether a lower-cased word starts with one of `contextStems` (its first byte picks the few to try).
    static func isContextWord(_ word: String) -> Bool {
        guard let first = word.utf8.first, first < 128 else { return false }
        return contextStemsByInitial[Int(first)].contains { word.hasPrefix($0) }
    }
    static let contextStemsByInitial = FigureExtractor.byInitial(contextStems)

    /// Words that make what a sentence tells a rumour, not an operation.
    static let rumorWords: Set<String> = ["rumor", "rumors", "rumored", "rumour", "rumours", "rumoured", "unconfirmed",
                                          "unverified", "hoax", "hoaxes"]

    /// Words that open a paragraph going on from the one before (its pronoun or connective).
    static let continuingWords: Set<String> = ["then", "they", "it", "he", "she", "we", "and", "but", "so", "also", "that",
                                               "this", "those", "these", "there", "from", "after"]

    /// Stems that put a sentence on enforcement for a city's role: the figures' `enforcementStems` but those of money
    /// and courts ("general contractors in Alabama" says nothing of an operation), and the moves and places of an
    /// operation ("troops sent to", "a surge", "the processing center", "a military base").
    static let contextStems = FigureExtractor.enforcementStems.filter { !["case", "fund", "contract", "budget", "bed"].contains($0) }
        + ["cbp", "hsi", "ero", "287", "surge", "blitz", "soldier", "marine", "sent", "send", "transport", "process", "jail",
           "prison", "camp", "military", "army"]
}
