import Foundation
import CityWatchSupport
import CityWatchKnowledge
import CityWatchDaemon

/// The dashboard's overview (`/`): a pure function from a snapshot to one self-contained HTML page.
///
/// No scripts, no external assets (styles inline, the map inline SVG), so it works offline, with JavaScript
/// disabled and under `DashboardPage.contentSecurityPolicy`. Every text from the store passes `HTMLEscape`.
package enum DashboardPage {
    /// Sent with every page: nothing may load but inline styles and same-origin or data: images.
    package static let contentSecurityPolicy =
        "default-src 'none'; style-src 'unsafe-inline'; img-src 'self' data:; form-action 'self'; base-uri 'none'; frame-ancestors 'none'"

    /// The cities listed in the overview's table at most (the map shows them all).
    package static let cityRows = 200

    /// The overview page.
    package static func render(_ snapshot: DashboardSnapshot) -> String {
        var out = ""
        out.reserveCapacity(256 * 1024)
        let since = snapshot.query.since.map(UTCTime.string)
        let cities = snapshot.cities.filter { city in
            snapshot.query.admits(city: city.city, watched: snapshot.watched) && (since.map { $0 <= city.firstSeen } ?? true)
        }
        head(title: "citywatch", into: &out)
        out += "<header><h1><a href=\"/\">citywatch</a></h1><p class=\"summary\">"
        out += "\(NumberText.grouped(Double(snapshot.cities.count))) cities known · "
        out += "\(NumberText.grouped(Double(snapshot.matchingAlerts))) alerts"
        out += snapshot.query.queryString.isEmpty ? "" : " matching the filters"
        out += " · " + HTMLEscape.text(FeedHealth.summary(snapshot.feeds))
        out += " · as of " + UTCTime.string(snapshot.now) + "</p></header>\n"
        filterForm(snapshot, into: &out)
        out += "<main>\n<div class=\"top\"><section id=\"map\"><h2>Cities named"
        out += cities.count == snapshot.cities.count ? "" : " (\(cities.count) of \(snapshot.cities.count) pass the filters)"
        out += "</h2>\n"
        map(cities, snapshot: snapshot, into: &out)
        out += "</section>\n"
        glance(cities, snapshot: snapshot, into: &out)
        out += "</div>\n<section id=\"alerts\"><h2>Latest alerts</h2>\n"
        alertTable(snapshot.alerts, into: &out)
        if snapshot.matchingAlerts > snapshot.alerts.count {
            out += "<p class=\"note\">The newest \(snapshot.alerts.count) of \(snapshot.matchingAlerts); "
            out += "all of them: <a href=\"/alerts.json\(snapshot.query.queryString.replacingOccurrences(of: "&", with: "&amp;"))\">alerts.json</a>.</p>\n"
        }
        out += "</section>\n<section id=\"cities\"><h2>Cities, newest first</h2>\n"
        cityTable(cities, snapshot: snapshot, into: &out)
        out += "</section>\n<section id=\"feeds\"><h2>Feeds</h2>\n"
        feedTable(snapshot.feeds, into: &out)
        out += "</section>\n</main>\n"
        footer(into: &out)
        return out
    }

    /// The document head with the inline style sheet, and the opening body tag.
    static func head(title: String, into out: inout String) {
        out += "<!doctype html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">"
        out += "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">"
        out += "<meta name=\"referrer\" content=\"no-referrer\">"
        out += "<title>" + HTMLEscape.text(title) + "</title><style>" + style + "</style></head>\n<body>\n"
    }

    static func footer(into out: inout String) {
        out += "<footer>Also: <a href=\"/alerts.json\">alerts.json</a> · <a href=\"/alerts.atom\">alerts.atom</a> · "
        out += "<a href=\"/metrics\">metrics</a> · <a href=\"/healthz\">healthz</a> · citywatch \(CityWatch.version)</footer>\n"
        out += "</body></html>\n"
    }

    /// The filters as a plain GET form: works without JavaScript, and a filtered view is a link to share.
    static func filterForm(_ snapshot: DashboardSnapshot, into out: inout String) {
        let query = snapshot.query
        out += "<form class=\"filters\" method=\"get\" action=\"/\"><label>kind <select name=\"kind\"><option value=\"\">any</option>"
        for kind in Alert.Kind.allCases {
            out += "<option value=\"\(kind.rawValue)\"\(query.kind == kind ? " selected" : "")>\(kind.rawValue.replacingOccurrences(of: "_", with: " "))</option>"
        }
        out += "</select></label> <label>city <input name=\"city\" size=\"16\" placeholder=\"Chicago, IL\" value=\""
        out += HTMLEscape.text(query.city ?? "") + "\"></label> <label>state <select name=\"state\"><option value=\"\">any</option>"
        let states = Set(snapshot.cities.compactMap { $0.city.split(separator: ",").last.map { $0.trimmingCharacters(in: .whitespaces) } })
            .filter { $0.count == 2 }.sorted()
        for state in states {
            out += "<option\(query.state == state ? " selected" : "")>\(HTMLEscape.text(state))</option>"
        }
        out += "</select></label> <label><input type=\"checkbox\" name=\"watched\" value=\"1\"\(query.watchedOnly ? " checked" : "")> watched only</label>"
        out += " <label>since <select name=\"since\"><option value=\"\">all time</option>"
        for (value, label) in [("24h", "24 hours"), ("7d", "7 days"), ("30d", "30 days"), ("365d", "a year")] {
            out += "<option value=\"\(value)\"\(query.sinceText == value ? " selected" : "")>\(label)</option>"
        }
        if let since = query.sinceText, !["24h", "7d", "30d", "365d"].contains(since) {
            out += "<option selected value=\"\(HTMLEscape.text(since))\">\(HTMLEscape.text(since))</option>"
        }
        out += "</select></label> <button type=\"submit\">Filter</button> <a href=\"/\">clear</a></form>\n"
    }

    static let style = """
        body{font:14px/1.45 system-ui,-apple-system,"Segoe UI",Roboto,"DejaVu Sans",sans-serif;margin:0;color:#1d2733;background:#f6f7f9}\
        header,form.filters,main,footer{padding:0 20px}header{background:#1d2733;color:#fff;padding:10px 20px}\
        header h1{margin:0;font-size:20px;display:inline-block;margin-right:14px}header a{color:#fff;text-decoration:none}\
        .summary{display:inline;color:#c9d3de;margin:0}form.filters{background:#e8ecf1;padding:8px 20px;border-bottom:1px solid #d0d7df}\
        form.filters label{margin-right:6px}h2{font-size:16px;margin:18px 0 6px}section{margin-bottom:14px}\
        table{border-collapse:collapse;width:100%;background:#fff;font-size:13px}th,td{border-bottom:1px solid #e3e7ec;padding:4px 6px;text-align:left;vertical-align:top}\
        th{background:#eef1f5;font-weight:600}td.num{text-align:right;font-variant-numeric:tabular-nums}\
        .evidence{color:#4a5563;max-width:520px}.kind{font-size:11px;padding:1px 5px;border-radius:3px;color:#fff;white-space:nowrap}\
        .new_city{background:#c0392b}.new_figure{background:#2471a3}.changed_figure{background:#b9770e}\
        .ok{color:#1e8449}.failing{color:#c0392b;font-weight:600}.pending{color:#7d8793}.watched{color:#8e44ad;font-weight:600}\
        svg.map{width:100%;max-width:860px;height:auto;background:#fff;border:1px solid #d0d7df}\
        .land circle{fill:#d3dae3}.inset{fill:none;stroke:#c4ccd6;stroke-dasharray:3 3}.inset-label{font-size:10px;fill:#8a95a3}\
        .pt{stroke:#fff;stroke-width:.8;fill-opacity:.85}.pt:hover{stroke:#000}.age1{fill:#d7301f}.age7{fill:#fc8d59}.age30{fill:#e0b040}.ageold{fill:#4f7cac}\
        .legend text{font-size:11px;fill:#4a5563}.note{color:#5d6875;font-size:12px}footer{color:#7d8793;font-size:12px;padding:14px 20px 24px}\
        svg.spark{background:#fbfcfd;border:1px solid #e3e7ec}svg.spark polyline{fill:none;stroke:#2471a3;stroke-width:1.5}svg.spark circle{fill:#2471a3}\
        .top{display:flex;gap:20px;flex-wrap:wrap;align-items:flex-start}.top section#map{flex:0 1 860px}\
        aside{flex:1 1 240px;min-width:220px}aside ol,aside ul{margin:4px 0 12px;padding-left:20px}aside li{margin:2px 0}\
        .facts{display:flex;gap:24px;flex-wrap:wrap}.facts div{background:#fff;border:1px solid #e3e7ec;padding:6px 12px}.facts b{display:block;font-size:18px}
        """
}
