import Foundation
import CityWatchSupport

/// What the whole story says about where it is: the states and counties it names, a foreign setting, and the
/// "Name, 18, of Town" residence pattern of local news.
extension CityRecognizer {
    /// A county name shared by more states than this says nothing about the story's state ("Jackson County": 23).
    static let countyStatesLimit = 2

    /// How often each state is named anywhere in the document ("Texas", "N.C.", ", OR"), or by a county that few
    /// states have ("Rapides Parish": Louisiana; "Walker County": Alabama, Georgia or Texas), by state code; and
    /// whether the story names a foreign country or region (one pass over the words).
    func statesMentioned(in units: [TextUnit]) -> (counts: [String: Int], abroad: Bool) {
        var counts: [String: Int] = [:]
        var abroad = false
        for unit in units {
            let tokens = unit.tz.tokens
            var i = 0
            while i < tokens.count {
                if !abroad, tokens[i].kind == .word, tokens[i].isCapitalized, Self.foreignCountries.contains(tokens[i].text) {
                    abroad = true
                }
                if i > 0, tokens[i].kind == .word, tokens[i].isCapitalized, Self.countyWords.contains(tokens[i].text) {
                    for n in 1...min(3, i) where tokens[i - n].isCapitalized {
                        if let found = gazetteer.counties[unit.tz.span(i - n, i)], found.count <= Self.countyStatesLimit {
                            for code in found { counts[code, default: 0] += 1 }
                            break
                        }
                    }
                }
                // A postal code before a route number ("NC 12"); postal codes are two ASCII letters.
                let route = i + 1 < tokens.count && tokens[i + 1].kind == .number && tokens[i].end - tokens[i].start == 2
                if tokens[i].kind == .word, tokens[i].isCapitalized,
                   let st = gazetteer.state(in: tokens, at: i, allowPostal: route || (i > 0 && tokens[i - 1].text == ",")) {
                    // "Washington" and "New York" name cities as often as states: not evidence of the state.
                    // "Kansas City", "Oklahoma City": a city's name, not the state.
                    let cityName = i + st.length < tokens.count && tokens[i + st.length].text == "City"
                    if tokens[i].text != "Washington" && !(tokens[i].text == "New" && st.code == "NY") && !cityName { counts[st.code, default: 0] += 1 }
                    i += st.length
                } else { i += 1 }
            }
        }
        return (counts, abroad)
    }

    static let countyWords = WordSet(["County", "Parish", "Borough"])

    static let foreignCountries = WordSet([
        "Russia", "Canada", "England", "Britain", "France", "Greece", "Egypt", "Israel", "Ireland", "Italy",
        "Germany", "Spain", "Scotland", "Wales", "Ukraine", "Iraq", "Iran", "Syria", "China", "Japan", "India", "Pakistan",
        "Afghanistan", "Poland", "Netherlands", "Belgium", "Portugal", "Brazil", "Argentina", "Colombia", "Peru", "Cuba",
        "Australia", "Ontario", "Quebec", "Alberta", "Palestinian", "Palestinians", "Kremlin", "Europe", "NATO",
        "U.K.", "UK", "British", "Dutch",
    ])

    /// "…, 18, of X" or "Given Family of X" just before token `i`: a person's home town.
    func isResidence(_ tokens: [Token], before i: Int, from start: Int) -> Bool {
        guard i - 3 >= start, tokens[i - 1].text == "of" else { return false }
        if tokens[i - 2].text == ",", tokens[i - 3].kind == .number { return true }
        let a = tokens[i - 3], b = tokens[i - 2]
        return a.kind == .word && b.kind == .word && a.isCapitalized && b.isCapitalized && b.text.count > 2
            && !Self.followers.contains(a.text) && !Self.followers.contains(b.text) && !Self.institutions.contains(b.text)
            && !Self.institutions.contains(a.text) && b.text != b.text.uppercased()
    }

    /// Words that make "X of Y" a body or an event, not a person of a town ("Catholic Diocese of …").
    static let institutions: Set<String> = ["University", "College", "Diocese", "Archdiocese", "Church", "Bank", "Battle",
                                           "Office", "District", "State", "Republic", "Bureau", "Association", "Institute",
                                           "Society", "Club", "Center", "Centre", "Museum", "Government", "Agency", "Siege",
                                           "Treaty", "Duke", "Earl", "Bishop", "Archbishop", "Lord", "Queen", "King", "Prince"]
}
