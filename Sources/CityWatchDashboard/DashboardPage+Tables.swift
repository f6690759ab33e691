import Foundation
import CityWatchSupport
import CityWatchKnowledge
import CityWatchAlerts
import CityWatchDaemon

extension DashboardPage {
    /// The alerts: time, kind, city, figure, the evidence sentence and a link to the article (http/https only).
    static func alertTable(_ alerts: [LoggedAlert], into out: inout String) {
        guard !alerts.isEmpty else { out += "<p class=\"note\">No alerts match.</p>\n"; return }
        out += "<table><thead><tr><th>time</th><th>kind</th><th>city</th><th>figure</th><th>evidence</th><th>article</th></tr></thead><tbody>\n"
        for alert in alerts {
            out += "<tr><td>" + HTMLEscape.text(alert.time) + "</td><td><span class=\"kind "
            out += HTMLEscape.text(alert.kind) + "\">" + HTMLEscape.text(alert.kind.replacingOccurrences(of: "_", with: " ")) + "</span></td><td>"
            if let city = alert.city {
                out += "<a href=\"/city/\(HTMLEscape.component(city))\">\(HTMLEscape.text(city))</a>"
                if alert.watched { out += " <span class=\"watched\">watched</span>" }
            } else {
                out += "national"
            }
            out += "</td><td>"
            if let measure = alert.measure {
                out += HTMLEscape.text(measure) + ": <b>" + HTMLEscape.text(alert.formattedValue(alert.value)) + "</b>"
                if let previous = alert.previous { out += " (was " + HTMLEscape.text(alert.formattedValue(previous)) + ")" }
            }
            out += "</td><td class=\"evidence\">" + HTMLEscape.text(alert.evidence) + "</td><td>"
            articleLink(title: alert.title, url: alert.url, into: &out)
            if let feed = alert.feed { out += "<br><span class=\"note\">" + HTMLEscape.text(feed) + "</span>" }
            out += "</td></tr>\n"
        }
        out += "</tbody></table>\n"
    }

    /// A title linked to its article when the URL is http or https; otherwise the title (and URL) as text.
    static func articleLink(title: String?, url: String?, into out: inout String) {
        let label = HTMLEscape.text(title ?? url ?? "article")
        if let href = HTMLEscape.safeURL(url) {
            out += "<a href=\"\(href)\" rel=\"noopener noreferrer nofollow\">\(label)</a>"
        } else {
            out += label
        }
    }

    /// The newest cities (first seen) with their articles, figures and sources, at most `cityRows`.
    static func cityTable(_ cities: [KnownCity], snapshot: DashboardSnapshot, into out: inout String) {
        guard !cities.isEmpty else { out += "<p class=\"note\">No city matches.</p>\n"; return }
        out += "<table><thead><tr><th>city</th><th>first seen</th><th>articles</th><th>figures</th><th>sources</th></tr></thead><tbody>\n"
        // `cities` is oldest first (the store's order).
        for city in cities.reversed().prefix(cityRows) {
            out += "<tr><td><a href=\"/city/\(HTMLEscape.component(city.city))\">\(HTMLEscape.text(city.city))</a>"
            if snapshot.watched.contains(city.city) { out += " <span class=\"watched\">watched</span>" }
            out += "</td><td>" + HTMLEscape.text(city.firstSeen) + "</td><td class=\"num\">\(city.articles)</td>"
            out += "<td class=\"num\">\(snapshot.figureCounts[city.city] ?? 0)</td><td>"
            out += HTMLEscape.text(city.sources.prefix(4).joined(separator: ", "))
            if city.sources.count > 4 { out += " +\(city.sources.count - 4)" }
            out += "</td></tr>\n"
        }
        out += "</tbody></table>\n"
        if cities.count > cityRows {
            out += "<p class=\"note\">The newest \(cityRows) of \(cities.count); narrow them with the state or since filter.</p>\n"
        }
    }

    /// Beside the map: the most reported cities and each feed's state, at a glance.
    static func glance(_ cities: [KnownCity], snapshot: DashboardSnapshot, into out: inout String) {
        out += "<aside><h2>Most reported</h2><ol>"
        for city in cities.sorted(by: { $0.articles != $1.articles ? $0.articles > $1.articles : $0.city < $1.city }).prefix(10) {
            out += "<li><a href=\"/city/\(HTMLEscape.component(city.city))\">\(HTMLEscape.text(city.city))</a> "
            out += "<span class=\"note\">\(city.articles) article\(city.articles == 1 ? "" : "s"), \(snapshot.figureCounts[city.city] ?? 0) figures</span></li>"
        }
        out += "</ol><h2>Feeds</h2><ul>"
        for feed in snapshot.feeds.sorted(by: { ($0.state == "failing" ? 0 : 1, $0.name) < ($1.state == "failing" ? 0 : 1, $1.name) }).prefix(12) {
            out += "<li>" + HTMLEscape.text(feed.name) + " <span class=\"\(feed.state)\">\(feed.state)</span></li>"
        }
        if snapshot.feeds.count > 12 { out += "<li><a href=\"#feeds\">all \(snapshot.feeds.count)</a></li>" }
        out += "</ul></aside>\n"
    }

    /// The feeds' health, as `citywatch status` reports it.
    static func feedTable(_ feeds: [FeedHealth], into out: inout String) {
        guard !feeds.isEmpty else { out += "<p class=\"note\">No feeds configured.</p>\n"; return }
        out += "<table><thead><tr><th>feed</th><th>state</th><th>last success</th><th>failures</th><th>next poll</th><th>items</th><th>alerts</th></tr></thead><tbody>\n"
        for feed in feeds {
            out += "<tr><td>" + HTMLEscape.text(feed.name) + "<br><span class=\"note\">" + HTMLEscape.text(feed.url) + "</span></td>"
            out += "<td class=\"\(feed.state)\">\(feed.state)</td><td>" + HTMLEscape.text(feed.lastSuccess ?? "never") + "</td>"
            out += "<td class=\"num\">\(feed.consecutiveFailures)</td><td>" + HTMLEscape.text(feed.nextPoll ?? "at start") + "</td>"
            out += "<td class=\"num\">\(feed.itemsSeen)</td><td class=\"num\">\(feed.alertsRaised)</td></tr>\n"
            if let error = feed.lastError {
                out += "<tr><td></td><td colspan=\"6\" class=\"failing\">last error (" + HTMLEscape.text(feed.lastErrorTime ?? "?") + "): "
                out += HTMLEscape.text(error) + "</td></tr>\n"
            }
        }
        out += "</tbody></table>\n<p class=\"note\">" + HTMLEscape.text(FeedHealth.summary(feeds)) + "</p>\n"
    }
}
