import Foundation

/// What makes a number an enforcement figure: its measure counts or measures enforcement (people taken, held,
/// removed or let go; agents, officers, troops; operations, raids; detention beds; money for it), and the shapes
/// such measures take ("the detention of 12 people", "a 600-bed center", "six more arrests", "2,000 arrests a day").
extension FigureExtractor {
    /// Word stems of measures that count or measure enforcement. A measure with none of them ("counties",
    /// "protesters", a verb) is not a figure of this product.
    static let measureStems = ["arrest", "detain", "detention", "deport", "remov", "apprehen", "expel", "expul",
                               "agent", "officer", "personnel", "troop", "guard", "soldier", "marine", "deput", "staff",
                               "employee", "hire", "recruit", "operation", "raid", "sweep", "bed", "flight", "case",
                               "target", "warrant", "custody", "release", "freed", "citation",
                               "checkpoint", "booking", "booked", "charge", "prosecut", "detainer",
                               "jail", "prison", "fund", "cost", "spending", "budget", "contract", "money", "grant",
                               "deploy", "assign", "sent", "stationed", "dispatch", "held", "jailed", "transferr",
                               "processed", "screened", "taken", "captured", "seized", "expelled", "returned", "gotaway",
                               "increase", "decrease", "rise", "jump", "drop", "decline", "surge", "growth",
                               "fall", "cut", "arrival", "removal", "flown", "bus", "stop"]

    /// Whether a figure's measure is kept: it counts or measures enforcement, or is money named by its verb.
    static func isFigureMeasure(_ measure: String) -> Bool {
        isEnforcementMeasure(measure) || moneyMeasures.contains(measure)
    }

    /// The measures money verbs name ("cost", "funding", …).
    static let moneyMeasures = Set(moneyVerbs.values)

    /// Whether the measure counts or measures enforcement (money named by its verb always does).
    static func isEnforcementMeasure(_ measure: String) -> Bool {
        for word in measure.split(separator: " ") where !word.hasPrefix("fundrais") {
            // "the jail saw 22 holds": detainers a jail holds people on ("hold" alone is too common a word for a stem).
            if word == "holds" { return true }
            guard let first = word.utf8.first, first < 128 else { continue }
            if measureStemsByInitial[Int(first)].contains(where: { word.hasPrefix($0) }) { return true }
        }
        return false
    }

    /// The measure stems by first letter (a word's first byte picks the few to try).
    static let measureStemsByInitial = byInitial(measureStems)

    /// ASCII-initial stems grouped by their first byte, for a lookup that tries only the few a word can start.
    static func byInitial(_ stems: [String]) -> [[String]] {
        var table = [[String]](repeating: [], count: 128)
        for stem in stems { table[Int(stem.utf8.first!)].append(stem) }
        return table
    }

    /// People whose arrest at a protest is the police's, not the operation's ("two activists arrested").
    static let protestNouns: Set<String> = ["protesters", "protestors", "demonstrators", "activists", "clergy",
                                            "observers", "rioters", "counter-protesters", "marchers"]

    /// Words of a local criminal booking ("arrested on suspicion of assault", "booked into Multnomah County on
    /// disorderly conduct charges"): the police's arrests at a protest or a scene, not the operation's.
    static let localBookingPhrases: [[String]] = [["on", "suspicion", "of"], ["booked", "into"], ["disorderly", "conduct"],
                                                  ["resisting", "arrest"], ["criminal", "trespass"], ["unlawful", "assembly"],
                                                  ["failure", "to", "disperse"], ["failing", "to", "disperse"],
                                                  ["assaulting"], ["resisting", "officers"], ["impeding"]]

    /// Whether the number's clause describes a local criminal booking (see `localBookingPhrases`) within a few
    /// words after it ("two were arrested on suspicion of assault"; not "40 people in Chicago, including two on
    /// suspicion of assault", where the comma ends the 40's clause).
    /// Words that make a sentence's subject federal ("ICE and the police arrested …").
    static let federalWords: Set<String> = ["ice", "agents", "federal", "border", "immigration", "dhs", "hsi", "cbp", "fbi"]

    static func isLocalBooking(_ n: RecognizedNumber, _ tz: Tokenizer, _ range: Range<Int>) -> Bool {
        let t = tz.tokens
        var end = n.last + 1
        while end < min(range.upperBound, n.last + 16), ![",", ";", "—", "–", "--"].contains(t[end].text) { end += 1 }
        let clause = n.last + 1..<end
        // "The county Sheriff's Department said it had arrested two people as protests raged": a local body's
        // arrests at a protest, not the operation's.
        let before = range.lowerBound..<n.first
        let localBody = before.contains { k in
            guard ["sheriff", "sheriff's", "sheriff’s", "police"].contains(t[k].lower) else { return false }
            var j = k + 1
            if j < n.first, ["'s", "’s"].contains(t[j].text) { j += 1 }
            return j < n.first && ["department", "office", "bureau"].contains(t[j].lower)
        }
        if localBody, !before.contains(where: { Self.federalWords.contains(t[$0].lower) }),
           range.contains(where: { t[$0].lower.hasPrefix("protest") }) { return true }
        // "Three people were arrested during Thursday night's demonstrations", "150 people have been arrested at the
        // ICE facility, where protests have been non-stop": arrests at a protest, with no federal agency before them.
        if !before.contains(where: { Self.federalWords.contains(t[$0].lower) }), range.contains(where: { k in
            ["protest", "protests", "demonstration", "demonstrations", "rally", "rallies", "riot", "riots", "unrest"].contains(t[k].lower)
                && (max(range.lowerBound, k - 5)..<k).contains { ["during", "amid", "at", "after", "where", "outside", "near"].contains(t[$0].lower) }
        }) { return true }
        // "11 arrests …, including for charges ranging from failure to disperse to vandalism": protest charges
        // anywhere in the sentence.
        let protestCharges: [[String]] = [["failure", "to", "disperse"], ["failing", "to", "disperse"], ["unlawful", "assembly"],
                                          ["disorderly", "conduct"]]
        if range.contains(where: { k in protestCharges.contains { p in
            k + p.count <= range.upperBound && p.indices.allSatisfy { t[k + $0].lower == p[$0] } } }) { return true }
        return clause.contains { k in
            localBookingPhrases.contains { phrase in
                k + phrase.count <= clause.upperBound && phrase.indices.allSatisfy { t[k + $0].lower == phrase[$0] }
            }
        }
    }

    /// Words that count states loosely or by number ("in several western states", "across six states").
    static let manyWords: Set<String> = ["several", "multiple", "many", "numerous", "various", "two", "three", "four", "five",
                                         "six", "seven", "eight", "nine", "ten", "other"]

    /// Whether the number counts in an agency's region or a group of states, which no city, state or the nation owns:
    /// "525 arrests … in its El Paso Area of Responsibility", "the Washington AOR", "more than 15,000 arrests in
    /// several western states". (The annotation rules leave such figures out.)
    func isRegionCount(_ n: RecognizedNumber, _ tz: Tokenizer, _ range: Range<Int>) -> Bool {
        let t = tz.tokens
        // The region named near the number: after it ("… in its El Paso Area of Responsibility") or just before it.
        for k in max(range.lowerBound, n.first - 8)..<min(range.upperBound, n.last + 17) {
            let w = t[k].lower
            if w == "aor" || w == "aors" { return true }
            if w == "responsibility", k - 2 >= range.lowerBound, t[k - 1].lower == "of", ["area", "areas"].contains(t[k - 2].lower) {
                return true
            }
        }
        var k = n.last + 1
        while k + 1 < min(range.upperBound, n.last + 12) {
            if [";", "—", "–", "("].contains(t[k].text) { break }
            if ["in", "across", "throughout"].contains(t[k].lower),
               Self.manyWords.contains(t[k + 1].lower) || t[k + 1].kind == .number {
                var j = k + 2
                while j < min(range.upperBound, k + 5), t[j].kind == .word, t[j].lower != "states", !t[j].isCapitalized { j += 1 }
                if j < range.upperBound, t[j].lower == "states" { return true }
            }
            k += 1
        }
        return false
    }

    /// Stems of measures of people acted on: a small number in words counts ("three U.S. citizens detained").
    static let actedOnStems = ["arrest", "detain", "detention", "deport", "remov", "apprehen", "custody", "release",
                               "additional", "expel", "jailed", "held", "charged"]

    static func isActedOn(_ measure: String) -> Bool {
        measure.split(separator: " ").contains { w in actedOnStems.contains { w.hasPrefix($0) } }
    }

    /// Nouns of action before "of N" and the participle they give ("the apprehension of 1,204 people").
    static let actionNouns: [String: String] = [
        "arrest": "arrested", "arrests": "arrested", "detention": "detained", "detentions": "detained",
        "deportation": "deported", "deportations": "deported", "removal": "removed", "removals": "removed",
        "apprehension": "apprehended", "apprehensions": "apprehended", "release": "released", "roundup": "detained",
        "expulsion": "expelled", "capture": "detained", "jailing": "detained", "detainment": "detained",
        "detainments": "detained", "custody": "detained",
    ]

    /// "the detention of three U.S. citizens": the participle of the action noun before "of N", if any.
    func actionBefore(_ n: RecognizedNumber, _ tz: Tokenizer, _ range: Range<Int>) -> String? {
        let t = tz.tokens
        var b = n.first - 1
        // "led to the arrest of: 54 predators, …": a list after a colon.
        if b - 2 >= range.lowerBound, t[b].text == ":" { b -= 1 }
        guard b - 1 >= range.lowerBound, t[b].lower == "of" else { return nil }
        b -= 1
        return Self.actionNouns[t[b].lower]
    }

    /// Words after a number that make what follows an increment, not a running total ("six more arrests").
    static let incrementWords: Set<String> = ["more", "additional", "further", "extra"]

    /// Rates kept in the measure: "2,000 arrests a day" → " a day".
    static let rateUnits: Set<String> = ["day", "week", "month", "year"]

    /// Whether a measure ends on a rate ("arrests a day", "deportations a year"), other than beds ("beds a night").
    static func isRate(_ measure: String) -> Bool {
        measure.contains(" a ") && !measure.contains("beds") && rateUnits.contains(String(measure.split(separator: " ").last ?? ""))
    }

    /// The rate that follows token `k` ("a day", "per week", "each month", "daily"), with its words.
    func rate(after k: Int, _ tz: Tokenizer, _ range: Range<Int>) -> String? {
        let t = tz.tokens
        guard k < range.upperBound else { return nil }
        let w = t[k].lower
        if ["daily", "weekly", "monthly", "annually", "yearly"].contains(w) {
            return ["daily": "a day", "weekly": "a week", "monthly": "a month"][w] ?? "a year"
        }
        guard ["a", "per", "each", "every"].contains(w), k + 1 < range.upperBound, Self.rateUnits.contains(t[k + 1].lower) else {
            return nil
        }
        return "a " + t[k + 1].lower
    }

    /// Words before a number in its clause that make it a quota, goal or plan rather than a count that happened.
    static let planWords: Set<String> = ["want", "wants", "wanted", "goal", "goals", "quota", "quotas", "target", "aim",
                                         "aims", "aiming", "seeks", "seek", "seeking", "plans", "plan", "planned",
                                         "planning", "hopes", "hope", "demanded", "demands", "demanding", "ordered",
                                         "expects", "proposed", "proposes", "intends", "would", "will", "push",
                                         "pushing", "pushed", "envisions", "sought", "mandated", "mandate"]

    /// Whether the number states a quota, a goal or a plan: "wants 3,000 arrests a day", "a goal of 1 million
    /// deportations", "plans a 600-bed center"; counts that happened ("made 250 arrests") are not.
    func isPlan(_ n: RecognizedNumber, _ tz: Tokenizer, _ range: Range<Int>) -> Bool {
        let t = tz.tokens
        var k = n.first - 1
        var steps = 0
        while k >= range.lowerBound, steps < 8 {
            let w = t[k].lower
            if [",", ";", ":", "—", "–", "--", "(", "said", "says", "who", "which", "that", "after", "since"].contains(w) { break }
            if Self.planWords.contains(w) {
                // "pushed the tally past 200" reports a count; "will" and "would" plan only a number ahead of them.
                if ["pushed", "pushing"].contains(w), k + 1 < n.first, ["the", "a"].contains(t[k + 1].lower) { return false }
                return true
            }
            k -= 1; steps += 1
        }
        return false
    }

    /// "a total of 300", "an earlier count of over 300", "the tally of 1,200": the measure of such a count is the
    /// enforcement noun nearest to it in the sentence.
    func countOf(_ n: RecognizedNumber, _ tz: Tokenizer, _ range: Range<Int>) -> String? {
        let t = tz.tokens
        let b = n.first - 1
        guard b - 1 >= range.lowerBound, t[b].lower == "of",
              ["total", "count", "tally", "toll", "sum", "estimate", "figure", "average"].contains(t[b - 1].lower) else { return nil }
        var best: (Int, String)?
        for k in range where (k < b - 1 || k > n.last) && t[k].kind == .word {
            let w = t[k].lower
            guard ["arrests", "detentions", "deportations", "removals", "apprehensions", "detainees", "arrested",
                   "detained", "deported", "agents", "officers", "troops", "raids"].contains(w) else { continue }
            let d = abs(k - n.first)
            if best == nil || d < best!.0 { best = (d, ["arrested": "arrests", "detained": "detentions", "deported": "deportations"][w] ?? w) }
        }
        return best?.1
    }

    /// "a daily arrest quota of 3,000", "a deportation goal of 1 million": the measure of the quota.
    func quotaOf(_ n: RecognizedNumber, _ tz: Tokenizer, _ range: Range<Int>) -> String? {
        let t = tz.tokens
        let b = n.first - 1
        // "a target list of 1,400 people": the people the operation means to take.
        if b - 2 >= range.lowerBound, t[b].lower == "of", t[b - 1].lower == "list", ["target", "targeting", "hit"].contains(t[b - 2].lower) {
            return "targeted"
        }
        // "a list of 97 people they wanted to screen": the people the agents came for.
        if b - 1 >= range.lowerBound, t[b].lower == "of", t[b - 1].lower == "list" || (b - 3 >= range.lowerBound
               && t[b - 1].lower == "names" && t[b - 2].lower == "the" && t[b - 3].lower == "of" && b - 4 >= range.lowerBound
               && t[b - 4].lower == "list"),
           (n.last + 1..<min(range.upperBound, n.last + 7)).contains(where: { ["wanted", "sought", "targeted", "wanting"].contains(t[$0].lower) }) {
            return "targeted"
        }
        guard b - 2 >= range.lowerBound, t[b].lower == "of", ["quota", "goal", "target"].contains(t[b - 1].lower),
              let noun = Self.quotaNouns.first(where: { t[b - 2].lower.hasPrefix($0.key) })?.value else { return nil }
        let daily = b - 3 >= range.lowerBound && t[b - 3].lower == "daily"
        return noun + (daily ? " a day" : "")
    }

    /// The word before "quota of N" and the measure it names.
    static let quotaNouns: [String: String] = ["arrest": "arrests", "deport": "deportations", "detention": "detentions",
                                               "removal": "removals", "apprehension": "apprehensions"]

    /// Words that make a count of agents a deployment rather than the agents seen at one scene.
    static let deploymentStems = ["deploy", "sent", "send", "assign", "arriv", "surge", "staged", "stationed", "dispatch",
                                  "headed", "expected", "join", "added", "additional", "reinforc", "brought", "bring",
                                  "mobiliz", "operation", "total", "involv", "participat", "took part", "more than", "staffing"]

    /// "nearly a dozen agents pulled up", "six armed officers at the door": fewer than 50 agents or officers with no
    /// word of deployment in the sentence are people at a scene, not a figure.
    func isSceneCount(_ n: RecognizedNumber, value: Double, measure: String, _ tz: Tokenizer, _ range: Range<Int>) -> Bool {
        let t = tz.tokens
        // "with over 100 agents swarming the facility": a scene however many came.
        let sceneVerb = (n.last + 1..<min(range.upperBound, n.last + 5)).contains { Self.sceneVerbs.contains(t[$0].lower) }
        guard n.unit == .count, value < (sceneVerb ? 500 : 50),
              measure.split(separator: " ").contains(where: { ["agents", "officers", "personnel", "officials", "agent", "officer"].contains($0) })
        else { return false }
        return !t[range].contains { tok in tok.kind == .word && Self.deploymentStems.contains { tok.lower.hasPrefix($0) } }
    }

    /// Whether the count is of moves between facilities ("19 individuals were transferred between facilities") or
    /// one person's record ("a dealer with 67 charges").
    func isMoveOrRecord(_ n: RecognizedNumber, measure: String, _ tz: Tokenizer, _ range: Range<Int>) -> Bool {
        let t = tz.tokens
        let words = measure.split(separator: " ")
        let end = min(range.upperBound, n.last + 9)
        if (n.last + 1..<end).contains(where: { k in
            (t[k].lower.hasPrefix("transferr") || t[k].lower == "moved")
                && (k + 1..<min(end, k + 4)).contains { t[$0].lower == "between" } }) { return true }
        if n.first - 1 >= range.lowerBound, t[n.first - 1].lower == "with", words.first.map({ ["charges", "counts", "convictions"].contains(String($0)) }) ?? false,
           n.unit == .count { return true }
        return false
    }

    /// Verbs of agents at one scene ("agents swarming the facility", "a line of agents barricading the road").
    static let sceneVerbs: Set<String> = ["swarming", "swarmed", "stormed", "storming", "surrounded", "surrounding",
                                          "barricading", "barricaded", "descended", "descending", "blocking", "blocked"]

    /// Stems that tie money to immigration enforcement ("$45 billion for ICE detention", "the deportation budget").
    static let immigrationStems = ["immigra", "deport", "detention", "detain", "border", "enforce", "removal", "migrant",
                                   "asylum", "homeland", "dhs", "cbp", "bed", "crackdown", "noncitizen", "alien", "deploy",
                                   "guard", "troop", "operation", "raid", "sweep", "surge"]

    /// First words of a measure that make it a person's record ("67 prior jail bookings").
    static let notEnforcementHeads: Set<String> = ["prior", "previous", "past", "former"]
    /// People counted who are not the operation's ("27 state legislators sent a letter").
    static let notEnforcementNouns: Set<String> = ["legislators", "lawmakers", "senators", "representatives", "mayors",
                                                   "governors", "volunteers", "advocates", "lawyers", "attorneys",
                                                   "journalists", "reporters", "students", "letters", "signatures"]
    /// Verbs of the courts that end a measure: people prosecuted, not taken.
    static let prosecutionVerbs: Set<String> = ["charged", "indicted", "prosecuted", "convicted", "sentenced"]
    /// Things a count may name that are not people or operations: vehicles and batches people are moved in,
    /// buildings ("two busloads", "20 U.S. facilities"); money for them is still enforcement money.
    static let notCountedNouns: Set<String> = ["busloads", "buses", "batches", "vans", "vehicles", "facilities",
                                               "centers", "centres", "sites"]

    /// "one in three arrests", "2 out of every 3 people", "three of every four": the terms of a share.
    func isShareTerm(_ n: RecognizedNumber, _ tz: Tokenizer, _ range: Range<Int>) -> Bool {
        let t = tz.tokens
        // "rose to 1,500 in 2025": a year is a time, not a share's term.
        func isYear(_ k: Int) -> Bool {
            let b = t[k].text.utf8
            return t[k].kind == .number && b.count == 4 && b.allSatisfy { $0 >= 0x30 && $0 <= 0x39 } && (1800...2100).contains(Int(t[k].text) ?? 0)
        }
        func isNumber(_ k: Int) -> Bool {
            k >= range.lowerBound && k < range.upperBound && !isYear(k) && (t[k].kind == .number || NumberWords.isNumberWord(t[k].lower))
        }
        // The second term: "in three", "out of every 3", "of every four".
        let b = n.first - 1
        if b - 1 >= range.lowerBound, t[b].lower == "in", isNumber(b - 1) { return true }
        if b - 1 >= range.lowerBound, t[b].lower == "every", ["of", "in"].contains(t[b - 1].lower) { return true }
        if b - 2 >= range.lowerBound, t[b].lower == "of", t[b - 1].lower == "out", isNumber(b - 2) { return true }
        // The first term: "one in three", "2 out of every 3"; not a part of a larger number ("including 44 in one raid").
        let a = n.last + 1
        func termValue(_ k: Int) -> Double? {
            t[k].kind == .number ? Double(t[k].text.filter { $0 != "," }) : NumberWords.units[t[k].lower] ?? NumberWords.teens[t[k].lower] ?? NumberWords.tens[t[k].lower]
        }
        if a + 1 < range.upperBound, t[a].lower == "in", isNumber(a + 1) {
            if let first = n.value, let second = termValue(a + 1), first > second { return false }
            return true
        }
        if a + 2 < range.upperBound, t[a].lower == "out", t[a + 1].lower == "of" { return true }
        if a + 1 < range.upperBound, t[a].lower == "of", t[a + 1].lower == "every" { return true }
        return false
    }

    /// Words of a criminal record after a share: "60% had no criminal record", "Only 13% committed violent crimes".
    static let recordWords: Set<String> = ["criminal", "convicted", "conviction", "convictions", "crimes", "crime",
                                           "charges", "charged"]

    /// A share of the people arrested told by their record ("About 22% had been convicted of a crime").
    func isRecordShare(_ n: RecognizedNumber, _ tz: Tokenizer, _ range: Range<Int>) -> Bool {
        guard n.unit == .percent else { return false }
        let t = tz.tokens
        var k = n.last + 1
        while k < min(range.upperBound, n.last + 9), ![",", ";", "—", "–", "("].contains(t[k].text) {
            if Self.recordWords.contains(t[k].lower) { return true }
            k += 1
        }
        return false
    }

    /// Verbs of harm done to people: "doxxed at least six ICE employees", "two officers were injured".
    static let harmWords: Set<String> = ["doxxed", "doxed", "injured", "hurt", "assaulted", "attacked", "wounded", "killed",
                                         "shot", "threatened", "harassed", "rammed", "struck", "stabbed", "hospitalized"]

    /// Agents, officers or staff who were harmed (the object of a verb of harm, or "were injured" after them) are
    /// victims, not a deployment.
    func isHarmedPersonnel(_ n: RecognizedNumber, measure: String, _ tz: Tokenizer, _ range: Range<Int>) -> Bool {
        let personnel = ["agent", "officer", "employee", "staff", "personnel", "troop", "guard", "soldier", "deput"]
        guard measure.split(separator: " ").contains(where: { w in personnel.contains { w.hasPrefix($0) } }) else { return false }
        let t = tz.tokens
        if (max(range.lowerBound, n.first - 3)..<n.first).contains(where: { Self.harmWords.contains(t[$0].lower) }) {
            return true
        }
        let after = n.last + 1..<min(range.upperBound, n.last + 7)
        return after.contains { k in
            Self.harmWords.contains(t[k].lower) && k - 1 > n.last && ["were", "was", "been", "got", "being"].contains(t[k - 1].lower)
        }
    }

    /// Whether a percent states a change ("a 15% rise in arrests", "arrests jumped 40%", "31% more deportations"),
    /// not a share ("41% of arrests").
    func isPercentChange(_ n: RecognizedNumber, _ tz: Tokenizer, _ range: Range<Int>) -> Bool {
        guard n.unit == .percent else { return false }
        let t = tz.tokens
        for k in max(range.lowerBound, n.first - 4)..<min(range.upperBound, n.last + 3) where k < n.first || k > n.last {
            let w = t[k].lower
            if Self.changeNouns.contains(w) || Self.changeVerbs.contains(w) || ["more", "fewer", "higher", "lower", "up", "down"].contains(w) {
                return true
            }
        }
        return false
    }

    /// Auxiliaries between a bare number and its participle ("131 had been arrested", "126 were detained").
    static let subsetAuxiliaries: Set<String> = ["had", "have", "has", "been", "were", "was", "are", "being", "later",
                                                 "also", "already", "reportedly", "now", "all", "still"]

    /// The measure of a number that stands for people the sentence says were acted on: "277 of those arrested",
    /// "more than 600 of those taken into custody", "131 had been arrested", "Among those arrested, 262 had …".
    func subsetMeasure(_ n: RecognizedNumber, _ tz: Tokenizer, _ range: Range<Int>) -> String? {
        let t = tz.tokens
        var k = n.last + 1
        func participle(_ i: Int) -> String? {
            guard i < range.upperBound else { return nil }
            let w = t[i].lower
            if w == "taken", i + 2 < range.upperBound, t[i + 2].lower == "custody" { return "detained" }
            return Self.actionVerbs.contains(w) && !["sent", "assigned", "deployed"].contains(w) ? w : Self.actionForms[w]
        }
        if k + 1 < range.upperBound, t[k].lower == "of", ["those", "them", "whom", "the"].contains(t[k + 1].lower) {
            var j = k + 2
            if j < range.upperBound, ["people", "individuals", "immigrants", "detainees", "arrested"].contains(t[j].lower),
               t[j].lower != "arrested" { j += 1 }
            if j < range.upperBound, ["detainees", "arrestees"].contains(t[j - 1].lower) { return "detainees" }
            // "554 of those arrests happened in the community": a part of the arrests just named.
            if j < range.upperBound, ["arrests", "detentions", "deportations", "removals", "apprehensions"].contains(t[j].lower) {
                return t[j].lower
            }
            while j < range.upperBound, Self.subsetAuxiliaries.contains(t[j].lower) || t[j].lower == "who" { j += 1 }
            if let p = participle(j) { return "people " + p }
            return nil
        }
        // "Five gang members were also among those taken into custody"
        for j in n.last + 1..<min(range.upperBound, n.last + 8) where t[j].lower == "among" {
            if j + 2 < range.upperBound, t[j + 1].lower == "those", let p = participle(j + 2) { return "people " + p }
            break
        }
        while k < min(range.upperBound, n.last + 4), Self.subsetAuxiliaries.contains(t[k].lower) { k += 1 }
        if k > n.last + 1, let p = participle(k) { return "people " + p }
        // "All 13 are now in ICE custody"
        if k > n.last + 1, (k..<min(range.upperBound, k + 4)).contains(where: { t[$0].lower == "custody" }) { return "people detained" }
        // "Among those arrested, 262 had prior convictions"; a sentence that opens so ("Of those arrested, 1,276 were
        // from Mexico while 175 were from Guatemala") speaks of them throughout.
        let opener = range.lowerBound + 2 < n.first && ["among", "of"].contains(t[range.lowerBound].lower)
            && t[range.lowerBound + 1].lower == "those"
        if opener, let p = participle(range.lowerBound + 2) { return "people " + p }
        for j in max(range.lowerBound, n.first - 14)..<n.first where ["among", "of"].contains(t[j].lower) {
            if j + 2 < n.first, t[j + 1].lower == "those", let p = participle(j + 2) { return "people " + p }
        }
        return nil
    }

    /// "more than 200 Customs and Border Protection and U.S. Border Patrol agents": the enforcement noun that ends a
    /// run of capitalised words after the number.
    func nounAfterName(_ n: RecognizedNumber, _ tz: Tokenizer, _ range: Range<Int>) -> String? {
        let t = tz.tokens
        var k = n.last + 1
        while k < min(range.upperBound, n.last + 12) {
            let w = t[k].lower
            if ["agents", "officers", "troops", "personnel", "members", "soldiers", "employees", "deputies"].contains(w) {
                return w == "members" ? nil : w
            }
            guard t[k].isCapitalized || ["and", "&", "of", "the", "-", "."].contains(w) else { return nil }
            k += 1
        }
        return nil
    }
}

/// Places raided, counted: "raided two worksites", "raids at 2 restaurants", "operations at at least four
/// locations", "in two separate stops". Each place is an operation.
extension FigureExtractor {
    /// Nouns of the places an operation hits.
    static let siteNouns: Set<String> = ["sites", "worksites", "locations", "restaurants", "farms", "businesses", "stores",
                                         "stops", "warehouses", "plants", "addresses", "properties", "workplaces",
                                         "factories", "shops", "markets", "warrants", "homes", "residences", "car",
                                         "projects", "jobsites"]
    /// Words of raiding before the count of places ("raided", "raids at", "targeted", "operations at").
    static let raidWords: Set<String> = ["raided", "raid", "raids", "targeted", "searched", "operations", "operation",
                                         "enforcement", "sweeps", "executed", "execute", "executing", "served", "hit",
                                         "sweep", "inspections", "inspected"]

    /// Whether `n` counts places raided: a site noun within four words after it ("two Glass House Farms sites",
    /// "two Italian restaurants", "two search warrants") and a word of raiding within eight before it. A count of
    /// places with no raid ("20 U.S. facilities", "the two restaurants reopened") is not one.
    func isRaidedSites(_ n: RecognizedNumber, _ tz: Tokenizer, _ range: Range<Int>) -> Bool {
        let t = tz.tokens
        guard n.unit == .count, n.currency == nil, let v = n.value, v >= 1, v <= 50 else { return false }
        let after = (n.last + 1)..<min(range.upperBound, n.last + 5)
        guard let site = after.first(where: { Self.siteNouns.contains(t[$0].lower) }),
              !(n.last + 1..<site).contains(where: { t[$0].kind != .word || [",", "and", "or", "of"].contains(t[$0].lower) })
        else { return false }
        if t[site].lower == "car", !(site + 1 < range.upperBound && t[site + 1].lower.hasPrefix("wash")) { return false }
        if t[site].lower == "warrants", !(n.last + 1..<site).contains(where: { t[$0].lower == "search" }) { return false }
        let before = max(range.lowerBound, n.first - 8)..<n.first
        return before.contains { Self.raidWords.contains(t[$0].lower) }
    }
}
