import Foundation

/// A city named at a place in a document.
struct CityHit: Sendable {
    var unit: Int
    var sentence: Int
    var first: Int
    var last: Int
    /// Gazetteer index of the city it resolves to (a borough or section gives its parent city).
    var place: Int
    /// How the hit names its city in passing, if it does (set by the extractor).
    var passing: Extractor.Passing? = nil
}

/// Finds US cities in a document's units: longest gazetteer match over capitalised runs, then precision rules
/// for risky names (state names, first names, surnames, English words, foreign namesakes, homonyms).
struct CityRecognizer: Sendable {
    let gazetteer: Gazetteer

    enum Verdict { case accepted, pending, rejected }

    struct Candidate {
        var unit: Int, sentence: Int, first: Int, last: Int
        var entries: [Gazetteer.Entry]
        var verdict: Verdict
        var explicitState: String?
        var place = -1
        /// Rejected as a person's name ("Charlotte Graham", "Burley said"): other bare uses are the person too.
        var person = false
        /// Seen after a first name ("Wade McKinney"): a family name in this story, whatever the name's flags.
        var surname = false
        /// Accepted on strong local evidence ("Alexandria police", "City of X", a dateline).
        var confirmed = false
        var surface = ""
        /// A town below the cities' floor named without its state: accepted only where the story places it.
        var bareTown = false
        /// Named after a list's comma or "and" ("in Ferndale, Everson and Lynden"): a town read only beside the list's
        /// other places.
        var listed = false
    }

    /// The cities `units` name. With `townsInNamedStates`, a town below the cities' floor named without its state
    /// is also read when it has one reading in a state the story names.
    func find(in units: [TextUnit], townsInNamedStates: Bool = false) -> [CityHit] {
        let (stateCounts, abroad) = statesMentioned(in: units)
        let docStates = Set(stateCounts.keys)
        var candidates: [Candidate] = []
        let capitalEntries = (gazetteer.names["Washington"] ?? []).filter { gazetteer.places[$0.place].state == "DC" }
        for (u, unit) in units.enumerated() {
            let tokens = unit.tz.tokens
            let titleCase = isTitleCase(unit)
            for (s, range) in unit.sentences.enumerated() {
                var i = range.lowerBound
                while i < range.upperBound {
                    if let c = bareCapital(tokens, at: i, unit: u, sentence: s, capitalEntries) {
                        candidates.append(c); i += 1; continue
                    }
                    // "Bellefonte, Pa.", "WILDER, Idaho —": a town below the cities' floor, named with its state.
                    if let (place, last, code, after) = town(unit.tz, at: i, end: range.upperBound) {
                        var c = Candidate(unit: u, sentence: s, first: i, last: last,
                                          entries: [Gazetteer.Entry(place: place, risk: .low, flags: [], demonym: false)],
                                          verdict: .accepted)
                        c.surface = tokens[i...last].map(\.text).joined(separator: " ")
                        c.place = place; c.explicitState = code; c.confirmed = true
                        candidates.append(c)
                        i = after
                        continue
                    }
                    guard let (entries, last) = match(unit.tz, at: i, end: range.upperBound) else {
                        // "in Broadview", "suburban Broadview": a town without its state, kept only if the story places it.
                        if let (readings, last) = bareTown(unit.tz, at: i, range: range) {
                            candidates.append(townCandidate(readings, unit: u, sentence: s, first: i, last: last, tokens))
                            i = last + 1
                        } else if u < 3, let (readings, last) = datelineTown(unit.tz, at: i, range: range) {
                            var c = townCandidate(readings, unit: u, sentence: s, first: i, last: last, tokens)
                            for e in c.entries.indices { c.entries[e].isDateline = true }
                            candidates.append(c)
                            i = last + 1
                        } else {
                            i += 1
                        }
                        continue
                    }
                    // "a complex in Baldwin" in a Michigan story: a town of a state the story names, not its bigger
                    // namesakes in states it does not name (Baldwin, NY and PA).
                    if let (readings, townLast) = namesakeTown(unit.tz, at: i, range: range, cities: entries, states: docStates) {
                        candidates.append(townCandidate(readings, unit: u, sentence: s, first: i, last: townLast, tokens))
                        i = townLast + 1
                        continue
                    }
                    var c = Candidate(unit: u, sentence: s, first: i, last: last, entries: entries, verdict: .pending)
                    c.surface = last == i ? tokens[i].text : tokens[i...last].map(\.text).joined(separator: " ")
                    judge(&c, unit: unit, range: range, titleCase: titleCase, docStates: docStates, abroad: abroad)
                    candidates.append(c)
                    i = last + 1
                    // The state after "City, " is part of this mention, never a city of its own ("Alexandria, LA").
                    if c.explicitState != nil, i < tokens.count, tokens[i].text == "," {
                        i += 1
                        if let st = gazetteer.state(in: tokens, at: i, allowPostal: true) { i += st.length }
                    }
                }
            }
        }
        let persons = Set(candidates.filter(\.person).map(\.surface))
        let surnames = Set(candidates.filter(\.surname).map(\.surface))
        for k in candidates.indices where persons.contains(candidates[k].surface) && candidates[k].explicitState == nil
            && !candidates[k].confirmed
            && (surnames.contains(candidates[k].surface)
                || candidates[k].entries.contains(where: { !$0.flags.isDisjoint(with: [.firstName, .surname]) })) {
            candidates[k].verdict = .rejected
        }
        rejectWashingtonInAStateStory(&candidates, units)
        resolveLists(&candidates, units)
        // A namesake of a foreign city in a story set abroad ("Moscow" next to "Russia") is the foreign city.
        if abroad {
            for k in candidates.indices where candidates[k].verdict == .accepted && !candidates[k].confirmed
                && candidates[k].explicitState == nil
                && candidates[k].entries.contains(where: { !$0.flags.isDisjoint(with: [.foreignCity, .country]) })
                && !candidates[k].entries.contains(where: { docStates.contains(gazetteer.places[$0.place].state) }) {
                candidates[k].verdict = .rejected
            }
        }
        // Cities named unambiguously (one reading, or an explicit state) anchor the others.
        var strong: Set<Int> = []
        for c in candidates where c.verdict == .accepted {
            let places = Set(c.entries.map { gazetteer.resolved($0.place) })
            if c.explicitState != nil { strong.insert(gazetteer.resolved(c.place)) }
            else if places.count == 1, let p = places.first { strong.insert(p) }
        }
        let anchorStates = docStates.union(strong.map { gazetteer.places[$0].state })
        // A town named without its state is the one the story names with its state elsewhere ("Bellefonte, Pa.", then
        // "in Bellefonte"), or the one reading in the suburbs (within 40 km) of a big city the story names
        // ("Broadview" in a Chicago story), or (in an enforcement story) the one reading in a state the story
        // names; otherwise it is not read at all.
        let townsWithState = Set(candidates.filter { $0.verdict == .accepted && $0.explicitState != nil }.map(\.place))
        // A suburb lies outside its city (a town point inside the city's own radius, like Baltimore's Highlandtown, is a
        // neighbourhood of it): roughly 5 km for 500,000 people, growing with the root of size.
        func radius(_ a: Int) -> Double { 5 * (Double(gazetteer.places[a].population) / 500_000).squareRoot() }
        let bigAnchors = strong.filter { gazetteer.places[$0].population >= 300_000 }
        for k in candidates.indices where candidates[k].bareTown && !candidates[k].listed {
            let readings = candidates[k].entries.filter { e in
                !bigAnchors.contains { gazetteer.distance($0, e.place) < radius($0) } }
            var placed = readings.filter { e in townsWithState.contains(e.place) || isSuburb(e.place, of: bigAnchors) }
            if placed.isEmpty, townsInNamedStates {
                placed = readings.filter { docStates.contains(gazetteer.places[$0.place].state) }
                // Readings in two named states: the one the story names more often ("in Baldwin" in a story about
                // Michigan that mentions Florida once).
                let named = placed.map { stateCounts[gazetteer.places[$0.place].state] ?? 0 }
                if let most = named.max(), named.filter({ $0 == most }).count == 1, let k = named.firstIndex(of: most) {
                    placed = [placed[k]]
                }
            }
            // "PHILIPSBURG — …" in a story that names Pittsburgh: a dateline town below the cities' floor is the one
            // reading in the state of a city the story names, within 300 km of it.
            if placed.isEmpty, readings.contains(where: \.isDateline) {
                placed = readings.filter { e in strong.contains { gazetteer.places[$0].state == gazetteer.places[e.place].state
                    && gazetteer.distance($0, e.place) < 300 } }
            }
            if placed.count == 1 {
                candidates[k].entries = placed; candidates[k].place = placed[0].place; candidates[k].verdict = .accepted
            } else {
                candidates[k].verdict = .rejected
            }
        }
        placeListedTowns(&candidates, units)
        // A pending name with a reading next to a town the story names unambiguously is that neighbour (local news:
        // "Augusta" in a story naming Grovetown).
        for k in candidates.indices where candidates[k].verdict == .pending && !candidates[k].person {
            if let e = candidates[k].entries.first(where: { e in strong.contains { $0 != gazetteer.resolved(e.place)
                && gazetteer.places[$0].population < 300_000 && gazetteer.distance($0, e.place) < 25 } }) {
                candidates[k].place = e.place; candidates[k].verdict = .accepted
            }
        }
        // The article's own cities: a pending name that is accepted elsewhere in the document.
        let accepted = Set(candidates.filter { $0.verdict == .accepted }.map { gazetteer.resolved($0.place) })
        for k in candidates.indices where candidates[k].verdict == .pending {
            let places = candidates[k].entries.map { gazetteer.resolved($0.place) }
            if let p = places.first(where: { accepted.contains($0) }) {
                candidates[k].place = p; candidates[k].verdict = .accepted
            }
        }
        // Every reading of every accepted name: homonyms that sit near each other explain each other
        // (Columbus and Norfolk, Nebraska; Paris and Jackson, Tennessee).
        var readings: [String: [Int]] = [:]
        for c in candidates where c.verdict == .accepted {
            readings[c.surface, default: []].append(contentsOf: c.explicitState != nil ? [c.place] : c.entries.map(\.place))
        }
        func support(_ place: Int, _ surface: String) -> Int {
            // Only towns support a reading: a story naming Atlanta says nothing about Dallas, Georgia.
            readings.filter { $0.key != surface && $0.value.contains {
                gazetteer.places[$0].population < 300_000 && gazetteer.distance($0, place) < 100 } }.count
        }
        // A name the story gives once with its state ("Wildwood, Florida") is that place when it comes back alone
        // ("Wildwood is in Sumter County"), whatever bigger namesake another state has.
        var stated: [String: Set<Int>] = [:]
        for c in candidates where c.verdict == .accepted && c.explicitState != nil {
            stated[c.surface, default: []].insert(gazetteer.resolved(c.place))
        }
        return candidates.filter { $0.verdict == .accepted }.compactMap { c in
            var place = gazetteer.resolved(c.place)
            if c.explicitState == nil, let named = stated[c.surface], named.count == 1, let p = named.first {
                place = p
            } else if c.explicitState == nil {
                let places = c.entries.map { gazetteer.resolved($0.place) }
                let supported = Set(c.entries.map(\.place)).map { ($0, support($0, c.surface)) }.sorted { $0.1 > $1.1 }
                // One reading in a state the story names (or a county of it names) wins over nearby towns and size.
                let named = Set(c.entries.map(\.place).filter { docStates.contains(gazetteer.places[$0].state) }.map { gazetteer.resolved($0) })
                // A reading in the suburbs (within 40 km) of a big city the story names unambiguously wins over a
                // namesake a town elsewhere supports ("Denver, Aurora and Lakewood": Colorado's Lakewood).
                let suburbs = Set(places.filter { isSuburb($0, of: strong) })
                if let p = places.first(where: { strong.contains($0) }) { place = p }
                // (Unless the other reading is a major city fifty times its size: "an ICE facility in Dallas" in an
                // Oregon story is Texas's Dallas, not Oregon's town of 15,000.)
                else if Set(places).count > 1, named.count == 1, let p = named.first,
                        !places.contains(where: { gazetteer.places[$0].population >= 500_000
                            && gazetteer.places[$0].population >= 50 * max(gazetteer.places[p].population, 1) }) { place = p }
                else if Set(places).count > 1, suburbs.count == 1, let p = suburbs.first { place = p }
                else if Set(places).count > 1, let top = supported.first, top.1 > 0,
                        supported.count < 2 || supported[1].1 < top.1 {
                    place = gazetteer.resolved(top.0)
                } else if Set(places).count > 1 {
                    guard let p = chooseConfidently(c.entries, states: anchorStates, anchors: Array(strong)) else { return nil }
                    place = gazetteer.resolved(p)
                }
            }
            // "a Home Depot store in Westlake" in a Los Angeles story: a small namesake far away, in a state the story
            // never names, of a place the story has (a neighbourhood, a street) is not read.
            if c.explicitState == nil, gazetteer.places[place].population < 100_000, Set(c.entries.map(\.place)).count == 1,
               bigAnchors.contains(where: { $0 != place }) {
                let others = strong.filter { $0 != place }
                let states = docStates.union(others.map { gazetteer.places[$0].state })
                if !states.contains(gazetteer.places[place].state), !others.contains(where: { gazetteer.distance($0, place) < 150 }) {
                    return nil
                }
            }
            return CityHit(unit: c.unit, sentence: c.sentence, first: c.first, last: c.last, place: place)
        }
    }

    /// A town (not a city of that state) named at `i` and followed by ", State": its place, its last token, the state
    /// and the token after the state.
    func town(_ tz: Tokenizer, at i: Int, end: Int) -> (Int, Int, String, Int)? {
        let tokens = tz.tokens
        guard tokens[i].kind == .word, tokens[i].isCapitalized,
              (i + 1..<min(end, i + Gazetteer.townMaxTokens + 1)).contains(where: { tokens[$0].text == "," }),
              gazetteer.townFirstWords.contains(tokens[i].lower) else { return nil }
        var n = Gazetteer.townMaxTokens
        while n >= 1 {
            defer { n -= 1 }
            let last = i + n - 1
            guard last + 2 < end, tokens[last + 1].text == ",",
                  (i...last).allSatisfy({ tokens[$0].isCapitalized || ["-", "'", "’", "."].contains(tokens[$0].text) }),
                  let readings = gazetteer.towns[tz.span(i, last).lowercased()],
                  let st = gazetteer.state(in: tokens, at: last + 2, allowPostal: true),
                  let place = readings.first(where: { gazetteer.places[$0].state == st.code }) else { continue }
            // A city of that name and state wins (the towns hold only places the cities do not).
            if gazetteer.names[tz.span(i, last)]?.contains(where: { gazetteer.places[$0.place].state == st.code }) == true { return nil }
            // "Dallas, New York City and Atlanta": a list, not a town in New York.
            let after = last + 2 + st.length
            if after < end, tokens[after].kind == .word, tokens[after].isCapitalized { return nil }
            return (place, last, st.code, after)
        }
        return nil
    }

    /// A town (1,000–9,999 people) named without its state where a place name is expected: after "in", "near",
    /// "outside", "at", "from", "into", "suburban" or "rural" (not "the Broadview center", which may name a facility of
    /// the story's city); its readings and last token. Its words are capitalised and the word after it is not.
    func bareTown(_ tz: Tokenizer, at i: Int, range: Range<Int>) -> ([Int], Int)? {
        let tokens = tz.tokens
        // The cheap tests first: this runs on every capitalised word that is no city.
        // (Also "a Bigfork construction site": a town's name as the modifier of a scene.)
        guard i > range.lowerBound + 1 else { return nil }
        let modifier = ["a", "an"].contains(tokens[i - 1].text)
        let listed = Self.listWords.contains(tokens[i - 1].text)
        guard tokens[i].kind == .word, tokens[i].isCapitalized,
              Self.townLocatives.contains(tokens[i - 1].text) || modifier || listed, tz.length(i) >= 4, !tz.isAllCaps(i),
              !Self.calendarWords.contains(tokens[i].text), gazetteer.townFirstWords.contains(tokens[i].lower) else { return nil }
        var n = min(Gazetteer.townMaxTokens, range.upperBound - i)
        while n >= 1 {
            defer { n -= 1 }
            let last = i + n - 1
            guard (i...last).allSatisfy({ tokens[$0].kind == .word && tokens[$0].isCapitalized }),
                  let readings = gazetteer.towns[tz.span(i, last).lowercased()] else { continue }
            let next = last + 1 < range.upperBound ? tokens[last + 1] : nil
            if modifier, !(next.map { $0.kind == .word && Self.sceneNouns.contains($0.text) } ?? false) { continue }
            if let next, next.kind == .word, next.isCapitalized, next.text != "ICE" { return nil }
            // "the location in Iowa": a state's own name is the state (Iowa, Louisiana is read only with its state).
            if gazetteer.stateNames[tz.span(i, last)] != nil { return nil }
            return (readings, last)
        }
        return nil
    }

    /// A town below the cities' floor as a dateline in capitals at a sentence's start, without its state
    /// ("PHILIPSBURG — …"): its readings and last token.
    func datelineTown(_ tz: Tokenizer, at i: Int, range: Range<Int>) -> ([Int], Int)? {
        let t = tz.tokens
        guard i == range.lowerBound, t[i].kind == .word, tz.length(i) >= 4, tz.isAllCaps(i) else { return nil }
        var j = i
        while j + 1 < range.upperBound, j - i < 2, t[j + 1].kind == .word, tz.length(j + 1) >= 2, tz.isAllCaps(j + 1) { j += 1 }
        guard j + 1 < range.upperBound, Self.datelineEnders.contains(t[j + 1].text),
              let readings = gazetteer.towns[tz.span(i, j).lowercased()] else { return nil }
        return (readings, j)
    }

    /// A pending candidate for a town named without its state, with its readings; the story's places decide it.
    func townCandidate(_ readings: [Int], unit: Int, sentence: Int, first: Int, last: Int, _ tokens: [Token]) -> Candidate {
        var c = Candidate(unit: unit, sentence: sentence, first: first, last: last,
                          entries: readings.map { Gazetteer.Entry(place: $0, risk: .medium, flags: [], demonym: false) },
                          verdict: .pending)
        c.surface = tokens[first...last].map(\.text).joined(separator: " ")
        c.bareTown = true
        c.listed = first > 0 && Self.listWords.contains(tokens[first - 1].text)
        return c
    }

    /// A town named without its state where a place name is expected (as `bareTown`) whose cities of the same name
    /// (`cities`, the gazetteer's match at `i`) all lie in states the story does not name, while a town reading lies
    /// in one it does: the town's readings and last token.
    func namesakeTown(_ tz: Tokenizer, at i: Int, range: Range<Int>, cities: [Gazetteer.Entry],
                      states: Set<String>) -> ([Int], Int)? {
        guard !states.isEmpty, !cities.contains(where: { states.contains(gazetteer.places[$0.place].state) }),
              let (readings, last) = bareTown(tz, at: i, range: range),
              readings.contains(where: { states.contains(gazetteer.places[$0].state) }) else { return nil }
        return (readings, last)
    }

    /// The longest gazetteer name starting at token `i`.
    func match(_ tz: Tokenizer, at i: Int, end: Int) -> ([Gazetteer.Entry], Int)? {
        let t = tz.tokens[i]
        guard t.kind == .word, t.isCapitalized else { return nil }
        if tz.length(i) >= 3, tz.isAllCaps(i) { return dateline(tz, at: i, end: end) }
        guard gazetteer.firstWords.contains(t.text) else { return nil }
        var best: ([Gazetteer.Entry], Int)?
        var n = 1
        while n <= min(gazetteer.maxTokens, end - i) {
            let key = n == 1 ? t.text : tz.span(i, i + n - 1)
            if let entries = gazetteer.names[key] {
                let places = entries.filter { !$0.demonym }
                best = places.isEmpty ? nil : (places, i + n - 1)
            }
            if !gazetteer.prefixes.contains(key) { break }
            n += 1
        }
        return best
    }

    /// A homonym's reading when the document supports it (a named state, a nearby city) or, with no hint, when the
    /// most populous reading is a big city or a state capital; nil otherwise (local news names its own Athens,
    /// Norfolk or Huntsville without a state, so a guess by size would be a coin toss).
    func chooseConfidently(_ entries: [Gazetteer.Entry], states: Set<String>, anchors: [Int]) -> Int? {
        let best = choose(entries, states: states, anchors: anchors)
        let plain = choose(entries, states: [], anchors: [])
        if best != plain || states.contains(gazetteer.places[best].state) { return best }
        let big = gazetteer.places[best].population >= 300_000 || gazetteer.capitals.contains(gazetteer.resolved(best))
        if big { return best }
        // Namesakes of one another ("Franklin Park" in Illinois, New Jersey, Pennsylvania; Newark in New Jersey, Ohio,
        // California) in a story naming a big city: the one reading in that city's suburbs (within 40 km).
        let near = Set(entries.map(\.place).filter { isSuburb($0, of: anchors) })
        if near.count == 1 { return near.first }
        return nil
    }

    /// Whether `place` lies within 40 km of one of `anchors` (other than itself) that is a big city (300,000 people).
    func isSuburb(_ place: Int, of anchors: some Sequence<Int>) -> Bool {
        anchors.contains { a in a != place && gazetteer.places[a].population >= 300_000 && gazetteer.distance(a, place) < 40 }
    }

    /// Homonyms: the most populous reading, where a reading in a state the document names counts 30 times over
    /// (Athens, TX in a Texas story; but Dallas, TX still beats Dallas, GA in a story naming Atlanta), and one
    /// within 100 km of a city the document names unambiguously counts 100 times over (local news).
    func choose(_ entries: [Gazetteer.Entry], states: Set<String>, anchors: [Int] = []) -> Int {
        // A risky nickname ("Manhattan" for New York City) yields to a town of that name in a state the story names.
        let townInState = entries.contains { $0.risk == .low && states.contains(gazetteer.places[$0.place].state) }
        func score(_ e: Gazetteer.Entry) -> Double {
            let own = gazetteer.places[e.place]
            var s = Double(max(own.population, 1)) * (states.contains(own.state) ? 30 : 1)
            if townInState, e.risk != .low, !states.contains(own.state) { s /= 1000 }
            let me = gazetteer.resolved(e.place)
            // Only small anchors say "local news": a story naming Atlanta and Dallas is national.
            if anchors.contains(where: { $0 != me && gazetteer.places[$0].population < 300_000
                                         && gazetteer.distance($0, e.place) < 100 }) { s *= 100 }
            return s
        }
        return entries.max { score($0) < score($1) }!.place
    }

    func isTitleCase(_ unit: TextUnit) -> Bool {
        // A paragraph may be a headline too (a page or a feed repeating its title as a line of its own): short, with
        // no sentence end.
        if unit.kind == .paragraph {
            guard let last = unit.tz.tokens.last(where: { !["\"", "”", "’", "'", ")"].contains($0.text) }),
                  ![".", "!", "?", ":", ";"].contains(last.text), unit.tz.tokens.count <= 30 else { return false }
        } else if unit.kind != .title && unit.kind != .heading {
            return false
        }
        var words = 0, capitalized = 0
        // A word of ≤ 3 bytes has ≤ 3 characters: only longer ones need counting.
        for (i, t) in unit.tz.tokens.enumerated() where t.kind == .word && t.end - t.start > 3 && unit.tz.length(i) > 3 {
            words += 1
            if t.isCapitalized { capitalized += 1 }
        }
        guard words >= 3 else { return false }
        return Double(capitalized) >= 0.7 * Double(words)
    }

    /// "arrested in Ferndale, Everson, Maple Falls and Burlington": in a list of three or more places, a name not
    /// read on its own (a small town, a homonym held back) is the reading in the state of a place of the list that
    /// is read, within 300 km of it. Towns named after a list's comma are read only so.
    func placeListedTowns(_ candidates: inout [Candidate], _ units: [TextUnit]) {
        func joined(_ a: Candidate, _ b: Candidate) -> Bool {
            guard a.unit == b.unit, a.sentence == b.sentence, b.first > a.last, b.first - a.last <= 3 else { return false }
            let t = units[a.unit].tz.tokens
            return (a.last + 1..<b.first).allSatisfy { Self.listWords.contains(t[$0].text) || t[$0].text == "&" }
        }
        var k = 0
        while k < candidates.count {
            // The run of candidates joined by list words from k.
            var end = k
            while end + 1 < candidates.count, joined(candidates[end], candidates[end + 1]) { end += 1 }
            defer { k = end + 1 }
            guard end - k >= 2 else { continue }
            let anchors = (k...end).filter { candidates[$0].verdict == .accepted && candidates[$0].place >= 0 }
                .map { gazetteer.resolved(candidates[$0].place) }
            guard let anchor = anchors.first else { continue }
            // "in Pitkin, Eagle and Garfield counties": a list of counties, not of towns.
            let t = units[candidates[end].unit].tz.tokens
            if candidates[end].last + 1 < t.count, ["counties", "county", "parishes"].contains(t[candidates[end].last + 1].lower) { continue }
            let state = gazetteer.places[anchor].state
            for j in k...end where candidates[j].verdict != .accepted && !candidates[j].person && !candidates[j].surname {
                // Its city readings, and its town readings (Burlington, WA, below the floor beside the bigger ones).
                let readings = candidates[j].entries.map(\.place) + (gazetteer.towns[candidates[j].surface.lowercased()] ?? [])
                if let p = readings.first(where: { p in gazetteer.places[p].state == state
                    && anchors.contains { a in gazetteer.distance(a, p) < 300 } }) {
                    candidates[j].entries = [Gazetteer.Entry(place: p, risk: .medium, flags: [], demonym: false)]
                    candidates[j].place = p; candidates[j].verdict = .accepted
                }
            }
        }
        for j in candidates.indices where candidates[j].listed && candidates[j].verdict != .accepted {
            candidates[j].verdict = .rejected
        }
    }

    /// Names in a list with accepted cities ("in New York and Los Angeles") are cities too.
    func resolveLists(_ candidates: inout [Candidate], _ units: [TextUnit]) {
        for _ in 0..<2 {
            for k in candidates.indices where candidates[k].verdict == .pending {
                let c = candidates[k]
                let tokens = units[c.unit].tz.tokens
                for other in [k - 1, k + 1] where other >= 0 && other < candidates.count {
                    let o = candidates[other]
                    guard o.verdict == .accepted, o.unit == c.unit, o.sentence == c.sentence else { continue }
                    let (a, b) = o.first > c.last ? (c.last + 1, o.first) : (o.last + 1, c.first)
                    guard b - a >= 1, b - a <= 2 else { continue }
                    if (a..<b).allSatisfy({ [",", "and", "or", "&", ";"].contains(tokens[$0].text) }) {
                        candidates[k].verdict = .accepted
                        if candidates[k].place < 0 { candidates[k].place = c.entries[0].place }
                        break
                    }
                }
            }
        }
    }
}
