import Foundation

/// What one document says: the cities it names, the figures it states, the quotes it carries.
package struct Facts: Sendable, Equatable, Codable {
    package var title: String?
    /// Whether the document matches the watch keywords.
    package var relevant: Bool
    package var cities: [CityMention]
    package var figures: [Figure]
    package var quotes: [Quote]
    /// Every numeric expression recognised (only filled for `extract --numbers`).
    package var numbers: [NumberMention]?

    package init(title: String?, relevant: Bool, cities: [CityMention] = [], figures: [Figure] = [],
                quotes: [Quote] = [], numbers: [NumberMention]? = nil) {
        self.title = title
        self.relevant = relevant
        self.cities = cities
        self.figures = figures
        self.quotes = quotes
        self.numbers = numbers
    }

    private enum Key: String, CodingKey { case title, relevant, cities, figures, quotes, numbers }

    /// Writes `title` as `null` when absent; `numbers` only when recognised numbers were asked for.
    package func encode(to encoder: Encoder) throws {
        var c = encoder.container(keyedBy: Key.self)
        try c.encode(title, forKey: .title)
        try c.encode(relevant, forKey: .relevant)
        try c.encode(cities, forKey: .cities)
        try c.encode(figures, forKey: .figures)
        try c.encode(quotes, forKey: .quotes)
        try c.encodeIfPresent(numbers, forKey: .numbers)
    }
}

/// What a city is to a story: where enforcement happens, is planned or is staged, or a place named in passing
/// (where a speaker spoke, a university's campus, a mayor's title).
package enum CityRole: String, Sendable, Codable, Equatable {
    case target, mention
}

/// A US city named in a document, as "Name, ST".
package struct CityMention: Sendable, Equatable, Codable {
    package var city: String
    /// `target` raises `new_city`; a `mention` is only recorded.
    package var role: CityRole
    package var mentions: Int
    /// The first sentence (or table row) that names it.
    package var evidence: String

    package init(city: String, role: CityRole = .target, mentions: Int, evidence: String) {
        self.city = city
        self.role = role
        self.mentions = mentions
        self.evidence = evidence
    }

    private enum Key: String, CodingKey { case city, role, mentions, evidence }

    /// Reads a city without a role (facts written before roles existed) as a target.
    package init(from decoder: Decoder) throws {
        let c = try decoder.container(keyedBy: Key.self)
        self.init(city: try c.decode(String.self, forKey: .city),
                  role: try c.decodeIfPresent(CityRole.self, forKey: .role) ?? .target,
                  mentions: try c.decode(Int.self, forKey: .mentions), evidence: try c.decode(String.self, forKey: .evidence))
    }
}

/// Whose figure it is: a city's, a state's (a statewide count, another state's operation) or the nation's.
package enum FigureScope: String, Sendable, Codable, Equatable {
    case city, state, national
}

/// The unit a figure is stated in.
package enum FigureUnit: String, Sendable, Codable, Equatable {
    case count, percent, usd
}

/// How a stated number is hedged ("more than 130", "about 200").
package enum Qualifier: String, Sendable, Codable, Equatable {
    case approx, atLeast = "at_least", atMost = "at_most", moreThan = "more_than", upTo = "up_to"
}

/// A number that measures something, tied to the city it describes (nil: national) and the sentence stating it.
package struct Figure: Sendable, Equatable, Codable {
    package var city: String?
    /// Normalised lower-case noun phrase: "ice personnel assigned", "arrests".
    package var measure: String
    package var value: Double
    package var unit: FigureUnit
    package var qualifier: Qualifier?
    package var evidence: String
    /// `city` when `city` is set; `state` (with `state`) or `national` when it is nil.
    package var scope: FigureScope
    /// The USPS code of the state whose figure it is, when `scope` is `state`.
    package var state: String?
    /// A quota, goal or plan ("wants 3,000 arrests a day"), not a count of what happened.
    package var plan: Bool

    package init(city: String?, measure: String, value: Double, unit: FigureUnit, qualifier: Qualifier?, evidence: String,
                scope: FigureScope? = nil, state: String? = nil, plan: Bool = false) {
        self.city = city
        self.measure = measure
        self.value = value
        self.unit = unit
        self.qualifier = qualifier
        self.evidence = evidence
        self.scope = scope ?? (city != nil ? .city : state != nil ? .state : .national)
        self.state = state
        self.plan = plan
    }

    private enum Key: String, CodingKey { case city, scope, state, measure, value, unit, qualifier, plan, evidence }

    /// Reads a figure without scope, state or plan (facts written before they existed) from its city.
    package init(from decoder: Decoder) throws {
        let c = try decoder.container(keyedBy: Key.self)
        self.init(city: try c.decodeIfPresent(String.self, forKey: .city), measure: try c.decode(String.self, forKey: .measure),
                  value: try c.decode(Double.self, forKey: .value), unit: try c.decode(FigureUnit.self, forKey: .unit),
                  qualifier: try c.decodeIfPresent(Qualifier.self, forKey: .qualifier),
                  evidence: try c.decode(String.self, forKey: .evidence),
                  scope: try c.decodeIfPresent(FigureScope.self, forKey: .scope),
                  state: try c.decodeIfPresent(String.self, forKey: .state),
                  plan: try c.decodeIfPresent(Bool.self, forKey: .plan) ?? false)
    }

    /// Writes every field, `null` for a national figure's city and an unhedged qualifier.
    package func encode(to encoder: Encoder) throws {
        var c = encoder.container(keyedBy: Key.self)
        try c.encode(city, forKey: .city)
        try c.encode(scope, forKey: .scope)
        try c.encode(state, forKey: .state)
        try c.encode(measure, forKey: .measure)
        try c.encode(value, forKey: .value)
        try c.encode(unit, forKey: .unit)
        try c.encode(qualifier, forKey: .qualifier)
        try c.encode(plan, forKey: .plan)
        try c.encode(evidence, forKey: .evidence)
    }
}

/// Quoted words and who said them (speaker nil when unnamed, e.g. "a spokesperson").
package struct Quote: Sendable, Equatable, Codable {
    package var speaker: String?
    package var role: String?
    package var text: String

    package init(speaker: String?, role: String?, text: String) {
        self.speaker = speaker
        self.role = role
        self.text = text
    }

    private enum Key: String, CodingKey { case speaker, role, text }

    /// Writes every field, `null` for an unnamed speaker or a missing role.
    package func encode(to encoder: Encoder) throws {
        var c = encoder.container(keyedBy: Key.self)
        try c.encode(speaker, forKey: .speaker)
        try c.encode(role, forKey: .role)
        try c.encode(text, forKey: .text)
    }
}

/// A numeric expression as recognised in text, before it is judged a figure.
package struct NumberMention: Sendable, Equatable, Codable {
    package struct Range: Sendable, Equatable, Codable {
        package var min: Double
        package var max: Double
        package init(min: Double, max: Double) { self.min = min; self.max = max }
    }
    /// nil for a range.
    package var value: Double?
    package var unit: FigureUnit
    /// The text as written ("More than 130").
    package var span: String
    package var qualifier: Qualifier?
    package var range: Range?
    /// A money unit other than US dollars ("eur", "gbp", "jpy", "cny", "cad", "mxn"): written as the JSON `unit`.
    package var currency: String?

    package init(value: Double?, unit: FigureUnit, span: String, qualifier: Qualifier?, range: Range?,
                currency: String? = nil) {
        self.value = value
        self.unit = unit
        self.span = span
        self.qualifier = qualifier
        self.range = range
        self.currency = currency
    }

    private enum Key: String, CodingKey { case value, unit, span, qualifier, range, currency }

    /// Writes every field, `null` where absent, and a foreign currency as the unit.
    package func encode(to encoder: Encoder) throws {
        var c = encoder.container(keyedBy: Key.self)
        try c.encode(value, forKey: .value)
        try c.encode(currency ?? unit.rawValue, forKey: .unit)
        try c.encode(span, forKey: .span)
        try c.encode(qualifier, forKey: .qualifier)
        try c.encode(range, forKey: .range)
    }

    package init(from decoder: Decoder) throws {
        let c = try decoder.container(keyedBy: Key.self)
        let unit = try c.decode(String.self, forKey: .unit)
        self.init(value: try c.decodeIfPresent(Double.self, forKey: .value), unit: FigureUnit(rawValue: unit) ?? .count,
                  span: try c.decode(String.self, forKey: .span),
                  qualifier: try c.decodeIfPresent(Qualifier.self, forKey: .qualifier),
                  range: try c.decodeIfPresent(Range.self, forKey: .range),
                  currency: FigureUnit(rawValue: unit) == nil ? unit : nil)
    }
}
