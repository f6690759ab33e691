/// Facts bounded before they reach the knowledge: a page of numbers or of city names is not news, and each
/// figure costs a lookup against the city's known measures.
extension Facts {
    /// At most these many figures and cities from one document.
    package static let maxFigures = 200
    package static let maxCities = 500

    /// The same (city, measure, value, unit) stated again is one figure; past the caps, the rest are dropped.
    /// Returns how many figures and cities were dropped.
    @discardableResult
    package mutating func bound(figures maxFigures: Int = Facts.maxFigures, cities maxCities: Int = Facts.maxCities) -> Int {
        var seen = Set<String>()
        let before = figures.count + cities.count
        var kept: [Figure] = []
        // A number past Double's range (a 400-digit "figure") is no figure.
        for figure in figures where kept.count < maxFigures && figure.value.isFinite {
            let key = "\(figure.city ?? "")\u{1F}\(figure.measure)\u{1F}\(figure.value)\u{1F}\(figure.unit.rawValue)"
            if seen.insert(key).inserted { kept.append(figure) }
        }
        figures = kept
        if cities.count > maxCities { cities = Array(cities.prefix(maxCities)) }
        return before - figures.count - cities.count
    }
}
