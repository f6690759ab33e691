import Foundation

extension CityRecognizer {
    /// A byline line: "By: Ana Ruiz and Harrison Malkin", "By Jordan Hale and Staff": every name in it is a person's.
    func isByline(_ tokens: [Token], _ range: Range<Int>) -> Bool {
        guard range.lowerBound == 0, range.count <= 14, tokens[range.lowerBound].text == "By" else { return false }
        return range.dropFirst().allSatisfy { k in
            let t = tokens[k]
            return t.kind != .word || t.isCapitalized || ["and", "by"].contains(t.text)
        }
    }

    /// Decides a candidate: accepted, rejected, or pending (needs a list or the article's own cities to confirm).
    func judge(_ c: inout Candidate, unit: TextUnit, range: Range<Int>, titleCase: Bool, docStates: Set<String>,
               abroad: Bool) {
        let tokens = unit.tz.tokens
        let next = c.last + 1 < range.upperBound ? tokens[c.last + 1] : nil
        let prev = c.first > range.lowerBound ? tokens[c.first - 1] : nil
        // An explicit state decides: "Portland, Ore.", "Paris, Texas", "Mobile, AL", "Portland, Maine".
        var explicit: String?
        var stateAt = c.last + 2
        if let next, next.text == ",", let st = gazetteer.state(in: tokens, at: c.last + 2, allowPostal: true) {
            // "Dallas, New York City and Atlanta" is a list, not Dallas in the state of New York.
            let after = c.last + 2 + st.length
            let continues = after < range.upperBound && tokens[after].kind == .word && tokens[after].isCapitalized
            if !continues { explicit = st.code }
        } else if next != nil, let st = gazetteer.state(in: tokens, at: c.last + 1, allowPostal: false),
                  gazetteer.stateNames[tokens[c.last + 1 ..< c.last + 1 + st.length].map(\.text).joined(separator: " ")] != nil {
            explicit = st.code
            stateAt = c.last + 1
        } else if c.first >= 2, tokens[c.first - 1].text == "-", !tokens[c.first - 1].spaceBefore, !tokens[c.first].spaceBefore,
                  let code = gazetteer.stateNames[tokens[c.first - 2].text],
                  c.entries.contains(where: { gazetteer.places[$0.place].state == code }) {
            // A state university's campus: "University of Nebraska-Lincoln", "Wisconsin-Milwaukee".
            explicit = code
        }
        if let code = explicit {
            let inState = c.entries.filter { gazetteer.places[$0.place].state == code }
            if inState.isEmpty {
                // A state name that is also a city ("…, Washington") may be the next item of a list.
                let stateWord = tokens[stateAt].text
                if !(stateWord == "Washington" || stateWord == "New") { c.verdict = .rejected; return }
                explicit = nil
            }
        }
        if let explicit {
            if isPostalAddress(tokens, stateAt: stateAt, range) { c.verdict = .rejected; return }
            let inState = c.entries.filter { gazetteer.places[$0.place].state == explicit }
            c.entries = inState
            c.explicitState = explicit
            c.place = choose(inState, states: [explicit])
            c.verdict = .accepted
            return
        }
        c.place = choose(c.entries, states: docStates)
        if isByline(tokens, range) { c.verdict = .rejected; return }
        // In a story set abroad, a small namesake of a foreign city ("LONDON —", "London-based") is the foreign one
        // unless the story names the town's state; "Mexico City" is always the foreign capital.
        let foreignNamesake = abroad && c.entries.allSatisfy { !$0.flags.isDisjoint(with: [.foreignCity, .country])
            && gazetteer.places[$0.place].population < 100_000 && !docStates.contains(gazetteer.places[$0.place].state) }
        if let next, next.text == "City", c.entries.allSatisfy({ $0.flags.contains(.country) }) { c.verdict = .rejected; return }
        if c.entries.contains(where: \.isDateline) {
            c.verdict = foreignNamesake ? .rejected : .accepted; c.confirmed = !foreignNamesake; return
        }
        if isPaperOrOffice(c, tokens, prev: prev, next: next) { c.verdict = .rejected; return }
        // A borough of a big city as an adjective or after a part of it ("a Manhattan immigration court", "Lower
        // Manhattan's 26 Federal Plaza") stands for the city, as "in Manhattan" does.
        // (A town of that name in a state the story names stays possible: "a Manhattan bakery" in a Kansas story.)
        if let borough = c.entries.first(where: { $0.risk != .high && gazetteer.places[$0.place].kind == "borough" }),
           !c.entries.contains(where: { gazetteer.places[$0.place].state != gazetteer.places[borough.place].state
                                        && docStates.contains(gazetteer.places[$0.place].state) }) {
            let part = prev.map { Self.cityParts.contains($0.text) } ?? false
            let adjective = (prev.map { ["a", "an", "the"].contains($0.lower) } ?? false)
                && (next.map { $0.kind == .word && !$0.isCapitalized && !Self.personVerbs.contains($0.text) } ?? false)
            if part || adjective {
                c.entries = [borough]; c.place = borough.place; c.verdict = .accepted; c.confirmed = true; return
            }
        }
        // A legislator's home town: "D-Charleston", "R-Marshall", "DFL-Minneapolis".
        if let prev, prev.text == "-", !prev.spaceBefore, !tokens[c.first].spaceBefore, c.first >= 2,
           ["D", "R", "I", "DFL", "Ind"].contains(tokens[c.first - 2].text) {
            c.verdict = .accepted; return
        }
        // A person: "Taylor said", "according to Taylor", "Mr. Perry", "Colton, who died".
        let cityOf = prev?.text == "of" && c.first >= 2 && ["city", "City", "town", "Town"].contains(tokens[c.first - 2].text)
        if let next, next.text == ",", c.last + 2 < range.upperBound, tokens[c.last + 2].text == "who", !cityOf {
            c.verdict = .rejected; c.person = true; c.surname = true; return
        }
        // An age ("Parker, 8, has …") or a middle initial ("Lynnwood W. Schell") makes it a person.
        if let next, next.text == ",", c.last + 3 < range.upperBound, tokens[c.last + 2].kind == .number,
           tokens[c.last + 2].text.count <= 3, tokens[c.last + 3].text == "," {
            c.verdict = .rejected; c.person = true; c.surname = true; return
        }
        if let next, next.text.count == 2, next.text.hasSuffix("."), next.text.first!.isUppercase,
           c.last + 2 < range.upperBound, tokens[c.last + 2].isCapitalized {
            c.verdict = .rejected; c.person = true; c.surname = true; return
        }
        // A saint's church or school: "St. Paul's United Brethren Church", "St. John's Lutheran School".
        if let next, next.text == "'s" || next.text == "’s", tokens[c.first].text == "St." || tokens[c.first].text == "Saint",
           c.last + 2 < range.upperBound, tokens[c.last + 2].isCapitalized {
            c.verdict = .rejected; return
        }
        // "Miami-Dade": the first half of another name (a consolidated "Athens-Clarke County" is still the town).
        if let next, next.text == "-", !next.spaceBefore, c.last + 2 < range.upperBound, !tokens[c.last + 2].spaceBefore,
           tokens[c.last + 2].isCapitalized, match(unit.tz, at: c.last + 2, end: range.upperBound) == nil,
           !(c.last + 3 < range.upperBound && ["County", "Parish"].contains(tokens[c.last + 3].text)) {
            c.verdict = .rejected; return
        }
        // "Ministry of Commerce", "Chamber of Commerce": a word that names a body's field, not a town.
        if let prev, prev.text == "of", c.first >= 2, Self.bodies.contains(tokens[c.first - 2].text),
           c.entries.allSatisfy({ $0.flags.contains(.word) }) {
            c.verdict = .rejected; return
        }
        // "a 2001 Cadillac": a model year makes it a vehicle.
        if let prev, prev.kind == .number, prev.text.count == 4, let year = Int(prev.text), (1900...2030).contains(year) {
            c.verdict = .rejected; return
        }
        let nameLike = riskOf(c.entries) != .low
        // "Jessica Kay, 18, of Paris", "Steven Sachs of Alexandria": where a person lives.
        let residence = isResidence(tokens, before: c.first, from: range.lowerBound)
        let afterLocative = residence || prev.map { Self.locatives.contains($0.lower) && $0.text != "and" && $0.text != "of" } ?? false
        if let next, Self.personVerbs.contains(next.text), !afterLocative { c.verdict = .rejected; c.person = nameLike; return }
        if let prev, ["said", "says", "Mr.", "Mrs.", "Ms.", "Dr.", "shot", "told"].contains(prev.text) {
            c.verdict = .rejected; c.person = nameLike; return
        }
        if let prev, prev.text == "to", c.first >= 2, tokens[c.first - 2].lower == "according",
           !(next.map { $0.isCapitalized && Self.followers.contains($0.text) } ?? false) {
            c.verdict = .rejected; c.person = nameLike; return
        }
        // A list of counties: "Butler, Clark, Hamilton, Madison or Warren counties".
        var k = c.last + 1
        while k < range.upperBound, k - c.last < 16, tokens[k].isCapitalized || [",", "and", "or"].contains(tokens[k].text) { k += 1 }
        if k < range.upperBound, ["counties", "Counties", "townships", "parishes"].contains(tokens[k].text) {
            c.verdict = .rejected; return
        }
        // A region after a foreign or unknown place: "Toronto, Ontario", "Ontario, Canada".
        if let next, next.text == ",", c.last + 2 < range.upperBound, ["Canada", "Mexico", "England", "Australia"].contains(tokens[c.last + 2].text) {
            c.verdict = .rejected; return
        }
        // (An institution's town after its name is fine: "Carle Foundation Hospital, Urbana".)
        if let prev, prev.text == ",", c.first >= 2, tokens[c.first - 2].kind == .word, tokens[c.first - 2].isCapitalized,
           !endsPlaceName(unit.tz, at: c.first - 2), !tokens[c.first - 2].text.hasSuffix("."),
           !Self.sites.contains(tokens[c.first - 2].text) {
            c.verdict = .rejected; return
        }
        if Self.nonCityNames.contains(tokens[c.first...c.last].map(\.text).joined(separator: " ")) { c.verdict = .rejected; return }
        // "the Santa Barbara news site Noozhawk", "El Centro de Igualdad", "crossed the Rio Grande": a paper, a Spanish
        // name of a body, a river.
        if let next, next.lower == "news", c.last + 2 < range.upperBound,
           ["site", "website", "outlet", "station", "service"].contains(tokens[c.last + 2].lower) { c.verdict = .rejected; return }
        if let next, ["de", "del"].contains(next.text) { c.verdict = .rejected; return }
        if let prev, prev.lower == "the", tokens[c.first...c.last].map(\.text).joined(separator: " ") == "Rio Grande" {
            c.verdict = .rejected; return
        }
        // "Nina Roe Seattle Times": a paper's name, even in a byline or a headline of capitalised words.
        if let next, Self.paperNames.contains(next.text) { c.verdict = .rejected; return }
        // "Portland's Parkside neighborhood": a part of the city before it, not a namesake elsewhere.
        if let prev, ["’s", "'s"].contains(prev.text), let next,
           ["neighborhood", "neighbourhood", "district", "section", "neighborhoods"].contains(next.lower) {
            c.verdict = .rejected; return
        }
        // "told Denver7", "the Indianapolis 500": a station's brand or a race named with a number.
        if let next, next.kind == .number {
            let after = c.last + 2 < range.upperBound ? tokens[c.last + 2] : nil
            if !next.spaceBefore || (prev?.lower == "the" && (after == nil || after!.kind == .punct)) { c.verdict = .rejected; return }
        }
        // Part of a longer name: "Los Angeles Times", "Charlotte Hughes", "Harris County", "New York Gov.".
        // Institution words after a city are fine for a safe name only ("University Medical Center" is no town).
        let lenient = riskOf(c.entries) == .low
        if let next, next.kind == .word, next.isCapitalized, !titleCase,
           !(Self.followers.contains(next.text) && (lenient || Self.confirmingFollowers.contains(next.text))) {
            c.verdict = .rejected
            c.person = next.text.count > 2 && !next.text.hasSuffix(".") && gazetteer.stateNames[next.text] == nil
                && c.entries.contains { $0.flags.contains(.firstName) } && riskOf(c.entries) != .low
            return
        }
        if let next, next.kind == .word, Self.nonCityFollowers.contains(next.text) { c.verdict = .rejected; return }
        // "the Miami ICE field office", "Baltimore field agents", "the El Paso area of responsibility", "the El Centro
        // sector": a unit of the agency named for its city, not a place (news/README.md: "ERO Boston").
        if isAgencyUnit(after: c.last, tokens, range) { c.verdict = .rejected; return }
        // In a headline every word is capitalised: "Macon St.", "Harris County" are still a street and a county.
        if titleCase, let next, Self.placeTypeWords.contains(next.text) { c.verdict = .rejected; return }
        // "South Philadelphia", "West Wichita": a part of a big city (a smaller name after a direction is its own town).
        let abbreviatedDirection = Self.directionAbbreviations.contains(prev?.text ?? "")
            && !(c.first >= 2 && tokens[c.first - 2].kind == .word && tokens[c.first - 2].isCapitalized)
        let directionOfBigCity = (Self.directions.contains(prev?.text ?? "") || abbreviatedDirection) && riskOf(c.entries) == .low
            && c.entries.contains { gazetteer.places[gazetteer.resolved($0.place)].population >= 100_000 }
        // "Operation Charlotte's Web": an operation named for the city it is run in.
        if let prev, prev.text == "Operation", let next, next.text == "'s" || next.text == "’s", riskOf(c.entries) == .low {
            c.verdict = .accepted; return
        }
        if let prev, prev.kind == .word, prev.isCapitalized, !Self.leaders.contains(prev.text), !titleCase, !directionOfBigCity {
            let sentenceStart = c.first - 1 == range.lowerBound
            // "Three Philadelphia police officers": a capitalised first word before a safe name is fine.
            let safeAfterFirstWord = sentenceStart && riskOf(c.entries) == .low
                && (NumberWords.isNumberWord(prev.lower) || Self.sentenceStarters.contains(prev.text))
            if !(sentenceStart && Self.functionWords.contains(prev.lower)) && !safeAfterFirstWord {
                c.verdict = .rejected
                // "Wade McKinney": a one-word name after a given name is a family name here (a big city's safe name
                // ending a caption of capitalised words, "Immigration Enforcement Chicago", is no family name).
                let caption = next == nil && riskOf(c.entries) == .low
                    && range.allSatisfy { tokens[$0].kind != .word || tokens[$0].isCapitalized }
                if c.first == c.last, prev.text.count > 2, !caption, !sentenceStart, !Self.directions.contains(prev.text),
                   prev.text != "Operation", !Self.officeNameWords.contains(prev.text),
                   !prev.text.hasSuffix("."), prev.text != prev.text.uppercased(), gazetteer.stateNames[prev.text] == nil,
                   !endsPlaceName(unit.tz, at: c.first - 1), next.map({ !$0.isCapitalized }) ?? true {
                    c.person = true; c.surname = true
                }
                return
            }
        }
        if let prev, prev.text == "-" || prev.text == "‑", !prev.spaceBefore, c.first >= 2, tokens[c.first - 2].isCapitalized,
           !titleCase {
            // "Dallas-Fort Worth" is fine (both are cities); "Merriam-Webster" is not a city.
            if match(unit.tz, at: c.first - 2, end: range.upperBound) == nil { c.verdict = .rejected; return }
        }
        let risk = riskOf(c.entries)
        if risk == .high, let next, Self.metonymyVerbs.contains(next.text), !afterLocative { c.verdict = .rejected; return }
        // "in Washington", "between Washington and Moscow": the capital ("Washington state" was rejected above).
        if tokens[c.first].text == "Washington", c.first == c.last, let prev,
           ["in", "to", "from", "at", "between", "near", "outside", "around", "visit", "visited", "with"].contains(prev.text) {
            c.verdict = .accepted; return
        }
        // "assigned to New York", "cases in New York": the city, as for Washington ("New York state" is rejected above).
        if tokens[c.first].text == "New", c.last == c.first + 1, tokens[c.last].text == "York", let prev,
           ["in", "to", "from", "at", "across"].contains(prev.text) {
            c.verdict = .accepted; return
        }

        // Confirming context: a place column, "X Mayor", "X police", "City of X", "mayor of X".
        var confirmed = unit.isPlaceColumn && c.first == 0 && c.last >= tokens.count - 1
        if let next {
            if Self.confirmingFollowers.contains(next.text) { confirmed = true }
            // "a Washington-based group"; "Washington — By most measures …" (a dateline in title case).
            if next.text == "-", !next.spaceBefore, c.last + 2 < range.upperBound, tokens[c.last + 2].lower == "based" {
                if foreignNamesake { c.verdict = .rejected; return }
                confirmed = true
            }
            if prev == nil, ["—", "--"].contains(next.text) { confirmed = true }
            if next.text == "'s" || next.text == "’s", c.last + 2 < range.upperBound,
               Self.confirmingFollowers.contains(tokens[c.last + 2].text) { confirmed = true }
        }
        if let prev, prev.text == "of", c.first >= 2,
           ["City", "city", "mayor", "Mayor", "town", "Town", "suburb", "outskirts", "streets", "residents"].contains(tokens[c.first - 2].text) {
            confirmed = true
        }
        if residence { confirmed = true }
        // A state's own name ("the Indiana Department", "California-based") is the state, not its namesake town.
        if gazetteer.stateNames[c.surface] != nil, c.surface != "Washington", c.surface != "New York" {
            c.verdict = .rejected; return
        }
        if confirmed { c.verdict = .accepted; c.confirmed = true; return }
        let locative = prev.map { Self.locatives.contains($0.lower) && $0.text != "of" && $0.text != "and" } ?? false
        let stateKnown = c.entries.contains { docStates.contains(gazetteer.places[$0.place].state) }
        switch risk {
        case .low:
            c.verdict = titleCase && riskFlags(c.entries) ? .pending : .accepted
        case .medium:
            c.verdict = locative || stateKnown ? .accepted : .pending
        case .high:
            // A namesake of a state or country ("Lebanon", "Paris") in a story that names the town's state.
            let stateWord = c.entries.contains { $0.flags.contains(.state) || $0.risk == .high }
            c.verdict = stateKnown && !stateWord && !titleCase ? .accepted : .pending
        }
    }

    /// Whether the words after a city's name at `last` make it an agency's unit: "field office", "ICE field office",
    /// "field agents", "area of responsibility", "sector".
    func isAgencyUnit(after last: Int, _ tokens: [Token], _ range: Range<Int>) -> Bool {
        var k = last + 1
        if k < range.upperBound, ["ICE", "ERO", "HSI", "CBP"].contains(tokens[k].text) { k += 1 }
        guard k < range.upperBound else { return false }
        let w = tokens[k].lower
        if w == "field", k + 1 < range.upperBound, ["office", "offices", "agents", "division"].contains(tokens[k + 1].lower) { return true }
        if w == "sector" { return true }
        return w == "area" && k + 2 < range.upperBound && tokens[k + 1].lower == "of" && tokens[k + 2].lower == "responsibility"
    }

    /// Whether a gazetteer name ends at token `k` ("… Chicago, Houston": a list, not "City, Region").
    func endsPlaceName(_ tz: Tokenizer, at k: Int) -> Bool {
        for n in 1...3 where k - n + 1 >= 0 {
            if gazetteer.names[tz.span(k - n + 1, k)] != nil { return true }
        }
        return gazetteer.stateNames[tz.tokens[k].text] != nil
    }

    /// Whether any reading carries a risky flag (used to be careful in Title Case headings).
    func riskFlags(_ entries: [Gazetteer.Entry]) -> Bool {
        entries.contains { !$0.flags.subtracting(.homonym).isEmpty || $0.risk != .low }
    }

    /// How much evidence a surface form needs: curated alias risk first, else the flags of its likeliest reading.
    func riskOf(_ entries: [Gazetteer.Entry]) -> Gazetteer.Risk {
        if entries.contains(where: { $0.risk == .high }) { return .high }
        let safeAlias = entries.contains { $0.risk == .low && $0.flags.isEmpty && gazetteer.places[$0.place].kind == "city" }
        if entries.contains(where: { $0.risk == .medium }) && !safeAlias { return .medium }
        guard let e = entries.max(by: { gazetteer.places[$0.place].population < gazetteer.places[$1.place].population })
        else { return .low }
        let pop = gazetteer.places[e.place].population
        // A neighbourhood name ("Mount Pleasant", "Avondale") is as often a town elsewhere or a street.
        if gazetteer.places[e.place].kind != "city", !safeAlias { return .medium }
        if e.flags.contains(.state) || e.flags.contains(.country) || e.flags.contains(.foreignCity) {
            return pop >= 1_000_000 ? .low : .high
        }
        if e.flags.contains(.word) { return pop >= 500_000 ? .low : .medium }
        if e.flags.contains(.firstName) || e.flags.contains(.surname) { return pop >= 200_000 ? .low : .medium }
        return .low
    }
}
