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
                               "target", "warrant", "custody", "encounter", "release", "freed", "citation", "crossing",
                               "checkpoint", "booking", "booked", "charge", "prosecut", "detainer", "facilit", "center",
                               "jail", "prison", "fund", "cost", "spending", "budget", "contract", "money", "grant",
                               "deploy", "assign", "sent", "stationed", "dispatch", "held", "jailed", "transferr",
                               "processed", "screened", "taken", "captured", "seized", "expelled", "returned", "gotaway",
                               "member", "increase", "decrease", "rise", "jump", "drop", "decline", "surge", "growth",
                               "fall", "cut", "arrival", "removal", "flown", "bus", "stop"]

    /// Whether the measure counts or measures enforcement (money named by its verb always does).
    static func isEnforcementMeasure(_ measure: String) -> Bool {
        for word in measure.split(separator: " ") where !word.hasPrefix("fundrais") {
            if measureStems.contains(where: { word.hasPrefix($0) }) { return true }
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
        "expulsion": "expelled", "capture": "detained", "jailing": "detained",
    ]

    /// "the detention of three U.S. citizens": the participle of the action noun before "of N", if any.
    func actionBefore(_ n: RecognizedNumber, _ tz: Tokenizer, _ range: Range<Int>) -> String? {
        let t = tz.tokens
        var b = n.first - 1
        guard b - 1 >= range.lowerBound, t[b].lower == "of" else { return nil }
        b -= 1
        return Self.actionNouns[t[b].lower]
    }

    /// Words after a number that make what follows an increment, not a running total ("six more arrests").
    static let incrementWords: Set<String> = ["more", "additional", "further", "extra"]

    /// Rates kept in the measure: "2,000 arrests a day" → " a day".
    static let rateUnits: Set<String> = ["day", "week", "month", "year"]

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
                if w == "pushed", k + 1 < n.first, ["the", "a"].contains(t[k + 1].lower) { return false }
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
              ["total", "count", "tally", "toll", "sum"].contains(t[b - 1].lower) else { return nil }
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
}
