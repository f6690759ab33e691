import Foundation

/// Whose figure a sentence states when a state is its owner: "250 arrests across Colorado", "a Texas operation
/// that netted 900 arrests", "arrests statewide" (the state of the story's city).
extension Extractor {
    /// Capitalised words after a state name that make it part of another name ("Kansas City", "Texas National Guard").
    static let stateNameFollowers: Set<String> = ["City", "National", "Guard", "State", "University", "College",
                                                  "Avenue", "Street", "Road", "Tech", "A&M", "Gov.", "Gov", "Governor",
                                                  "Sen.", "Rep.", "Attorney", "Lt.", "Secretary", "Senator"]
    /// Words and marks that end the clause a state must share with its number.
    static let stateClauseBreaks: Set<String> = [";", "while", "whereas", "but", "—", "–", "--", "("]
    /// Whether a unit is a photo caption or credit: "Staff Photographer", "Photo by", "Photo provided by", "AP
    /// Photo", "Getty Images", "/Staff".
    static func isCaption(_ unit: TextUnit) -> Bool {
        let t = unit.tz.tokens
        // A byline on a line of its own ("BY JANE ROE", "By Jane Roe and John Doe").
        if let first = t.first, ["By", "BY"].contains(first.text), t.count <= 8,
           t.allSatisfy({ $0.kind != .word || $0.isCapitalized || $0.lower == "and" }) { return true }
        for k in t.indices where t[k].kind == .word || t[k].text == "/" {
            switch t[k].text {
            case "Photographer", "photographer", "Getty": return true
            case "Photo", "photo", "Photos", "photos", "PHOTO", "PHOTOS":
                if k + 1 < t.count, ["by", "provided", "courtesy", "credit", "illustration"].contains(t[k + 1].lower) { return true }
                if k >= 1, t[k - 1].text == "AP" { return true }
            case "/":
                if k + 1 < t.count, t[k + 1].text == "Staff" { return true }
            default: break
            }
        }
        return false
    }

    /// Verbs after a lead's first word that make a state its subject ("Virginia has seen …", "Texas leads …").
    static let stateSubjectVerbs: Set<String> = ["has", "had", "is", "was", "saw", "sees", "leads", "led", "reported",
                                                 "recorded", "ranks", "ranked", "tops", "topped"]
    /// Prepositions that put a number in a state ("across Colorado", "in Texas", "throughout Georgia").
    static let statePrepositions: Set<String> = ["across", "in", "throughout", "statewide", "around", "within", "of"]

    /// The state code owning number `n` in sentence `range`, or nil when a city (or the nation) owns it. A state owns
    /// the number when it is named in the number's clause nearer than any city, before it (an adjective: "a Texas
    /// operation", "Colorado's") or just after it through a preposition ("across Colorado"); "statewide" next to it
    /// makes it the state of its city.
    func stateOwner(_ n: RecognizedNumber, _ unit: TextUnit, _ range: Range<Int>, sentenceHits: [CityHit],
                    city: Int?) -> String? {
        let t = unit.tz.tokens
        func clauseBreak(_ a: Int, _ b: Int) -> Bool {
            (min(a, b)..<max(a, b)).contains { Self.stateClauseBreaks.contains(t[$0].text) }
        }
        // A city right after the number through a preposition owns it ("400 troops to Nashville").
        if cityAttached(n, t, sentenceHits) { return nil }
        // "In Missouri, arrests increased 76% and nearly tripled in Kansas": a sentence that opens on a state gives it
        // the counts before any other place is named.
        if range.count > 3, ["in", "across", "throughout"].contains(t[range.lowerBound].lower),
           let st = stateName(t, at: range.lowerBound + 1, in: range), range.lowerBound + 1 + st.length < n.first,
           t[range.lowerBound + 1 + st.length].text == ",",
           !sentenceHits.contains(where: { $0.first < n.first }),
           !(range.lowerBound + 2 + st.length..<n.first).contains(where: { stateName(t, at: $0, in: range) != nil }) {
            return st.code
        }
        // "Illinois, where Chicago has become a focus of ICE activity, has seen ICE arrests increase 46%": a state that
        // opens the sentence as its subject, past a clause set off by commas, owns the main clause's counts.
        if let st = stateName(t, at: range.lowerBound, in: range), range.lowerBound + st.length + 1 < n.first,
           t[range.lowerBound + st.length].text == "," {
            let open = range.lowerBound + st.length
            let after = t[open + 1]
            if after.kind == .word, !after.isCapitalized, !["and", "or"].contains(after.lower),
               let close = (open + 2..<n.first).last(where: { t[$0].text == "," }),
               !(close + 1..<n.first).contains(where: { k in sentenceHits.contains { $0.first == k } || stateName(t, at: k, in: range) != nil }),
               !(n.last + 1..<min(range.upperBound, n.last + 4)).contains(where: { ["in", "across"].contains(t[$0].lower) }) {
                return st.code
            }
        }
        // "Washington reported 620 and Idaho 310": a state right before its count (or its verb of reporting), not the
        // last of a list of states, owns it even when the sentence names others.
        var p = n.first - 1
        if p > range.lowerBound, FigureExtractor.reportingVerbs.contains(t[p].lower) { p -= 1 }
        if p > range.lowerBound, let before = placeEnding(at: p, unit, range, []), let st = before.state {
            var q = p
            while q > range.lowerBound, t[q].isCapitalized { q -= 1 }
            let listed = [",", "and", "or"].contains(t[q].lower) && q - 1 >= range.lowerBound
                && placeEnding(at: q - 1, unit, range, [])?.state != nil
            if !listed { return st }
        }
        let cityDistance = sentenceHits.filter { !clauseBreak($0.first, n.first) }.map { distance($0, n) }.min() ?? Int.max
        var best: (Int, String)?
        var states: Set<String> = []
        // "five arrests in Ohio and three in Kentucky": a state right after the number's words through a preposition,
        // not itself the head of a list of states, is that number's even when the sentence names others.
        var attached: String?
        var k = max(range.lowerBound, n.first - 9)
        while k < min(range.upperBound, n.last + 15) {
            defer { k += 1 }
            guard k < n.first || k > n.last, t[k].kind == .word else { continue }
            // ("across the state", "throughout the state", "in the state" say "statewide" too.)
            let acrossState = t[k].lower == "state" && k - 2 >= range.lowerBound && t[k - 1].lower == "the"
                && ["across", "throughout", "around", "in"].contains(t[k - 2].lower)
                && !(k + 1 < range.upperBound && ["illegally", "legally", "unlawfully"].contains(t[k + 1].lower))
            let at = acrossState && k > n.last ? k - 2 : k
            if t[k].lower == "statewide" || acrossState, (at < n.first ? n.first - at : at - n.last) <= 6, let c = city ?? sentenceHits.first?.place {
                // No city stands between the number and the word: the state's figure, however near the city.
                if !sentenceHits.contains(where: { ($0.first > n.last && $0.last < at) || ($0.first > at && $0.last < n.first) }),
                   !clauseBreak(at, n.first) {
                    return gazetteer.places[c].state
                }
                let d = at < n.first ? n.first - at : at - n.last
                if best == nil || d < best!.0 { best = (d, gazetteer.places[c].state) }
                continue
            }
            guard let st = stateName(t, at: k, in: range) else { continue }
            let end = k + st.length
            // The state of a city ("Denver, Colorado", "Tucson, Arizona") belongs to that city's mention.
            if k >= 2, t[k - 1].text == ",", sentenceHits.contains(where: { $0.last == k - 2 }) { continue }
            if clauseBreak(k, n.first) { continue }
            // "troops from California": where they come from, not whose figure it is; "than in the North Carolina
            // sweeps": a comparison.
            if k >= 1, t[k - 1].lower == "from" { continue }
            if (max(range.lowerBound, k - 6)..<k).contains(where: { Self.isComparisonWord($0, t) }) { continue }
            let d: Int
            if k < n.first {
                d = n.first - (end - 1)
            } else {
                let wide = (n.last + 1..<k).contains { ["across", "throughout"].contains(t[$0].lower) }
                // "280 arrests during a weeklong ICE operation in Ohio": the operation's place, through its noun.
                let operation = !(n.last + 1..<k).contains { [",", ";"].contains(t[$0].text) }
                    && (n.last + 1..<k).contains { ["operation", "operations", "sweep", "crackdown", "surge", "raids"].contains(t[$0].lower) }
                guard k - n.last <= (wide ? 14 : operation ? 9 : 5), (n.last + 1..<k).contains(where: { Self.statePrepositions.contains(t[$0].lower) })
                else { continue }
                d = k - n.last
                if attached == nil, d <= 4, Self.statePrepositions.contains(t[k - 1].lower),
                   !(n.last + 1..<k).contains(where: { [",", "and", "or"].contains(t[$0].lower) }),
                   !(end + 1 < range.upperBound && [",", "and", "or"].contains(t[end].lower)
                     && stateName(t, at: end + 1, in: range) != nil) {
                    attached = st.code
                }
            }
            if best == nil || d < best!.0 { best = (d, st.code) }
            states.insert(st.code)
        }
        if let attached, cityDistance > 4 { return attached }
        // "governors in Mississippi, Louisiana and Ohio have committed 1,100 troops": no one state owns it.
        guard let best, best.0 < cityDistance, states.count <= 1 else { return nil }
        return best.1
    }

    /// "ICE held 358 and 353 people, respectively, in New Jersey and Pennsylvania": the place, in the list after
    /// "respectively", at the count's position in the run of counts before it. Nil when the lists do not pair up.
    func respectivePlace(_ n: RecognizedNumber, _ found: [RecognizedNumber], _ unit: TextUnit, _ range: Range<Int>,
                         _ sentenceHits: [CityHit]) -> (city: Int?, state: String?)? {
        let t = unit.tz.tokens
        guard let r = range.first(where: { t[$0].lower == "respectively" }), n.last < r else { return nil }
        var run: [RecognizedNumber] = []
        for c in found.reversed() where c.last < r && !c.isYear && c.unit == n.unit {
            if let next = run.first {
                guard c.last + 1 <= next.first, t[(c.last + 1)..<next.first].allSatisfy({ [",", "and", "or"].contains($0.lower) })
                else { break }
            }
            run.insert(c, at: 0)
        }
        guard run.count >= 2, let i = run.firstIndex(where: { $0.first == n.first }) else { return nil }
        var k = r + 1
        while k < range.upperBound, [",", "in", "at", "for", "to", "across"].contains(t[k].lower) { k += 1 }
        var places: [(city: Int?, state: String?)] = []
        while k < range.upperBound, places.count < run.count {
            if let hit = sentenceHits.first(where: { $0.first == k }) {
                places.append((hit.place, nil)); k = hit.last + 1
            } else if let st = stateName(t, at: k, in: range) {
                places.append((nil, st.code)); k += st.length
            } else {
                break
            }
            while k < range.upperBound, [",", "and"].contains(t[k].lower) { k += 1 }
        }
        // The list must end there ("in Ohio, Kentucky and Indiana" does not pair with two counts).
        let more = k < range.upperBound && (sentenceHits.contains { $0.first == k } || stateName(t, at: k, in: range) != nil)
        return places.count == run.count && !more ? places[i] : nil
    }

    /// The city or the state whose name ends at token `p` ("Texas with 12,500", "Harris County with 300").
    func placeEnding(at p: Int, _ unit: TextUnit, _ range: Range<Int>, _ sentenceHits: [CityHit]) -> (city: Int?, state: String?)? {
        if let hit = sentenceHits.first(where: { $0.last == p }) { return (hit.place, nil) }
        let t = unit.tz.tokens
        for k in max(range.lowerBound, p - 2)...p {
            if let st = stateName(t, at: k, in: range), k + st.length - 1 == p { return (nil, st.code) }
        }
        return nil
    }

    /// The one state a sentence names outside a city's mention ("Authorities in Georgia said …"), if any.
    func stateNamed(_ unit: TextUnit, _ range: Range<Int>) -> String? {
        let t = unit.tz.tokens
        var found: String?
        var k = range.lowerBound
        while k < range.upperBound {
            defer { k += 1 }
            guard let st = stateName(t, at: k, in: range) else { continue }
            // "from Texas", "transferred to Louisiana detention centers": an origin or a destination, not the owner.
            if k >= 1, ["from", "to"].contains(t[k - 1].lower) || (t[k - 1].text == "," && k >= 2 && t[k - 2].isCapitalized) { continue }
            if (max(range.lowerBound, k - 6)..<k).contains(where: { Self.isComparisonWord($0, t) }) { continue }
            if found != nil, found != st.code { return nil }
            found = st.code
        }
        return found
    }

    /// How many states a sentence names as places, outside its cities' mentions ("Denver, Colorado").
    func statesNamed(_ unit: TextUnit, _ range: Range<Int>) -> Int {
        let t = unit.tz.tokens
        var states: Set<String> = []
        var k = range.lowerBound
        while k < range.upperBound {
            guard let st = stateName(t, at: k, in: range) else { k += 1; continue }
            if !(k >= 2 && t[k - 1].text == "," && t[k - 2].isCapitalized) { states.insert(st.code) }
            k += st.length
        }
        return states.count
    }

    /// Whether a city follows the number through a preposition in its clause ("400 troops to Nashville").
    func cityAttached(_ n: RecognizedNumber, _ t: [Token], _ sentenceHits: [CityHit]) -> Bool {
        sentenceHits.contains { h in h.first > n.last && h.first <= n.last + 6
            && (n.last + 1..<h.first).contains { ["to", "in", "at", "into"].contains(t[$0].lower) }
            && !(n.last + 1..<h.first).contains { [",", ";", "and"].contains(t[$0].text) } }
    }

    /// Where the story is, from its title and first paragraph: the first city named there as a place, or the first
    /// state when a state comes before any city ("Immigration crackdown in Georgia nets 475 arrests").
    /// Regions news names for their main city (news/README.md: a Bay Area surge is San Francisco's).
    static let regionCities: [(words: [String], city: String, state: String)] = [
        (["Bay", "Area"], "San Francisco", "CA"), (["Twin", "Cities"], "Minneapolis", "MN"),
    ]

    /// The main city of a region the sentence names, when the region stands alone ("the Bay Area", not "Tampa Bay
    /// Area").
    func regionCity(_ unit: TextUnit, _ range: Range<Int>) -> Int? {
        guard let region = Self.firstNamed(Self.regionCities, words: \.words, unit, range) else { return nil }
        return gazetteer.names[region.city]?.first { gazetteer.places[$0.place].state == region.state }
            .map { gazetteer.resolved($0.place) }
    }

    /// The first of `regions` the sentence names as a name of its own (not after another capitalised word).
    static func firstNamed<Region>(_ regions: [Region], words: (Region) -> [String], _ unit: TextUnit,
                                   _ range: Range<Int>) -> Region? {
        let t = unit.tz.tokens
        for region in regions {
            let w = words(region), n = w.count
            for k in range where k + n <= range.upperBound && (0..<n).allSatisfy({ t[k + $0].text == w[$0] }) {
                if k > range.lowerBound, t[k - 1].kind == .word, t[k - 1].isCapitalized { continue }
                return region
            }
        }
        return nil
    }

    /// Regions that are no city's, and their state: a figure "across Long Island" is New York's, not a town's there.
    static let regionStates: [(words: [String], state: String)] = [
        (["Long", "Island"], "NY"), (["Cape", "Cod"], "MA"), (["Martha's", "Vineyard"], "MA"), (["Martha’s", "Vineyard"], "MA"),
        (["Inland", "Empire"], "CA"), (["Central", "Valley"], "CA"), (["Rio", "Grande", "Valley"], "TX"),
        (["Upper", "Peninsula"], "MI"), (["Hudson", "Valley"], "NY"), (["Eastern", "Shore"], "MD"),
        (["Florida", "Keys"], "FL"), (["Treasure", "Valley"], "ID"), (["Wasatch", "Front"], "UT"),
        (["Coachella", "Valley"], "CA"), (["San", "Joaquin", "Valley"], "CA"), (["Imperial", "Valley"], "CA"),
    ]

    /// The state of a region without a city the sentence names ("across Long Island" → NY).
    func regionState(_ unit: TextUnit, _ range: Range<Int>) -> String? {
        Self.firstNamed(Self.regionStates, words: \.words, unit, range)?.state
    }

    func storyPlace(_ units: [TextUnit], _ hits: [CityHit], dominant: Int? = nil) -> (city: Int?, state: String?) {
        var leadUnits: [Int] = []
        // A photo caption standing first ("Agents gather at a home in Lewiston. (Jane Doe/Staff Photographer)") says
        // where the picture was taken, not where the story is.
        for (u, unit) in units.enumerated() where !Self.isCaption(unit) {
            if unit.kind == .title { leadUnits.append(u) }
            if unit.kind == .paragraph { leadUnits.append(u); break }
        }
        // "Montgomery, Ala. (WDNews)" on a line of its own: the dateline is the story's place unless the lead
        // after it places the story in a state ("Immigration arrests in Alabama have surged").
        var datelineCity: Int?
        for u in leadUnits {
            let unit = units[u]
            guard let range = unit.sentences.first else { continue }
            if datelineCity == nil, let hit = hits.first(where: { $0.unit == u && $0.first == 0 }),
               isDatelineLine(unit, hit), leadUnits.last != u {
                datelineCity = hit.place
                continue
            }
            let leadHits = hits.filter { $0.unit == u && $0.sentence == 0 && !isPassingOwner($0, units) }
            // A lead naming several cities ("after a shooting in Minneapolis, Philadelphia emerged as …") is about the
            // one the story names most, when its first is named nowhere else.
            let once = leadHits.first.map { h in hits.filter { $0.place == h.place }.count == 1 } ?? false
            let cityHit = once && Set(leadHits.map(\.place)).count > 1
                ? leadHits.first { $0.place == dominant } ?? leadHits.first : leadHits.first
            var stateAt: (Int, String)?
            let t = unit.tz.tokens
            var k = range.lowerBound
            while k < range.upperBound, stateAt == nil {
                defer { k += 1 }
                guard let st = stateName(t, at: k, in: range) else { continue }
                if k >= 1, t[k - 1].lower == "from" || (t[k - 1].text == "," && k >= 2 && t[k - 2].isCapitalized) { continue }
                // "a raid on a nursery in Southern California", "across Southeast Texas": a part of the state, whose
                // city the story goes on to name, not a story of the whole state.
                if k >= 1, Self.regionWords.contains(t[k - 1].lower) { continue }
                // "in Georgia", "across Massachusetts", "in frigid Minnesota", "across the Commonwealth of
                // Massachusetts"; not "As Oregon awaits …".
                let title = k >= 3 && t[k - 1].lower == "of" && ["commonwealth", "state"].contains(t[k - 2].lower)
                    && t[k - 3].lower == "the"
                // "Virginia has seen a surge in arrests": a lead whose subject is the state (not "Illinois lawmakers
                // visit …", nor Washington or New York, which name cities as often).
                let end0 = k + st.length
                let subject = k == range.lowerBound && end0 < range.upperBound && !["Washington", "New"].contains(t[k].text)
                    && Self.stateSubjectVerbs.contains(t[end0].lower)
                guard subject || (max(range.lowerBound, k - (title ? 4 : 2))..<k).contains(where: { ["in", "across", "throughout", "statewide"].contains(t[$0].lower) })
                else { continue }
                // "governors in Mississippi, Louisiana and Ohio": a list of states places the story in none of them.
                let end = k + st.length
                if end + 1 < range.upperBound, [",", "and", "&"].contains(t[end].text),
                   stateName(t, at: end + 1, in: range) != nil { break }
                stateAt = (k, st.code)
            }
            if let c = cityHit, stateAt.map({ c.first < $0.0 }) ?? true { return (c.place, nil) }
            if let st = stateAt { return (nil, st.1) }
        }
        return (datelineCity, nil)
    }

    /// A unit that is only a dateline: the city, its state and at most a source ("Montgomery, Ala. (WDNews)",
    /// "ROGERS, Ark. —").
    func isDatelineLine(_ unit: TextUnit, _ hit: CityHit) -> Bool {
        let t = unit.tz.tokens
        guard t.count <= 12, hit.last + 2 < t.count, t[hit.last + 1].text == ",",
              let st = gazetteer.state(in: t, at: hit.last + 2, allowPostal: true) else { return false }
        let rest = t[(hit.last + 2 + st.length)...]
        return rest.allSatisfy { $0.kind != .number } && !rest.contains { $0.kind == .word && !$0.isCapitalized }
    }

    /// The state of a story whose lead places its operation in counties and names no city there but its dateline
    /// ("PHOENIX — … concluded a three-day operation in La Paz and Mohave Counties"): its figures are the state's.
    func countyOperationState(_ units: [TextUnit], _ hits: [CityHit]) -> String? {
        let countyWords: Set<String> = ["County", "Counties", "Parish", "Parishes"]
        var paragraphs = 0
        for (u, unit) in units.enumerated() where unit.kind == .paragraph {
            paragraphs += 1
            if paragraphs > 3 { return nil }
            guard let range = unit.sentences.first else { continue }
            let t = unit.tz.tokens
            guard range.contains(where: { ["operation", "operations"].contains(t[$0].lower) }) else { continue }
            let inCounties = range.contains { k in
                guard t[k].lower == "in" else { return false }
                var j = k + 1
                while j < range.upperBound, !countyWords.contains(t[j].text),
                      (t[j].kind == .word && t[j].isCapitalized) || t[j].lower == "and" || t[j].text == "," { j += 1 }
                return j > k + 1 && j < range.upperBound && countyWords.contains(t[j].text)
            }
            guard inCounties else { continue }
            let own = hits.filter { $0.unit == u && $0.sentence == 0 }
            guard own.allSatisfy({ $0.first == range.lowerBound }), let place = own.first?.place ?? hits.first?.place
            else { return nil }
            return gazetteer.places[place].state
        }
        return nil
    }

    /// How many states the number's clause names after it through "in", "across" or "throughout" ("arrests in
    /// Oregon, Idaho and Alaska"), counting to the clause's end.
    func statesAfter(_ n: RecognizedNumber, _ unit: TextUnit, _ range: Range<Int>) -> Int {
        let t = unit.tz.tokens
        var k = n.last + 1
        var preposition = false
        var states: Set<String> = []
        while k < min(range.upperBound, n.last + 20) {
            // "five arrests in Ohio and three in Kentucky": the states after the next number are its own.
            if Self.stateClauseBreaks.contains(t[k].text) || t[k].kind == .number
                || NumberWords.units[t[k].lower] != nil || NumberWords.teens[t[k].lower] != nil { break }
            if ["in", "across", "throughout"].contains(t[k].lower) { preposition = true }
            if preposition, let st = stateName(t, at: k, in: range) {
                states.insert(st.code); k += st.length; continue
            }
            k += 1
        }
        return states.count
    }

    /// The state spelled out at token `k` of sentence `range` as a place ("Colorado", "Washington state"), or nil:
    /// not "New York" (the city's name too), not "Washington" alone (the capital), not part of another name
    /// ("Kansas City", "Texas National Guard").
    /// Words before "New York" that make it the state: "upstate New York", "rural western New York".
    static let stateRegionWords: Set<String> = ["upstate", "downstate", "western", "northern", "central", "rural",
                                                "northwestern", "northeastern", "southwestern", "southeastern"]

    func stateName(_ t: [Token], at k: Int, in range: Range<Int>) -> (code: String, length: Int)? {
        guard t[k].isCapitalized, let st = gazetteer.state(in: t, at: k, allowPostal: false) else { return nil }
        let name = t[k..<k + st.length].map(\.text).joined(separator: " ")
        let end = k + st.length
        // "New York" and "Washington" are their cities unless the words around them say the state ("Washington state",
        // "upstate New York", "western New York").
        let stateWord = end < range.upperBound && t[end].lower == "state"
        let regionBefore = k - 1 >= range.lowerBound && Self.stateRegionWords.contains(t[k - 1].lower)
        guard gazetteer.stateNames[name] != nil, name != "New York" || stateWord || regionBefore,
              name != "Washington" || stateWord else { return nil }
        if end < range.upperBound, Self.stateNameFollowers.contains(t[end].text) { return nil }
        return (st.code, st.length)
    }
}
