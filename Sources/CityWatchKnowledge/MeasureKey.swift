import Foundation

/// The canonical form of a measure label, so one fact restated in other words matches itself:
/// plurals folded, near-synonyms merged, filler and agency words dropped, word order ignored.
package enum MeasureKey {
    /// "ICE officers deployed" and "agents" both give "personnel"; "national guard troops" gives "troop".
    package static func canonical(_ label: String) -> String {
        let words = label.lowercased().split(whereSeparator: { !$0.isLetter && !$0.isNumber }).map(String.init)
        var tokens: [String] = []
        for word in words {
            let stem = singular(word)
            if let mapped = synonyms[stem] ?? synonyms[word] { tokens.append(mapped) } else { tokens.append(stem) }
        }
        // "National Guard members" and "Guard personnel" are troops too.
        if tokens.contains("guard") {
            tokens = tokens.map { ["member", "personnel", "soldier", "unit"].contains($0) ? "troop" : $0 }
            if !tokens.contains("troop") { tokens.append("troop") }
        }
        // "national guard troops" = "troops" = "guardsmen": the guard words only say which troops.
        if tokens.contains("troop") { tokens.removeAll { $0 == "national" || $0 == "guard" } }
        let core = tokens.filter { !filler.contains($0) }
        let kept = core.isEmpty ? tokens : core
        return Array(Set(kept)).sorted().joined(separator: " ")
    }

    /// The head noun of a label in canonical form: its last word that is neither a participle nor filler
    /// ("projected cases targeted" → "case", "deportation cases" → "case", "detention beds" → "bed").
    package static func head(_ label: String) -> String? {
        let words = label.lowercased().split(whereSeparator: { !$0.isLetter && !$0.isNumber }).map(String.init)
        for word in words.reversed() where !(word.hasSuffix("ed") && words.count > 1) {
            let stem = singular(word)
            let mapped = synonyms[stem] ?? synonyms[word] ?? stem
            if !filler.contains(mapped) { return mapped }
        }
        return nil
    }

    /// Words that make a measure another one even when it is otherwise the same: "deportation flights" are not
    /// deportations, "police officers" not ICE officers, "detainees released" not detentions.
    package static let distinguishing: Set<String> = [
        "flight", "police", "sheriff", "deputy", "trooper", "released", "release", "freed", "bed", "death", "child",
        "family", "facility", "center", "local", "county", "state", "criminal", "conviction", "complaint", "lawsuit",
        // An increment is not the running total, a rate or a quota not a count.
        "additional", "day", "week", "month", "year", "goal",
    ]

    /// English plural to singular for the words measures use ("cases" → "case", "deportations" → "deportation").
    static func singular(_ word: String) -> String {
        if let irregular = irregulars[word] { return irregular }
        guard word.count > 3 else { return word }
        if word.hasSuffix("ies") { return String(word.dropLast(3)) + "y" }
        if word.hasSuffix("sses") || word.hasSuffix("xes") || word.hasSuffix("ches") || word.hasSuffix("shes") {
            return String(word.dropLast(2))
        }
        if word.hasSuffix("ss") || word.hasSuffix("us") || word.hasSuffix("is") { return word }
        if word.hasSuffix("s") { return String(word.dropLast()) }
        return word
    }

    static let irregulars: [String: String] = [
        "people": "person", "persons": "person", "men": "man", "women": "woman", "children": "child",
        "guardsmen": "troop", "guardsman": "troop", "servicemembers": "troop",
    ]

    /// Near-synonyms to one word; keys are singular forms (or the word as written).
    static let synonyms: [String: String] = [
        // taking people into custody
        "arrest": "arrest", "arrested": "arrest", "detained": "arrest", "detention": "arrest", "detainee": "arrest",
        "apprehension": "arrest", "apprehended": "arrest", "apprehend": "arrest", "arresting": "arrest",
        "detain": "arrest", "custody": "arrest",
        // people doing the enforcement
        "agent": "personnel", "officer": "personnel", "personnel": "personnel", "staff": "personnel",
        "employee": "personnel",
        // soldiers
        "troop": "troop", "soldier": "troop", "guardsman": "troop",
        // removals
        "deportation": "deportation", "deported": "deportation", "removal": "deportation", "removed": "deportation",
        "deport": "deportation",
        // putting people somewhere
        "extra": "additional", "daily": "day", "quota": "goal",
        "deployed": "deploy", "deployment": "deploy", "assigned": "deploy", "sent": "deploy", "dispatched": "deploy",
        "stationed": "deploy", "deploy": "deploy", "assign": "deploy", "send": "deploy",
        // growth
        "rise": "increase", "increased": "increase", "jump": "increase", "growth": "increase", "surge": "increase",
        "spike": "increase", "climb": "increase", "hike": "increase", "up": "increase",
        "fall": "decrease", "drop": "decrease", "decline": "decrease", "decreased": "decrease", "reduction": "decrease",
        "targeted": "target", "targeting": "target",
        // money (the unit already says dollars): what it is called varies by outlet
        "cost": "money", "funding": "money", "spending": "money", "budget": "money", "fund": "money",
        "expense": "money", "expenditure": "money", "price": "money", "money": "money",
    ]

    /// Words that never distinguish one measure from another within a city: agency names, verbs of sending,
    /// hedges and articles. Dropped unless nothing else is left.
    static let filler: Set<String> = [
        "the", "a", "an", "of", "in", "to", "for", "on", "at", "by", "with", "and", "from", "per",
        "ice", "federal", "immigration", "customs", "enforcement", "dhs", "border", "patrol", "cbp", "us", "u",
        "deploy", "new", "more", "total", "number", "projected", "planned", "expected",
        "estimated", "approximately", "about", "some", "nearly", "person", "individual", "immigrant", "migrant",
        "undocumented", "noncitizen", "resident", "people",
    ]
}
