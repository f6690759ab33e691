import Foundation
import CityWatchSupport
import CityWatchKnowledge

/// A city's page (`/city/<Name, ST>`): its figures with their value histories as small charts, the sources
/// that stated each value (corroboration), the articles that named it and its alerts.
package enum CityPage {
    /// The page; a city the knowledge does not hold gets a page that says so (served with 404).
    package static func render(_ snapshot: CitySnapshot) -> String {
        var out = ""
        out.reserveCapacity(32 * 1024)
        DashboardPage.head(title: "\(snapshot.name) · citywatch", into: &out)
        out += "<header><h1><a href=\"/\">citywatch</a></h1><p class=\"summary\">" + HTMLEscape.text(snapshot.name)
        out += " · as of " + UTCTime.string(snapshot.now) + "</p></header>\n<main>\n"
        out += "<h2>" + HTMLEscape.text(snapshot.name)
        if snapshot.watched { out += " <span class=\"watched\">watched</span>" }
        out += "</h2>\n"
        guard let city = snapshot.city else {
            out += "<p>The knowledge holds nothing about this city. <a href=\"/\">Back to the overview</a>.</p>\n</main>\n"
            DashboardPage.footer(into: &out)
            return out
        }
        out += "<div class=\"facts\"><div>first seen<b>" + HTMLEscape.text(city.firstSeen) + "</b></div>"
        out += "<div>articles<b>\(city.articles)</b></div><div>figures<b>\(snapshot.figures.count)</b></div>"
        out += "<div>sources<b>\(city.sources.count)</b></div></div>\n"
        out += "<p>Reported by: " + HTMLEscape.text(city.sources.joined(separator: ", ")) + "</p>\n"
        out += "<section id=\"figures\"><h2>Figures</h2>\n"
        figureTable(snapshot.figures, into: &out)
        out += "</section>\n<section id=\"alerts\"><h2>Alerts</h2>\n"
        DashboardPage.alertTable(snapshot.alerts, into: &out)
        out += "</section>\n<section id=\"articles\"><h2>Articles that named it</h2>\n"
        sightingTable(snapshot.sightings, into: &out)
        out += "</section>\n</main>\n"
        DashboardPage.footer(into: &out)
        return out
    }

    /// Each figure: its current value, a chart of its history, and every value with its articles and sources.
    static func figureTable(_ figures: [CityFigure], into out: inout String) {
        guard !figures.isEmpty else { out += "<p class=\"note\">No figures for this city.</p>\n"; return }
        out += "<table><thead><tr><th>measure</th><th>current</th><th>history</th><th>values (articles · sources)</th></tr></thead><tbody>\n"
        for entry in figures {
            let figure = entry.figure
            out += "<tr><td>" + HTMLEscape.text(figure.measure) + "</td><td class=\"num\"><b>"
            out += HTMLEscape.text(NumberText.figure(figure.current, unit: figure.unit, grouped: true)) + "</b></td><td>"
            out += SparklineChart.svg(figure.history, unit: figure.unit) + "</td><td>"
            for (i, value) in figure.history.enumerated() {
                if i > 0 { out += "<br>" }
                out += HTMLEscape.text(NumberText.figure(value.value, unit: figure.unit, grouped: true)) + " · "
                out += HTMLEscape.text(value.firstSeen) + " · \(value.articles) article\(value.articles == 1 ? "" : "s") · "
                let sources = entry.sources[value.value] ?? []
                out += "\(value.sources) source\(value.sources == 1 ? "" : "s")"
                if !sources.isEmpty { out += ": " + HTMLEscape.text(sources.prefix(6).joined(separator: ", ")) }
                if value.sources >= 2 { out += " <span class=\"ok\">corroborated</span>" }
            }
            out += "</td></tr>\n"
        }
        out += "</tbody></table>\n"
    }

    /// The articles that named the city, newest first, with the outlet and the sentence.
    static func sightingTable(_ sightings: [CitySighting], into out: inout String) {
        guard !sightings.isEmpty else { out += "<p class=\"note\">No articles recorded (seed documents only).</p>\n"; return }
        out += "<table><thead><tr><th>fetched</th><th>outlet</th><th>article</th><th>evidence</th></tr></thead><tbody>\n"
        for sighting in sightings {
            out += "<tr><td>" + HTMLEscape.text(sighting.published ?? sighting.fetched) + "</td><td>" + HTMLEscape.text(sighting.source)
            if sighting.feed != sighting.source { out += "<br><span class=\"note\">" + HTMLEscape.text(sighting.feed) + "</span>" }
            out += "</td><td>"
            DashboardPage.articleLink(title: sighting.title, url: sighting.url, into: &out)
            out += "</td><td class=\"evidence\">" + HTMLEscape.text(sighting.evidence) + "</td></tr>\n"
        }
        out += "</tbody></table>\n"
    }
}
