import Foundation

/// Press conventions around city names: datelines ("CHARLESTON, W.Va. --"), a bare "D.C.", "Washington" in a story
/// about the state, papers named after their city ("told the Phoenix"), agencies' offices ("ERO Boston") and postal
/// addresses ("Chapel Hill, NC 27517").
extension CityRecognizer {
    /// A dateline in capitals: "CHARLESTON, W.Va. --", "NEWARK --", "KANSAS CITY, Mo. —", "LEBANON (AP)".
    func dateline(_ tz: Tokenizer, at i: Int, end: Int) -> ([Gazetteer.Entry], Int)? {
        let t = tz.tokens
        var j = i
        while j + 1 < end, j - i < 3, t[j + 1].kind == .word, tz.length(j + 1) >= 2, tz.isAllCaps(j + 1) { j += 1 }
        let next = j + 1 < end ? t[j + 1].text : ""
        // "KANSAS CITY, Mo. —", and the postal code some sites use ("DENVER, CO —") when a dash or "(AP)" follows it.
        let stateAfter = next == "," && (gazetteer.state(in: t, at: j + 2, allowPostal: false) != nil
            || (gazetteer.state(in: t, at: j + 2, allowPostal: true) != nil && j + 3 < end
                && Self.datelineEnders.contains(t[j + 3].text)))
        let sentenceStart = i == 0 || t[i - 1].kind == .number || [".", "!", "?", "\u{201D}"].contains(t[i - 1].text)
        // "NEWARK  It was …": a dateline run straight into the first sentence.
        let intoSentence = sentenceStart && j + 1 < end && t[j + 1].isCapitalized && !tz.isAllCaps(j + 1)
        guard stateAfter || intoSentence || Self.datelineEnders.contains(next) else { return nil }
        if i > 0, t[i - 1].kind == .word { return nil }
        let name = t[i...j].map { $0.text.prefix(1) + $0.text.dropFirst().lowercased() }.joined(separator: " ")
        guard var entries = gazetteer.names[name]?.filter({ !$0.demonym }), !entries.isEmpty else { return nil }
        // AP style: the cities that stand alone in datelines ("WASHINGTON —") are the well-known ones.
        if !stateAfter, Self.standAloneDatelines.contains(name),
           let famous = entries.max(by: { gazetteer.places[$0.place].population < gazetteer.places[$1.place].population }) {
            entries = [famous]
        }
        return (entries.map { var e = $0; e.isDateline = true; return e }, j)
    }

    /// What ends a dateline's place: a dash, or "(" of "(AP)".
    static let datelineEnders: Set<String> = ["-", "—", "–", "(", "--"]

    /// The US cities AP style lets stand alone in a dateline, without their state.
    static let standAloneDatelines: Set<String> = [
        "Atlanta", "Baltimore", "Boston", "Chicago", "Cincinnati", "Cleveland", "Dallas", "Denver", "Detroit",
        "Honolulu", "Houston", "Indianapolis", "Las Vegas", "Los Angeles", "Miami", "Milwaukee", "Minneapolis",
        "New Orleans", "New York", "Oklahoma City", "Philadelphia", "Phoenix", "Pittsburgh", "St. Louis",
        "Salt Lake City", "San Antonio", "San Diego", "San Francisco", "Seattle", "Washington",
    ]

    /// A bare "D.C." ("800 D.C. Guard members", "D.C. police") is the capital; after "Washington," it is the state part.
    func bareCapital(_ tokens: [Token], at i: Int, unit u: Int, sentence s: Int, _ capitalEntries: [Gazetteer.Entry]) -> Candidate? {
        guard tokens[i].text == "D.C.", i == 0 || tokens[i - 1].text != ",", let capital = capitalEntries.first else { return nil }
        var c = Candidate(unit: u, sentence: s, first: i, last: i, entries: capitalEntries, verdict: .accepted)
        c.explicitState = "DC"; c.place = capital.place; c.confirmed = true; c.surface = "D.C."
        return c
    }

    /// A story about Washington state: a bare "Washington" is the state, not the capital.
    func rejectWashingtonInAStateStory(_ candidates: inout [Candidate], _ units: [TextUnit]) {
        // "detained in Washington or Montana", "Oregon and Washington": the state, in a list of states.
        for k in candidates.indices where candidates[k].surface == "Washington" && candidates[k].explicitState == nil {
            let t = units[candidates[k].unit].tz.tokens
            let (a, b) = (candidates[k].first, candidates[k].last)
            let after = b + 2 < t.count && ["or", "and", "&"].contains(t[b + 1].text) && gazetteer.stateNames[t[b + 2].text] != nil
                && t[b + 2].text != "Washington"
            let before = a >= 2 && ["or", "and", "&"].contains(t[a - 1].text) && gazetteer.stateNames[t[a - 2].text] != nil
            if after || before { candidates[k].verdict = .rejected }
        }
        // A story about the state says so: "Washington state", "arrests across Washington", "in eastern Washington"
        // (unless it names the capital too: "Washington, D.C.", "DC").
        let stateWords: Set<String> = ["across", "throughout", "statewide", "eastern", "western", "central", "rural"]
        func namesState(_ t: [Token], _ i: Int) -> Bool {
            t[i].text == "Washington" && ((i + 1 < t.count && t[i + 1].text == "state") || (i >= 1 && stateWords.contains(t[i - 1].text)))
        }
        func namesCapital(_ t: [Token], _ i: Int) -> Bool {
            ["D.C.", "D.C", "DC"].contains(t[i].text) || (t[i].text == "District" && i + 2 < t.count && t[i + 2].text == "Columbia")
        }
        guard candidates.contains(where: { $0.surface == "Washington" }),
              units.contains(where: { u in u.tz.tokens.indices.contains { namesState(u.tz.tokens, $0) } }),
              !units.contains(where: { u in u.tz.tokens.indices.contains { namesCapital(u.tz.tokens, $0) } }) else { return }
        for k in candidates.indices where candidates[k].surface == "Washington" && candidates[k].explicitState == nil {
            candidates[k].verdict = .rejected
        }
    }

    /// Words after "the City" that show it is a paper ("told the Phoenix that …", "reported to the Phoenix.").
    static let paperFollowers: Set<String> = ["in", "on", "that", "about", "said", "says", "reported", "and", "with",
                                              "for", "at", "by"]

    /// A paper named after its city (a place takes no article), or an agency's office ("ERO Boston",
    /// "Enforcement and Removal Operations (ERO) Boston", "the FBI's Boston division").
    func isPaperOrOffice(_ c: Candidate, _ tokens: [Token], prev: Token?, next: Token?) -> Bool {
        if let prev, prev.text == "the", c.first == c.last,
           next.map({ ($0.kind == .punct && !["-", "'s", "’s"].contains($0.text)) || Self.paperFollowers.contains($0.text) }) ?? true {
            return true
        }
        guard let prev else { return false }
        // "told the Phoenix Thursday": one tells a paper, not a place.
        if prev.text == "the", c.first == c.last, c.first >= 2, ["told", "tells", "telling"].contains(tokens[c.first - 2].lower) {
            return true
        }
        return Self.agencyPrefixes.contains(prev.text) || ([")", "'s", "’s"].contains(prev.text) && c.first >= 2
            && Self.agencyPrefixes.contains(tokens[c.first - 2].text))
    }

    /// "Chapel Hill, NC 27517": a postal address (a station's or a shop's), not a place of the story.
    func isPostalAddress(_ tokens: [Token], stateAt: Int, _ range: Range<Int>) -> Bool {
        guard let st = gazetteer.state(in: tokens, at: stateAt, allowPostal: true), stateAt + st.length < range.upperBound
        else { return false }
        let after = tokens[stateAt + st.length]
        return after.kind == .number && after.text.count == 5
    }
}
