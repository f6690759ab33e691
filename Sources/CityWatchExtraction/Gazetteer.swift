import Foundation
import CityWatchSupport

/// The US places ≥ 10,000 people (GeoNames, see NOTICE.md), their aliases and the states, indexed by surface form;
/// towns of 1,000–9,999 people apart, read only as "Town, State".
package final class Gazetteer: Sendable {
    /// Why a bare name is risky (from the data's `name_flags`).
    struct Flags: OptionSet, Sendable {
        let rawValue: UInt8
        static let state = Flags(rawValue: 1), country = Flags(rawValue: 2), foreignCity = Flags(rawValue: 4)
        static let firstName = Flags(rawValue: 8), surname = Flags(rawValue: 16), word = Flags(rawValue: 32)
        static let homonym = Flags(rawValue: 64)
    }

    enum Risk: UInt8, Sendable, Comparable {
        case low, medium, high
        static func < (a: Risk, b: Risk) -> Bool { a.rawValue < b.rawValue }
    }

    package struct Place: Sendable {
        var name: String
        var state: String
        var population: Int
        var id: Int
        package var kind: String
        var parent: Int?
        var flags: Flags
        package var display: String
        package var lat: Double
        package var lon: Double
    }

    /// One reading of a surface form: a place, and how safe the form is on its own.
    struct Entry: Sendable {
        var place: Int
        var risk: Risk
        var flags: Flags
        var demonym: Bool
        /// Matched as a dateline in capitals ("NEWARK --"): the story's own city.
        var isDateline = false
    }

    struct State: Sendable {
        var code: String
        var name: String
        var isAmbiguousCode: Bool
    }

    package let places: [Place]
    let index: [Int: Int]
    /// Surface form → readings.
    let names: [String: [Entry]]
    /// First word of every surface form (for a quick skip) and the longest form in tokens.
    let firstWords: Set<String>
    /// Every proper prefix of a surface form, in tokens ("New", "New York"), so a match can stop early.
    let prefixes: Set<String>
    let maxTokens: Int
    let states: [State]
    /// "North Carolina", "N.C.", "NC" … → state code. Postal codes are only trusted right after "City, ".
    let stateNames: [String: String]
    let stateAbbreviations: [String: String]
    let postalCodes: [String: String]
    /// The first words of every state name, abbreviation and postal code, as a quick filter.
    let stateWordShape: WordShape
    /// The state capitals (place indices): known beyond their region, like big cities.
    let capitals: Set<Int>
    /// Towns of 1,000–9,999 people, by lower-cased name → place indices; read only with their state after them.
    let towns: [String: [Int]]
    /// The first word of every town's name, lower-cased (a quick filter before a town is looked up).
    let townFirstWords: Set<String>
    /// The most words in a town's name.
    static let townMaxTokens = 4
    /// "Walker County", "Rapides Parish" → the states that have a county of that name.
    let counties: [String: [String]]

    /// The gazetteer compiled into the binary, built once on first use.
    package static let shared = Gazetteer()

    init() {
        var places: [Place] = []
        var index: [Int: Int] = [:]
        for line in GazetteerData.cities.split(separator: "\n") {
            let f = line.split(separator: "\t", omittingEmptySubsequences: false).map(String.init)
            guard f.count == 10, let id = Int(f[3]) else { continue }
            var flags: Flags = []
            for flag in f[6].split(separator: "|") {
                switch flag {
                case "state": flags.insert(.state)
                case "country": flags.insert(.country)
                case "foreign_city": flags.insert(.foreignCity)
                case "first_name": flags.insert(.firstName)
                case "surname": flags.insert(.surname)
                case "word": flags.insert(.word)
                default: if flag.hasPrefix("homonym") { flags.insert(.homonym) }
                }
            }
            index[id] = places.count
            places.append(Place(name: f[0], state: f[1], population: Int(f[2]) ?? 0, id: id, kind: f[4],
                                parent: Int(f[5]), flags: flags, display: f[7],
                                lat: Double(f[8]) ?? 0, lon: Double(f[9]) ?? 0))
        }
        var names: [String: [Entry]] = [:]
        for (i, p) in places.enumerated() {
            names[p.name, default: []].append(Entry(place: i, risk: .low, flags: p.flags, demonym: false))
            // ASCII folds ("Bayamon") for the few names with diacritics; folding is slow, so only those.
            if p.name.utf8.contains(where: { $0 >= 0x80 }),
               case let folded = p.name.folding(options: .diacriticInsensitive, locale: nil), folded != p.name { names[folded, default: []].append(Entry(place: i, risk: .low, flags: p.flags, demonym: false)) }
        }
        // Towns below the cities' floor: places of their own, but no surface forms (read only as "Town, State").
        var towns: [String: [Int]] = [:]
        // (Read on the bytes: splitting the 550 KB literal as Characters doubled the gazetteer's load time.)
        var townText = GazetteerData.towns
        townText.withUTF8 { bytes in
            for line in bytes.split(separator: 0x0A) {
                let f = line.split(separator: 0x09, omittingEmptySubsequences: false)
                guard f.count == 6 else { continue }
                func text(_ k: Int) -> String { String(decoding: UnsafeBufferPointer(rebasing: f[k]), as: UTF8.self) }
                func int(_ k: Int) -> Int? { f[k].isEmpty ? nil : f[k].reduce(0) { $1 >= 0x30 && $1 <= 0x39 ? $0 * 10 + Int($1 - 0x30) : $0 } }
                guard let id = int(3), index[id] == nil else { continue }
                let name = text(0), state = text(1)
                index[id] = places.count
                towns[name.lowercased(), default: []].append(places.count)
                places.append(Place(name: name, state: state, population: int(2) ?? 0, id: id, kind: "town", parent: nil,
                                    flags: [], display: name + ", " + state, lat: Double(text(4)) ?? 0, lon: Double(text(5)) ?? 0))
            }
        }
        self.towns = towns
        self.townFirstWords = Set(towns.keys.map { String($0.split(separator: " ").first ?? "") })
        for line in GazetteerData.aliases.split(separator: "\n") {
            let f = line.split(separator: "\t", omittingEmptySubsequences: false).map(String.init)
            guard f.count >= 3, let id = Int(f[1]), let i = index[id] else { continue }
            let risk: Risk = f[2] == "high" ? .high : f[2] == "medium" ? .medium : .low
            // An alias inherits the flags of the bare name it spells ("St. Paul" is as safe as "Saint Paul").
            var flags = places[i].flags
            if f[0] != places[i].name && !f[0].hasPrefix("St") && !f[0].hasPrefix("Ft") && !f[0].hasPrefix("Mt") { flags = [] }
            names[f[0], default: []].append(Entry(place: i, risk: risk, flags: flags, demonym: f.count > 3 && f[3] == "demonym"))
        }
        var states: [State] = []
        var capitals: Set<Int> = []
        var stateNames: [String: String] = [:], abbreviations: [String: String] = [:], postal: [String: String] = [:]
        for line in GazetteerData.states.split(separator: "\n") {
            let f = line.split(separator: "\t", omittingEmptySubsequences: false).map(String.init)
            guard f.count == 7 else { continue }
            if let capital = names[f[6]]?.first(where: { places[$0.place].state == f[0] && places[$0.place].kind == "city" }) {
                capitals.insert(capital.place)
            }
            states.append(State(code: f[0], name: f[1], isAmbiguousCode: f[5] == "yes"))
            stateNames[f[1]] = f[0]
            postal[f[0]] = f[0]
            if !f[2].isEmpty, f[2] != f[1] { abbreviations[f[2]] = f[0] }
            for other in f[3].split(separator: "|") where !other.contains(",") { abbreviations[String(other)] = f[0] }
        }
        abbreviations["Wis."] = "WI"; abbreviations["Penn."] = "PA"; abbreviations["Ore."] = "OR"
        self.places = places
        self.index = index
        self.names = names
        var first: Set<String> = []
        var prefixes: Set<String> = []
        var longest = 1
        for key in names.keys {
            let t = Tokenizer(key)
            if let w = t.tokens.first { first.insert(w.text) }
            longest = max(longest, t.tokens.count)
            if t.tokens.count > 1 { for k in 0..<(t.tokens.count - 1) { prefixes.insert(t.span(0, k)) } }
        }
        self.firstWords = first
        self.prefixes = prefixes
        self.maxTokens = longest
        self.states = states
        self.stateNames = stateNames
        self.stateAbbreviations = abbreviations
        self.postalCodes = postal
        self.stateWordShape = WordShape(Array(abbreviations.keys) + Array(postal.keys)
                                        + stateNames.keys.map { String($0.split(separator: " ")[0]) })
        var counties: [String: [String]] = [:]
        for line in GazetteerData.counties.split(separator: "\n") {
            let f = line.split(separator: "\t")
            if f.count == 2 { counties[String(f[0])] = f[1].split(separator: "|").map(String.init) }
        }
        self.counties = counties
        self.capitals = capitals
    }

    /// The place a mention resolves to for output: a borough or city section becomes its parent city.
    func resolved(_ i: Int) -> Int {
        if let parent = places[i].parent, let p = index[parent] { return p }
        return i
    }

    /// First words of the state names that have more than one word.
    static let stateFirstWords: Set<String> = ["New", "North", "South", "West", "Rhode", "District", "Puerto", "American",
                                               "Northern", "Virgin"]

    /// Distance in kilometres between two places (equirectangular; plenty for "is it nearby").
    func distance(_ a: Int, _ b: Int) -> Double {
        let p = places[a], q = places[b]
        let x = (q.lon - p.lon) * cos((p.lat + q.lat) / 2 * .pi / 180)
        let y = q.lat - p.lat
        return (x * x + y * y).squareRoot() * 111.2
    }

    /// The state code named by the tokens at `i` ("North Carolina", "N.C.", "Calif."), with the token count.
    func state(in tokens: [Token], at i: Int, allowPostal: Bool) -> (code: String, length: Int)? {
        guard i < tokens.count, tokens[i].kind == .word else { return nil }
        let t = tokens[i].text
        guard stateWordShape.mayContain(t) else { return nil }
        if let code = stateAbbreviations[t] { return (code, 1) }
        if allowPostal, t.count == 2, let code = postalCodes[t] { return (code, 1) }
        if let code = stateNames[t] {
            // "Camp East Montana", "Fort Nevada": a base or a camp named after the state, not the state.
            var b = i - 1
            if b >= 0, ["East", "West", "North", "South"].contains(tokens[b].text) { b -= 1 }
            if b >= 0, ["Camp", "Fort"].contains(tokens[b].text) { return nil }
            return (code, 1)
        }
        if i + 1 < tokens.count, tokens[i + 1].kind == .word, Self.stateFirstWords.contains(t) {
            let two = t + " " + tokens[i + 1].text
            if let code = stateNames[two] { return (code, 2) }
            if i + 2 < tokens.count, let code = stateNames[two + " " + tokens[i + 2].text] { return (code, 3) }
        }
        return nil
    }
}
