import Foundation

/// Judges recognised numbers: a figure measures something (a measure label) about a city or the nation.
struct FigureExtractor: Sendable {
    let gazetteer: Gazetteer

    /// Words that end a measure phrase after a number.
    static let stopWords: Set<String> = [
        "of", "in", "to", "for", "from", "at", "on", "with", "by", "and", "or", "than", "that", "who", "which", "were",
        "was", "are", "is", "have", "has", "had", "will", "would", "said", "per", "a", "an", "the", "last", "this",
        "each", "since", "over", "across", "during", "as", "into", "under", "after", "before", "while", "but", "be",
        "been", "being", "it", "its", "their", "his", "her", "they", "we", "he", "she", "so", "compared", "according",
        "such", "these", "those", "when", "where", "between", "among", "through", "nationwide", "statewide", "already",
        "more", "less", "fewer", "out", "up", "down", "about", "around", "across", "only", "also", "now", "still",
        // verbs that end a noun phrase ("150 officers took part"); regular past tenses end it after "-ed"
        "took", "take", "takes", "made", "make", "makes", "began", "went", "came", "gave", "got", "did", "do", "does",
        "can", "could", "may", "might", "must", "should", "shall", "stay", "stays", "stayed", "remain", "remains",
        "remained", "joined", "arrived", "including", "included", "includes",
        // negated auxiliaries ("the 99 detainees figure doesn't include …")
        "doesn't", "doesn’t", "don't", "don’t", "didn't", "didn’t", "isn't", "isn’t", "wasn't", "wasn’t", "aren't",
        "aren’t", "weren't", "weren’t", "won't", "won’t", "hasn't", "hasn’t", "haven't", "haven’t",
    ]
    /// Measures that are really spans of time or multipliers, not things counted.
    static let nonMeasures: Set<String> = [
        "year", "years", "month", "months", "week", "weeks", "day", "days", "hour", "hours", "minute", "minutes",
        "second", "seconds", "times", "time", "percent", "percentage", "points", "point", "am", "pm", "o'clock",
        "decade", "decades", "century", "yards", "feet", "miles", "mile", "inches", "pounds", "ounces", "degrees",
        "th", "st", "nd", "rd", "s", "one", "ones", "other", "others", "block", "blocks", "inch", "inches", "foot",
        "square-foot", "square-feet", "acre", "mph", "degree", "year-old", "years-old", "month-old", "day-old",
        "page", "pages", "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "today",
        "yesterday", "tonight", "tomorrow", "p.m.", "a.m.",
        // "have at least one charge", "one prior conviction": a person's record, not a count of the operation.
        "charge", "conviction", "offense", "felony", "misdemeanor",
    ]
    /// Words before a participle that make the counted people its object ("were arrested", "they detained").
    /// ("the 2,200 people the Denver ICE office arrested": an agency as the subject of an object clause.)
    static let passiveMarks: Set<String> = ["were", "was", "been", "being", "are", "is", "got", "later", "they", "we",
                                            "agents", "officers", "ice", "authorities", "office", "agency", "patrol",
                                            "officials", "dhs", "cbp"]
    /// Verbs that end a measure phrase once it has begun ("250 agents plan to …").
    static let phraseVerbs: Set<String> = ["plan", "plans", "aim", "aims", "want", "wants", "need", "needs", "expect",
                                           "expects", "face", "faces", "defied", "remain", "against", "arrive", "arrives"]
    /// Words that end a measure phrase once it has begun (time words, adverbs of place).
    static let phraseEnds: Set<String> = ["today", "yesterday", "tonight", "tomorrow", "monday", "tuesday", "wednesday",
                                         "thursday", "friday", "saturday", "sunday", "throughout", "short", "apiece",
                                         "annually", "each", "total", "overall", "alone", "ago", "earlier", "later",
                                         "figure", "figures", "tally", "some", "many", "most"]
    static let changeNouns: Set<String> = ["rise", "increase", "drop", "decrease", "decline", "jump", "surge", "fall",
                                          "spike", "growth", "reduction", "uptick", "gain", "dip", "cut", "boost", "hike",
                                          "climb", "plunge", "downturn", "upswing"]
    /// The token after the period words that may stand between a percent and its change noun ("136% year-over-year
    /// increase", "a 20% annual rise"), or `k` itself when there are none.
    static func pastPeriodWords(_ t: [Token], from k: Int, _ range: Range<Int>) -> Int {
        guard k < range.upperBound else { return k }
        if ["annual", "yearly", "monthly", "weekly", "quarterly", "year-over-year", "year-on-year"].contains(t[k].lower) { return k + 1 }
        // "year-over-year" in tokens: year, a hyphen, over/on, a hyphen, year.
        if k + 4 < range.upperBound, ["year", "month"].contains(t[k].lower), ["over", "on", "to"].contains(t[k + 2].lower),
           t[k + 4].lower == t[k].lower, [k + 1, k + 3].allSatisfy({ ["-", "‑", "–"].contains(t[$0].text) }) {
            return k + 5
        }
        return k
    }
    static let changeVerbs: Set<String> = ["rose", "fell", "increased", "decreased", "dropped", "jumped", "grew", "declined",
                                          "climbed", "surged", "soared", "plunged", "spiked", "doubled", "tripled",
                                          "rises", "falls", "increases", "decreases", "drops", "jumps", "grows", "declines",
                                          "climbs", "surges", "soars", "plunges", "totaled", "totalled", "reached", "hit",
                                          "rising", "falling", "climbing", "growing", "jumping", "increasing", "dropping",
                                          "topped", "numbered", "surging", "soaring", "spiking", "skyrocketed", "skyrocketing",
                                          "quadrupled", "doubling", "tripling", "plunging", "declining"]
    /// Words of holding people in detention, which make a capacity or a daily rate one of detention.
    static let detentionWords: Set<String> = ["hold", "holds", "held", "house", "houses", "detain", "detainees", "detention",
                                              "custody", "jail"]
    /// Words that make a capacity one of detention ("capacity for 236 adults" at a center that holds people).
    static let holdingWords = detentionWords.union(["detained", "processing", "center", "facility", "ice"])
    static let actionVerbs: Set<String> = ["arrested", "detained", "deported", "removed", "apprehended", "deployed",
                                          "assigned", "booked", "held", "released", "targeted", "charged", "sent",
                                          "processed", "screened", "transferred", "expelled", "captured"]
    /// Other forms of the action verbs and the participle they give ("plan to detain 5,000 people", "detaining 130").
    static let actionForms: [String: String] = [
        "detain": "detained", "detaining": "detained", "arrest": "arrested", "arresting": "arrested", "deport": "deported",
        "deporting": "deported", "remove": "removed", "removing": "removed", "apprehend": "apprehended",
        "apprehending": "apprehended", "target": "targeted", "targeting": "targeted", "targets": "targeted",
        "release": "released", "releasing": "released", "jailed": "detained", "nabbed": "arrested", "rounded": "detained",
        "detains": "detained", "deports": "deported", "removes": "removed",
        "apprehends": "apprehended", "nabs": "arrested",
        // "picked up 441 people", "returning 122 illegal aliens to China"
        "picked": "arrested", "returning": "removed",
        "captures": "arrested", "capturing": "arrested",
        // "with around 870 individuals housed as of August": people held in detention.
        "housed": "detained",
    ]
    /// Words before a verb of holding that make it a capacity ("will hold", "can house"), not people held now.
    static let modalWords: Set<String> = ["will", "would", "can", "could", "to", "may", "might"]
    static let genericNouns: Set<String> = ["people", "individuals", "persons", "immigrants", "migrants", "residents",
                                           "workers", "men", "women", "children", "noncitizens", "families", "citizens",
                                           "u.s. citizens", "americans", "adults", "teenagers", "minors", "students"]

    /// A US broadcaster's call sign: K or W and two or three more capitals ("KHOU", "WFAA", "WSB").
    static func isCallSign(_ word: String) -> Bool {
        let b = Array(word.utf8)
        return (3...4).contains(b.count) && (b[0] == UInt8(ascii: "K") || b[0] == UInt8(ascii: "W"))
            && b.allSatisfy { (0x41...0x5A).contains($0) }
    }

    /// The action verb of a relative clause starting at `k` ("who are being detained", "who've been arrested").
    func relativeVerb(after k: Int, _ tz: Tokenizer, _ range: Range<Int>) -> String? {
        let t = tz.tokens
        guard k < range.upperBound, ["who", "that", "who've", "who’ve", "who'd", "who’d"].contains(t[k].lower) else { return nil }
        var v = k + 1
        while v < min(range.upperBound, k + 5), Self.relativeAuxiliaries.contains(t[v].lower) { v += 1 }
        return v < range.upperBound && Self.actionVerbs.contains(t[v].lower) ? t[v].lower : nil
    }

    /// Auxiliaries of a relative clause before its verb ("who are being detained", "who've been arrested").
    static let relativeAuxiliaries: Set<String> = ["are", "were", "is", "was", "have", "has", "had", "been", "being",
                                                   "be", "later", "since", "already", "recently"]

    /// People an age bounds ("children under 18", "adults over 65").
    static let agedNouns: Set<String> = ["children", "child", "minors", "kids", "teens", "teenagers", "youths", "adults",
                                         "people", "those", "anyone", "migrants", "immigrants", "students", "boys", "girls"]

    /// The measure label for the number `n` in `range` of `tz`, or nil when it measures nothing.
    func measure(for n: RecognizedNumber, in tz: Tokenizer, range: Range<Int>) -> String? {
        let t = tz.tokens
        var k = n.last + 1
        // "told KHOU 11 News", "WSB 2": a broadcaster's channel number after its call sign.
        if n.first > range.lowerBound, Self.isCallSign(t[n.first - 1].text) { return nil }
        // "ABC 7 reported", "FOX 5 learned": a network's channel, named as the one who reports.
        if n.first > range.lowerBound, (2...5).contains(t[n.first - 1].text.utf8.count), tz.isAllCaps(n.first - 1),
           k < range.upperBound, Self.sayingVerbs.contains(t[k].lower) || t[k].lower == "learned" { return nil }
        // "MS-13", "COVID-19", "I-95": a number joined to a capitalised code is part of a name.
        if n.first - 2 >= range.lowerBound, t[n.first - 1].text == "-", !t[n.first - 1].spaceBefore, !t[n.first].spaceBefore,
           t[n.first - 2].kind == .word, tz.isAllCaps(n.first - 2) { return nil }
        // Past the period words between a percent and its change: "136% year-over-year increase".
        let c = Self.pastPeriodWords(t, from: k, range)
        // "18 to 65 years old", "at least 60 days": a span of time or an age, whatever the sentence says.
        // ("136% year-over-year increase" is a change, not a span of years.)
        if k < range.upperBound, Self.nonMeasures.contains(t[k].lower), c == k { return nil }
        // "50 children under 18", "adults over 65", "those aged 16": an age after the people it bounds.
        for q in [n.first, n.first - 1] where q - 1 >= range.lowerBound && q <= n.last {
            if ["under", "over", "aged", "younger", "older"].contains(t[q].lower), Self.agedNouns.contains(t[q - 1].lower) { return nil }
        }
        // "11 people have died in ICE custody": deaths, not detentions.
        if (k..<min(range.upperBound, k + 4)).contains(where: { ["died", "dead", "killed", "deaths"].contains(t[$0].lower) }) { return nil }
        // "Almost half of those in ICE custody — 47% — have no record", "Most of the people being held, over 70%, were
        // arrested inside the country": a share set off after the people it divides.
        if let share = appositiveShare(n, t, range) { return share }
        // "15 % rise in arrests" → arrests ("a 136% year-over-year increase in arrests" too)
        if c < range.upperBound, Self.changeNouns.contains(t[c].lower), c + 1 < range.upperBound,
           ["in", "of"].contains(t[c + 1].lower), let np = phrase(tz, from: c + 2, range) {
            return np
        }
        // "136% year-over-year increase: …": the change itself, as "136% increase" is.
        if n.unit == .percent, c != k, c < range.upperBound, Self.changeNouns.contains(t[c].lower) { return t[c].lower }
        // "a rise of 50 percent in arrests"
        if n.unit == .percent, k + 1 < range.upperBound, t[k].lower == "in", n.first - 2 >= range.lowerBound,
           t[n.first - 1].lower == "of", Self.changeNouns.contains(t[n.first - 2].lower), let np = phrase(tz, from: k + 1, range) {
            return np
        }
        // "31% more deportations"
        if n.unit == .percent, k < range.upperBound, ["more", "fewer", "less", "higher", "lower"].contains(t[k].text.lowercased()),
           let np = phrase(tz, from: k + 1, range) {
            return np
        }
        // "the majority, or about 57%, of those arrested": the share's "of" past the appositive's comma.
        if n.unit == .percent, k + 3 < range.upperBound, t[k].text == ",", t[k + 1].lower == "of", t[k + 2].lower == "those",
           Self.actionVerbs.contains(t[k + 3].lower) { return "people " + t[k + 3].lower }
        // "30% of those who've been arrested"
        if n.unit == .percent, k + 2 < range.upperBound, t[k].lower == "of", t[k + 1].lower == "those",
           let verb = relativeVerb(after: k + 2, tz, range) { return "people " + verb }
        // "15% of arrests"
        if n.unit == .percent, k < range.upperBound, t[k].lower == "of", let (np, end) = phraseSpan(tz, from: k + 1, range) {
            // "90% of the individuals they detained", "75 percent of immigrants arrested in Michigan"
            if !Self.isEnforcementMeasure(np), let verb = verbAround(n, tz, range) { return np + " " + verb }
            if !Self.isEnforcementMeasure(np), end < range.upperBound, Self.actionVerbs.contains(t[end].lower) {
                return np + " " + t[end].lower
            }
            // "70% of the people who are being detained": a relative clause's verb.
            if !Self.isEnforcementMeasure(np), let verb = relativeVerb(after: end, tz, range) { return np + " " + verb }
            return np
        }
        // "Only 13% committed violent crimes", "Nearly 60% have no criminal convictions": a share of those arrested.
        if n.unit == .percent, k < range.upperBound, t[k].lower != "of", isRecordShare(n, tz, range) { return "arrestees" }
        // "277 of those arrested", "131 had been arrested", "Among those arrested, 262 had …": a subset or a count of
        // people whose verb names the measure.
        if let subset = subsetMeasure(n, tz, range) { return subset }
        // "will hold as many as 280 people", "capable of holding up to 1,500 people", "can initially house 1,000
        // individuals": what a place can hold, its detention beds (not "held 358 people", who were held).
        if n.unit == .count, let people = phraseSpan(tz, from: k, range)?.0,
           Self.genericNouns.contains(people) || ["detainees", "inmates", "detained"].contains(people) {
            var v = n.first - 1
            if v > range.lowerBound, t[v].lower.hasSuffix("ly") { v -= 1 }   // "initially house"
            if v > range.lowerBound, ["hold", "holding", "house", "housing", "accommodate", "accommodating"].contains(t[v].lower),
               Self.modalWords.contains(t[v - 1].lower) || ["of", "able", "eventually", "initially"].contains(t[v - 1].lower) {
                return "detention beds"
            }
        }
        // "capacity for 236 adults", "room for 400 detainees": the beds of a place that holds people.
        // ("a facility designed for 1,089 people", "a jail built for 500")
        if n.unit == .count, n.first - 2 >= range.lowerBound, t[n.first - 1].lower == "for",
           ["capacity", "room", "space", "designed", "built"].contains(t[n.first - 2].lower),
           range.contains(where: { Self.holdingWords.contains(t[$0].lower) }) { return "detention beds" }
        if let quota = quotaOf(n, tz, range) { return quota }
        // "the number of immigrant arrests in Indiana this year (1,830)": a number in brackets after "the number of …".
        if n.first - 1 >= range.lowerBound, t[n.first - 1].text == "(", k < range.upperBound, t[k].text == ")",
           let of = numberOf(before: n.first - 1, tz, range), let np = phrase(tz, from: of + 1, range) { return np }
        if k < range.upperBound, ["in", "for"].contains(t[k].lower), n.unit == .usd,
           let np = phrase(tz, from: k + 1, range) {
            // "$170 billion for Trump's immigration crackdown", "$30 billion for ICE": money for enforcement.
            if !Self.isEnforcementMeasure(np), np.split(separator: " ").contains(where: {
                Self.enforcementAdjectives.contains(String($0)) || $0.hasSuffix("’s") == false && Self.enforcementAdjectives.contains(String($0.split(separator: "'").first ?? "")) }) {
                return "funding"
            }
            return np
        }
        if k < range.upperBound, t[k].text == "-", !t[k].spaceBefore {
            // "a 600-bed detention center": the beds are the measure.
            if n.unit == .count, k + 1 < range.upperBound, ["bed", "beds"].contains(t[k + 1].lower) { return "detention beds" }
            // "a 200-member Oregon National Guard deployment", "a 300-strong force of agents": the people in it.
            if n.unit == .count, k + 1 < range.upperBound, ["member", "strong", "person", "soldier", "troop", "agent",
                                                             "officer"].contains(t[k + 1].lower) {
                let np = phrase(tz, from: k + 2, range) ?? ""
                return Self.isEnforcementMeasure(np) ? np : nil
            }
            // "6-inch main", "34,000-square-foot store", "23-year-old": a size or an age, not a count.
            if n.unit == .count, k + 1 < range.upperBound, t[k + 1].kind == .word { return nil }
            k += 1   // "$5-million grant"
        }
        // "six more arrests", "200 additional agents": an increment, never the running total.
        if n.unit == .count, k < range.upperBound, Self.incrementWords.contains(t[k].lower),
           let (np, end) = phraseSpan(tz, from: k + 1, range) {
            if let force = forceMembers(np, end: end, tz, range) { return "additional " + force }
            let verb = !Self.isEnforcementMeasure(np) ? verbAround(n, tz, range) ?? actionBefore(n, tz, range) : nil
            return "additional " + np + (verb.map { " " + $0 } ?? "")
        }
        if let (np, end) = phraseSpan(tz, from: k, range) {
            // "an earlier estimate of over 400 provided to reporters": the count's noun, not the words after it.
            if !Self.isEnforcementMeasure(np), let counted = countOf(n, tz, range) { return counted }
            let rate = rate(after: end, tz, range).map { " " + $0 } ?? ""
            // "the release of 12 detainees": people let go, not taken.
            if (max(range.lowerBound, n.first - 3)..<n.first).contains(where: { ["release", "released", "freed", "free"].contains(t[$0].text.lowercased()) }) {
                return np + " released"
            }
            // "the detention of three U.S. citizens", "the apprehension of 1,204 people"
            if let action = actionBefore(n, tz, range) { return np + " " + action + rate }
            // "30 people arrested" / "arrested 30 people" → "people arrested"
            if Self.genericNouns.contains(np) {
                if let verb = verbAround(n, tz, range) { return np + " " + verb + rate }
                // "21,300 people in immigration detention", "600 migrants in ICE custody": people held.
                if end + 1 < range.upperBound, t[end].lower == "in",
                   let held = (end + 1..<min(range.upperBound, end + 4)).first(where: { ["detention", "custody"].contains(t[$0].lower) }),
                   (end + 1..<held).allSatisfy({ t[$0].kind == .word && !Self.stopWords.contains(t[$0].lower) || ["ice", "federal"].contains(t[$0].lower) }) {
                    return np + " in detention"
                }
                // "triple the number of daily arrests to 3,000 people"
                if let changed = changedSubject(n, tz, range), Self.isEnforcementMeasure(changed) { return changed + rate }
                // "home to 80,000 immigrants": people counted, but no enforcement measured.
                return nil
            }
            // "arrested four employees": workers taken in a raid, not the agency's staff.
            if np == "employees" || np.hasSuffix(" employees"), let verb = verbAround(n, tz, range) { return np + " " + verb + rate }
            // "1,406 illegal aliens were arrested", "targeting 100 members": the verb names what the noun does not.
            if !Self.isEnforcementMeasure(np) {
                if let force = forceMembers(np, end: end, tz, range) { return force + rate }
                if let verb = verbAround(n, tz, range) { return np + " " + verb + rate }
                // "a $170 billion immigration and border enforcement package": the money's noun ends the phrase.
                if let money = moneyMeasure(n, tz, range) { return money }
                // "200 Customs and Border Protection agents": the counted noun ends an agency's name.
                if let noun = nounAfterName(n, tz, range) { return noun }
                // "20,000 law enforcement and support personnel": a force noun after "and" and a modifier or two.
                if end + 1 < range.upperBound, t[end].lower == "and",
                   let force = (end + 1..<min(range.upperBound, end + 4)).first(where: { ["personnel", "agents", "officers", "troops", "staff"].contains(t[$0].lower) }),
                   (end + 1..<force).allSatisfy({ t[$0].kind == .word && !Self.stopWords.contains(t[$0].lower) }) {
                    return t[force].lower + rate
                }
            }
            return np + rate
        }
        // "ICE held 358 and 353 people": a count that shares the noun of the count after "and" or "or".
        // ("a 700% and 300% increase": a percent shares the change noun after the second.)
        let pairNoun = k + 2 < range.upperBound && n.unit == .percent && ["%", "percent"].contains(t[k + 2].lower) ? k + 3 : k + 2
        if k + 1 < range.upperBound, ["and", "or"].contains(t[k].lower), t[k + 1].kind == .number,
           let (np, _) = phraseSpan(tz, from: pairNoun, range) {
            if Self.isEnforcementMeasure(np) || (n.unit == .percent && Self.changeNouns.contains(np)) { return np }
            if Self.genericNouns.contains(np), let verb = verbAround(n, tz, range) { return np + " " + verb }
        }
        // "a total of 300", "an earlier count of over 300"
        if let counted = countOf(n, tz, range) { return counted }
        // "ICE arrests more than 1,400 in Massachusetts", "the average daily arrests of 656"
        if let bare = bareCount(n, tz, range) { return bare }
        // "the operation will cost $2.5 million"
        if let money = moneyMeasure(n, tz, range) { return money }
        // "arrests rose 15%", "deportations from Chicago increased by 27%", "the number of agents rose to 160"
        return changedSubject(n, tz, range)
    }

    /// "140 members of the Tennessee National Guard", "members of the Marines": a force's members are its troops.
    func forceMembers(_ np: String, end: Int, _ tz: Tokenizer, _ range: Range<Int>) -> String? {
        let t = tz.tokens
        guard np == "members" || np.hasSuffix(" members"), end + 1 < range.upperBound, t[end].lower == "of" else { return nil }
        var j = end + 1
        if t[j].lower == "the" { j += 1 }
        let stop = min(range.upperBound, j + 5)
        while j < stop, t[j].kind == .word, t[j].isCapitalized {
            if ["Guard", "Marines", "Army", "Corps"].contains(t[j].text) { return "guard members" }
            j += 1
        }
        return nil
    }

    func verbAround(_ n: RecognizedNumber, _ tz: Tokenizer, _ range: Range<Int>) -> String? {
        let t = tz.tokens
        // "to search for more than 100 members of the gang": the people sought are the operation's targets.
        if n.first - 2 >= range.lowerBound, t[n.first - 1].lower == "for",
           ["search", "searching", "searched", "hunt", "hunting", "looking"].contains(t[n.first - 2].lower) { return "targeted" }
        // "held a total of 19 people for ICE", "arrested a total of 300 people": the verb before the total.
        var first = n.first
        if first - 3 >= range.lowerBound, t[first - 1].lower == "of", ["total", "number"].contains(t[first - 2].lower),
           ["a", "the"].contains(t[first - 3].lower) { first -= 3 }
        // "held 358 and 353 people": the second count of a pair has the first one's verb.
        if first - 3 >= range.lowerBound, ["and", "or"].contains(t[first - 1].lower), t[first - 2].kind == .number { first -= 2 }
        // "three detention centers house a total of 1,820 people", "the jail holds 85 detainees": people held now.
        if first - 1 >= range.lowerBound, ["house", "houses", "holds"].contains(t[first - 1].lower),
           !(first - 2 >= range.lowerBound && Self.modalWords.contains(t[first - 2].lower)) {
            return "held"
        }
        // "ICE arrests 2 more asylum seekers": a headline's verb after the agency.
        if first - 2 >= range.lowerBound, t[first - 1].lower == "arrests", ["ICE", "CBP", "agents", "Patrol"].contains(t[first - 2].text) {
            return "arrested"
        }
        for k in [first - 1, first - 2] where k >= range.lowerBound {
            // "319 people were arrested and 14 children were rescued": the verb is the clause before's.
            if k == first - 2, [",", "and", "or", "but", "while"].contains(t[first - 1].lower) { break }
            let w = t[k].lower
            if Self.actionVerbs.contains(w) { return w }
            if let form = Self.actionForms[w] { return form }
        }
        var start = n.last + 2
        // "Thirteen individuals, including two minors, were taken into custody": the verb after an appositive.
        if start + 1 < range.upperBound, t[start].text == ",", ["including", "among"].contains(t[start + 1].lower) {
            var j = start + 2
            while j < min(range.upperBound, start + 14), ![",", ";", "—"].contains(t[j].text) { j += 1 }
            if j < range.upperBound, t[j].text == "," { start = j + 1 }
        }
        var k = start
        while k < min(range.upperBound, start + 5) {
            let w = t[k].lower
            // The people are acted on: "30 people arrested", "130 people were detained", not "31 agencies have arrested".
            let passive = k == start || Self.passiveMarks.contains(t[k - 1].lower)
                || (t[k - 1].lower.hasSuffix("ly") && Self.passiveMarks.contains(t[k - 2].lower))
            if Self.actionVerbs.contains(w) { return passive ? w : nil }
            // "870 individuals housed as of August", "57,861 people jailed nationwide": another participle of holding.
            if passive, w.hasSuffix("ed"), let form = Self.actionForms[w] { return form }
            if w == "custody" { return "detained" }   // "took 130 people into custody"
            // "1,400 people in Indiana have been subject to ICE administrative arrest"
            if w == "subject", k + 1 < range.upperBound, t[k + 1].lower == "to",
               let done = (k + 2..<min(range.upperBound, k + 6)).lazy.compactMap({ Self.actionNouns[t[$0].lower] }).first {
                return done
            }
            // "ICE has 51,200 migrants in its detention centers": people held there.
            if w == "detention", t[start].lower == "in", k + 1 < range.upperBound, n.first - 1 >= range.lowerBound,
               ["has", "had", "have", "holds", "held", "housed", "houses", "housing", "holding"].contains(t[n.first - 1].lower),
               ["centers", "centres", "facilities", "facility", "center", "centre", "camps"].contains(t[k + 1].lower) { return "held" }
            k += 1
        }
        // "475 immigrants suspected of working in the U.S. illegally were detained": a passive verb further on, in
        // the same clause (a longer reach past a relative clause: "14 farmworkers who work for … were taken into custody").
        let plural = start - 1 > n.last && (t[start - 1].lower.hasSuffix("s") || ["people", "men", "women", "children"].contains(t[start - 1].lower))
        let reach = start < range.upperBound && plural && ["who", "that"].contains(t[start].lower) ? 20 : 14
        // (A verb of saying ends the clause: "ABC 7 reported that … 319 people were arrested" is not the 7's.)
        while k < min(range.upperBound, start + reach), ![",", ";", "—", "–", ":", "("].contains(t[k].text),
              !Self.sayingVerbs.contains(t[k].lower) {
            if Self.actionVerbs.contains(t[k].lower), ["were", "was", "been"].contains(t[k - 1].lower) { return t[k].lower }
            // "6,200 people in Tennessee were taken into custody"
            if t[k].lower == "custody", ["into", "in"].contains(t[k - 1].lower),
               (max(start, k - 4)..<k).contains(where: { ["were", "was", "been"].contains(t[$0].lower) }) { return "detained" }
            k += 1
        }
        return nil
    }

    /// A percent between two commas or dashes after a phrase about people held or arrested: the share of them.
    func appositiveShare(_ n: RecognizedNumber, _ t: [Token], _ range: Range<Int>) -> String? {
        guard n.unit == .percent, n.first - 2 >= range.lowerBound, n.last + 1 < range.upperBound else { return nil }
        let open = t[n.first - 1].text
        guard [",", "—", "–"].contains(open), t[n.last + 1].text == open else { return nil }
        var held = false, arrested = false
        var j = n.first - 2
        while j >= max(range.lowerBound, n.first - 10), ![",", ";", ":", "—", "–"].contains(t[j].text) {
            let w = t[j].lower
            if Self.detentionWords.contains(w) || ["detained", "detainees"].contains(w) { held = true }
            if ["arrested", "arrestees", "arrests"].contains(w) { arrested = true }
            j -= 1
        }
        // The phrase divides people: "most of", "half of", "those", "the people".
        let divides = (j + 1..<n.first - 1).contains { ["of", "those", "people"].contains(t[$0].lower) }
        guard divides else { return nil }
        return held ? "share of detainees" : arrested ? "share of arrestees" : nil
    }

    /// Verbs of saying, which end the clause a number's far passive verb is looked for in.
    static let sayingVerbs: Set<String> = ["said", "says", "reported", "reports", "announced", "announces", "told", "stated"]

    /// A noun phrase of up to four words starting at `k`, lower-cased.
    func phrase(_ tz: Tokenizer, from start: Int, _ range: Range<Int>) -> String? {
        phraseSpan(tz, from: start, range)?.0
    }

    /// The noun phrase starting at `start` and the index of the token after it.
    func phraseSpan(_ tz: Tokenizer, from start: Int, _ range: Range<Int>) -> (String, Int)? {
        let t = tz.tokens
        var k = start
        if k < range.upperBound, ["the", "all", "its", "their"].contains(t[k].lower) { k += 1 }
        // "35% of these arrests": a demonstrative before an enforcement noun ("those arrested" is read as people).
        else if k + 1 < range.upperBound, ["these", "those"].contains(t[k].lower), Self.countNouns.contains(t[k + 1].lower) { k += 1 }
        var words: [String] = []
        while k < range.upperBound, words.count < 4 {
            let tok = t[k]
            if tok.kind == .punct, tok.text == "-", !tok.spaceBefore, !words.isEmpty, k + 1 < range.upperBound,
               t[k + 1].kind == .word, !t[k + 1].spaceBefore {
                words[words.count - 1] += "-" + t[k + 1].lower; k += 2; continue
            }
            // "273 “non-custodial” arrests": quotation marks around a modifier are not part of the phrase.
            if tok.kind == .punct, ["“", "”", "\""].contains(tok.text), k + 1 < range.upperBound { k += 1; continue }
            guard tok.kind == .word else { break }
            let w = tok.lower
            if Self.stopWords.contains(w) { break }
            if words.isEmpty, Self.nonMeasures.contains(w) || w.hasPrefix("square-") || w.hasSuffix("-old") { return nil }
            // "three face felony charges", "40 remain in custody": the number is the subject of a verb, not a noun's.
            if words.isEmpty, Self.phraseVerbs.contains(w) { return nil }
            // "the 33 people ICE arrested": the agency after the people is the subject of a clause about them.
            if let last = words.last, Self.genericNouns.contains(last), ["ice", "dhs", "cbp", "agents"].contains(w) { break }
            // "agents pulling up", "agents plan to": a verb ends the noun phrase.
            if let last = words.last, (w.hasSuffix("ing") && w.count > 5 && last.hasSuffix("s")) || Self.phraseVerbs.contains(w) { break }
            if !words.isEmpty, Self.phraseEnds.contains(w) || (w.hasSuffix("ed") && w.count > 4 && w != "related")
                || w.hasSuffix("ly") { break }
            words.append(w)
            k += 1
        }
        guard !words.isEmpty else { return nil }
        if let last = words.last, Self.nonMeasures.contains(last) { return nil }
        return (words.joined(separator: " "), k)
    }

    /// A table header as a measure: "ICE Personnel Assigned" → "ice personnel assigned".
    static func normalize(_ header: String) -> String {
        if header.utf8.allSatisfy({ $0 < 0x80 }) {   // ASCII: on the bytes (CharacterSet lookups showed in profiles)
            let kept = header.utf8.map { b -> UInt8 in
                let l = b >= 0x41 && b <= 0x5A ? b | 0x20 : b
                return (l >= 0x61 && l <= 0x7A) || (l >= 0x30 && l <= 0x39) || l == 0x2D ? l : 0x20
            }
            return kept.split(separator: 0x20).map { String(decoding: $0, as: UTF8.self) }.joined(separator: " ")
        }
        let kept = header.lowercased().unicodeScalars.map { CharacterSet.alphanumerics.contains($0) || $0 == "-" ? Character($0) : " " }
        return String(kept).split(separator: " ").joined(separator: " ")
    }

    /// Word stems that put a sentence's numbers in the product's subject: enforcement, its people and its money.
    static let enforcementStems = ["ice", "immigra", "deport", "detain", "detention", "arrest", "agent", "officer",
                                   "personnel", "troop", "guard", "raid", "enforce", "operation", "border", "patrol",
                                   "removal", "removed", "custody", "migrant", "undocumented", "asylum", "sanctuary",
                                   "dhs", "homeland", "federal", "apprehen", "case", "target", "deploy", "fund", "contract",
                                   "budget", "bed", "facilit", "flight", "noncitizen", "expel", "warrant", "sweep", "crackdown", "alien"]

    /// The stems as bytes, by first letter (a token's first byte picks the few stems to try).
    static let stemsByInitial: [[[UInt8]]] = {
        var table = [[[UInt8]]](repeating: [], count: 128)
        for stem in enforcementStems { table[Int(stem.utf8.first!)].append(Array(stem.utf8)) }
        return table
    }()

    /// Whether the sentence speaks of immigration enforcement (any token starting with one of the stems).
    static func isEnforcementContext(_ tz: Tokenizer, _ range: Range<Int>) -> Bool {
        let bytes = tz.bytes
        for token in tz.tokens[range] where token.kind == .word {
            let first = bytes[token.start] | 0x20   // ASCII lower case; the stems are ASCII letters
            guard first < 128 else { continue }
            for stem in stemsByInitial[Int(first)] where token.end - token.start >= stem.count {
                var k = 1
                while k < stem.count, bytes[token.start + k] | 0x20 == stem[k] { k += 1 }
                if k == stem.count { return true }
            }
        }
        return false
    }
}
