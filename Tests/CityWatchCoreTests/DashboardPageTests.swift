import Foundation
import Testing
@testable import CityWatchSupport
@testable import CityWatchKnowledge
@testable import CityWatchAlerts
@testable import CityWatchDashboard

@Suite struct DashboardPageTests {
    static let now = UTCTime.date("2026-11-20T12:00:00Z")!

    static func alert(_ kind: String, city: String?, title: String = "A title", url: String? = "https://example.org/a",
                      evidence: String = "The sentence.", time: String = "2026-11-20T11:00:00Z") -> LoggedAlert {
        let line = "{\"id\":\"\(kind)\(city ?? "")\",\"time\":\"\(time)\",\"kind\":\"\(kind)\",\"city\":\(JSONWriter.text { $0.string(city) }),\"watched\":false,"
            + "\"measure\":\"arrests\",\"value\":4500,\"unit\":\"count\",\"previous\":null,\"article\":{\"url\":\(JSONWriter.text { $0.string(url) }),"
            + "\"title\":\(JSONWriter.text { $0.string(title) }),\"feed\":\"wire\",\"published\":null},\"evidence\":\(JSONWriter.text { $0.string(evidence) })}"
        return LoggedAlert(AlertLogLine(bytes: ArraySlice(Array(line.utf8))))!
    }

    static func snapshot(alerts: [LoggedAlert] = [], query: DashboardQuery = DashboardQuery()) -> DashboardSnapshot {
        let cities = [
            KnownCity(city: "Chicago, IL", firstSeen: "2026-01-01T00:00:00Z", articles: 40, sources: ["AP", "Tribune"]),
            KnownCity(city: "Denver, CO", firstSeen: "2026-11-16T00:00:00Z", articles: 3, sources: ["Post"]),
            KnownCity(city: "Honolulu, HI", firstSeen: "2026-11-20T06:00:00Z", articles: 1, sources: ["Star"]),
        ]
        return DashboardSnapshot(now: now, cities: cities, figureCounts: ["Chicago, IL": 2], alerts: alerts, feeds: [],
                                 watched: ["Chicago, IL"], query: query)
    }

    @Test func escapingCoversTextAttributesAndControls() {
        #expect(HTMLEscape.text("<a href=\"x\">O'Hare & co</a>") == "&lt;a href=&quot;x&quot;&gt;O&#39;Hare &amp; co&lt;/a&gt;")
        #expect(HTMLEscape.text("red\u{1B}[31m\u{0}\u{7F}\u{85} \u{202E}evil\u{2066}") == "red[31m evil")
        #expect(HTMLEscape.text("line\nbreak\ttab") == "line break tab")
        #expect(HTMLEscape.text("plain, ünïcödé") == "plain, ünïcödé")
        #expect(HTMLEscape.safeURL("https://example.org/a?b=1&c=\"2\"") == "https://example.org/a?b=1&amp;c=&quot;2&quot;")
        #expect(HTMLEscape.safeURL("http://example.org/") != nil)
        for bad in ["javascript:alert(1)", "JAVASCRIPT:alert(1)", " javascript:x", "data:text/html,<b>", "file:///etc/passwd",
                    "//evil.example/", "/relative", "https://", "https://exa mple.org/", "https://example.org/\u{0}x", "vbscript:x"] {
            #expect(HTMLEscape.safeURL(bad) == nil, "\(bad)")
        }
        #expect(HTMLEscape.component("Chicago, IL") == "Chicago%2C%20IL")
    }

    @Test func overviewShowsMapAlertsCitiesAndFeedsWithoutScripts() {
        let page = DashboardPage.render(Self.snapshot(alerts: [Self.alert("new_city", city: "Denver, CO")]))
        #expect(page.hasPrefix("<!doctype html>"))
        #expect(page.contains("<svg class=\"map\" viewBox=\"0 0 960 600\""))
        // Each city a point linking to its page; colour by first-seen age.
        #expect(page.contains("<a href=\"/city/Chicago%2C%20IL\"><circle class=\"pt ageold\""))
        #expect(page.contains("<a href=\"/city/Denver%2C%20CO\"><circle class=\"pt age7\""))
        #expect(page.contains("<a href=\"/city/Honolulu%2C%20HI\"><circle class=\"pt age1\""))
        #expect(page.contains("<span class=\"kind new_city\">new city</span>"))
        #expect(page.contains("<a href=\"https://example.org/a\" rel=\"noopener noreferrer nofollow\">A title</a>"))
        #expect(page.contains("<span class=\"watched\">watched</span>"))
        #expect(page.contains("<form class=\"filters\" method=\"get\" action=\"/\">"))
        #expect(!page.contains("<script") && !page.contains("http://fonts") && !page.contains("src=\"http"))
        // Bigger cities draw bigger points.
        #expect(page.contains("r=\"12.6\"") && page.contains("r=\"4.1\""))
    }

    @Test func hostileAlertFieldsStayText() {
        let hostile = Self.alert("new_city", city: "Denver, CO", title: "<script>alert('t')</script>\u{1B}]0;x\u{07}",
                                 url: "javascript:alert(1)", evidence: "\"><img src=x onerror=alert(1)>")
        let page = DashboardPage.render(Self.snapshot(alerts: [hostile]))
        #expect(!page.contains("<script") && !page.contains("<img") && !page.contains("javascript:"))
        #expect(page.contains("&lt;script&gt;alert(&#39;t&#39;)&lt;/script&gt;]0;x"))
        #expect(page.contains("&quot;&gt;&lt;img src=x onerror=alert(1)&gt;"))
        #expect(!page.unicodeScalars.contains { $0.value == 0x1B || $0.value == 0x07 })
    }

    @Test func filtersNarrowCitiesAndAlerts() {
        let query = DashboardQuery(parameters: DashboardQuery.pairs("kind=new_figure&state=co&watched=&since=7d&junk=1"), now: Self.now)
        #expect(query.kind == .newFigure && query.state == "CO" && !query.watchedOnly && query.sinceText == "7d")
        #expect(query.queryString == "?kind=new_figure&state=CO&since=7d")
        #expect(query.admits(city: "Denver, CO", watched: []))
        #expect(!query.admits(city: "Chicago, IL", watched: []))
        #expect(query.admits(Self.alert("new_figure", city: "Denver, CO"), watched: []))
        #expect(!query.admits(Self.alert("new_city", city: "Denver, CO"), watched: []))
        #expect(!query.admits(Self.alert("new_figure", city: "Denver, CO", time: "2026-11-01T00:00:00Z"), watched: []))
        let page = DashboardPage.render(Self.snapshot(query: query))
        #expect(page.contains("/city/Denver%2C%20CO"))
        #expect(!page.contains("<a href=\"/city/Chicago%2C%20IL\"><circle"))
        #expect(page.contains("<option value=\"new_figure\" selected>"))
        let watched = DashboardQuery(parameters: [("watched", "1"), ("city", "chicago, il")])
        #expect(watched.admits(city: "Chicago, IL", watched: ["Chicago, IL"]))
        #expect(!watched.admits(city: "Denver, CO", watched: ["Chicago, IL"]))
        let pairs = DashboardQuery.pairs("city=New+York%2C%20NY")
        #expect(pairs.count == 1 && pairs[0].0 == "city" && pairs[0].1 == "New York, NY")
    }

    @Test func mapPlacesTheLower48AndTheInsets() throws {
        let chicago = try #require(USMap.positions["Chicago, IL"])
        let seattle = try #require(USMap.positions["Seattle, WA"])
        let miami = try #require(USMap.positions["Miami, FL"])
        #expect(seattle.x < chicago.x && chicago.x < miami.x)
        #expect(seattle.y < chicago.y && chicago.y < miami.y)
        for (name, region) in [("Anchorage, AK", "Alaska"), ("Honolulu, HI", "Hawaii"), ("San Juan, PR", "Puerto Rico")] {
            let point = try #require(USMap.positions[name], "\(name)")
            let box = try #require(USMap.regions.first { $0.name == region })
            #expect(point.x >= box.x && point.x <= box.x + box.w && point.y >= box.y && point.y <= box.y + box.h, "\(name)")
        }
        for point in USMap.positions.values {
            #expect(point.x >= 0 && point.x <= USMap.width && point.y >= 0 && point.y <= USMap.height)
        }
    }

    @Test func cityPageChartsEachFigureWithItsSources() {
        let history = [KnownFigure.Value(value: 180, firstSeen: "2026-10-01T00:00:00Z", lastSeen: "2026-10-02T00:00:00Z", articles: 2, sources: 2),
                       KnownFigure.Value(value: 250, firstSeen: "2026-11-18T00:00:00Z", lastSeen: "2026-11-18T00:00:00Z", articles: 1, sources: 1)]
        let figure = KnownFigure(city: "Chicago, IL", measure: "ice personnel assigned", key: "k", unit: "count", current: 250, history: history)
        let snapshot = CitySnapshot(now: Self.now, name: "Chicago, IL",
                                    city: KnownCity(city: "Chicago, IL", firstSeen: "2026-01-01T00:00:00Z", articles: 3, sources: ["AP", "<b>Trib</b>"]),
                                    figures: [CityFigure(figure: figure, sources: [180: ["AP", "Trib"], 250: ["AP"]])],
                                    sightings: [CitySighting(title: "T", url: "https://example.org/t", source: "AP", feed: "wire", published: nil,
                                                             fetched: "2026-11-18T00:00:00Z", mentions: 2, evidence: "Chicago gets 250.")],
                                    alerts: [], watched: true)
        let page = CityPage.render(snapshot)
        #expect(page.contains("<svg class=\"spark\""))
        #expect(page.contains("<polyline points=\"6,38 174,6\"/>"))
        #expect(page.contains("180 · 2026-10-01T00:00:00Z · 2 articles · 2 sources: AP, Trib <span class=\"ok\">corroborated</span>"))
        #expect(page.contains("&lt;b&gt;Trib&lt;/b&gt;"))
        #expect(page.contains("<a href=\"https://example.org/t\""))
        let unknown = CityPage.render(CitySnapshot(now: Self.now, name: "<x>", city: nil, figures: [], sightings: [], alerts: [], watched: false))
        #expect(unknown.contains("holds nothing about this city") && unknown.contains("&lt;x&gt;"))
    }

    @Test func numbersReadLikeNumbers() {
        #expect(NumberText.grouped(4500) == "4,500")
        #expect(NumberText.grouped(1_200_000) == "1,200,000")
        #expect(NumberText.grouped(27.5) == "27.5")
        #expect(NumberText.grouped(-12) == "-12")
        #expect(NumberText.grouped(27.999) == "28")
        #expect(NumberText.figure(2_500_000, unit: "usd") == "2500000 USD")
        #expect(NumberText.figure(2_500_000, unit: "usd", grouped: true) == "$2,500,000")
        #expect(NumberText.figure(27, unit: "percent") == "27%" && NumberText.figure(180, unit: "count") == "180")
        #expect(Self.alert("new_figure", city: nil).headline == "national: arrests 4,500")
    }
}
