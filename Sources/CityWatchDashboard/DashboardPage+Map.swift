import Foundation
import CityWatchSupport
import CityWatchKnowledge

extension DashboardPage {
    /// The map: every city the knowledge holds as a point, coloured by how long ago it was first seen and
    /// sized by its articles; each point links to the city's page and names it in a tooltip.
    static func map(_ cities: [KnownCity], snapshot: DashboardSnapshot, into out: inout String) {
        out += "<svg class=\"map\" viewBox=\"0 0 \(Int(USMap.width)) \(Int(USMap.height))\" role=\"img\" aria-label=\"Map of the cities named\" xmlns=\"http://www.w3.org/2000/svg\">"
        out += USMap.backdrop
        let cutoffs = [1.0, 7, 30].map { UTCTime.string(snapshot.now.addingTimeInterval(-$0 * 86_400)) }
        var unplaced: [KnownCity] = []
        // Big points first, so small ones stay visible (and clickable) on top.
        for city in cities.sorted(by: { $0.articles > $1.articles }) {
            guard let p = USMap.positions[city.city] else { unplaced.append(city); continue }
            let age = city.firstSeen >= cutoffs[0] ? "age1" : city.firstSeen >= cutoffs[1] ? "age7"
                : city.firstSeen >= cutoffs[2] ? "age30" : "ageold"
            let radius = min(14, 2.5 + 1.6 * Double(max(1, city.articles)).squareRoot())
            let name = HTMLEscape.text(city.city)
            out += "<a href=\"/city/\(HTMLEscape.component(city.city))\"><circle class=\"pt \(age)\" cx=\"\(USMap.fmt(p.x))\" cy=\"\(USMap.fmt(p.y))\" r=\"\(USMap.fmt(radius))\">"
            out += "<title>\(name): \(city.articles) article\(city.articles == 1 ? "" : "s"), first seen \(HTMLEscape.text(city.firstSeen))</title></circle></a>"
        }
        legend(into: &out)
        out += "</svg>\n"
        if !unplaced.isEmpty {
            out += "<p class=\"note\">Not on the map (no coordinates): "
            for (i, city) in unplaced.prefix(40).enumerated() {
                if i > 0 { out += ", " }
                out += "<a href=\"/city/\(HTMLEscape.component(city.city))\">\(HTMLEscape.text(city.city))</a>"
            }
            if unplaced.count > 40 { out += " and \(unplaced.count - 40) more" }
            out += ".</p>\n"
        }
    }

    /// The colour key (first seen) and the size key (articles), drawn in the map's bottom middle.
    static func legend(into out: inout String) {
        out += "<g class=\"legend\" transform=\"translate(380 548)\"><text x=\"0\" y=\"-6\">first seen</text>"
        for (i, (css, label)) in [("age1", "today"), ("age7", "this week"), ("age30", "this month"), ("ageold", "earlier")].enumerated() {
            let x = i * 86
            out += "<circle class=\"pt \(css)\" cx=\"\(x + 6)\" cy=\"8\" r=\"5\"/><text x=\"\(x + 15)\" y=\"12\">\(label)</text>"
        }
        out += "<text x=\"0\" y=\"34\">size: articles (1, 10, 50)</text>"
        for (i, n) in [1.0, 10, 50].enumerated() {
            let r = min(14, 2.5 + 1.6 * n.squareRoot())
            out += "<circle class=\"pt ageold\" cx=\"\(150 + i * 30)\" cy=\"30\" r=\"\(USMap.fmt(r))\"/>"
        }
        out += "</g>"
    }
}
