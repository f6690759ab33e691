import Foundation
import CityWatchSupport

/// The latest alerts as an RFC 4287 Atom feed: served at `/alerts.atom`, and written to `[alerts] atom = PATH` by
/// `AtomFeedFile` (render, then write through a temporary file and a rename).
package struct AtomFeed: Sendable {
    /// The feed's permanent id (an IRI): the same for every rendering of the same installation's feed.
    package var id: String
    package var title: String
    /// Where the feed itself is served (`rel="self"`), when it is served; absolute http(s) only.
    package var selfURL: String?
    /// The entries, newest first.
    package var alerts: [LoggedAlert]
    /// When the feed last changed: the newest alert's time, or this when there is none.
    package var emptyUpdated: Date

    /// The entries in a feed at most: readers want the latest, not the whole history.
    package static let entryLimit = 100
    /// The entries `[alerts] atom` keeps by default.
    package static let defaultLimit = entryLimit

    package init(id: String = "urn:citywatch:alerts", title: String = "citywatch alerts", selfURL: String? = nil,
                alerts: [LoggedAlert], emptyUpdated: Date = Date()) {
        self.id = id
        self.title = title
        self.selfURL = selfURL
        self.alerts = Array(alerts.prefix(Self.entryLimit))
        self.emptyUpdated = emptyUpdated
    }

    /// The XML document (UTF-8). Every text is escaped; links are written only for http and https URLs.
    package func render() -> String {
        var out = "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<feed xmlns=\"http://www.w3.org/2005/Atom\">\n"
        out += "  <id>" + Self.escape(id) + "</id>\n"
        out += "  <title>" + Self.escape(title) + "</title>\n"
        out += "  <updated>" + Self.escape(alerts.map(\.time).max() ?? UTCTime.string(emptyUpdated)) + "</updated>\n"
        out += "  <author><name>citywatch</name></author>\n"
        out += "  <generator version=\"\(CityWatch.version)\">citywatch</generator>\n"
        if let link = HTMLEscape.safeURL(selfURL) {
            out += "  <link rel=\"self\" type=\"application/atom+xml\" href=\"\(link)\"/>\n"
        }
        for alert in alerts { entry(alert, into: &out) }
        return out + "</feed>\n"
    }

    func entry(_ alert: LoggedAlert, into out: inout String) {
        out += "  <entry>\n"
        out += "    <id>urn:citywatch:alert:" + Self.escape(alert.id) + "</id>\n"
        var title = alert.headline
        if alert.watched { title += " [watched]" }
        out += "    <title type=\"text\">" + Self.escape(title) + "</title>\n"
        out += "    <updated>" + Self.escape(alert.time) + "</updated>\n"
        if let published = alert.published, UTCTime.date(published) != nil {
            out += "    <published>" + Self.escape(published) + "</published>\n"
        }
        out += "    <category term=\"" + Self.escape(alert.kind) + "\"/>\n"
        if let href = HTMLEscape.safeURL(alert.url) {
            out += "    <link rel=\"alternate\" type=\"text/html\" href=\"\(href)\""
            if let articleTitle = alert.title { out += " title=\"" + Self.escape(articleTitle) + "\"" }
            out += "/>\n"
        }
        var summary = alert.evidence
        if let articleTitle = alert.title { summary += " — " + articleTitle }
        if let feed = alert.feed { summary += " (" + feed + ")" }
        out += "    <summary type=\"text\">" + Self.escape(summary) + "</summary>\n"
        out += "  </entry>\n"
    }

    /// XML text and attribute escaping; characters XML 1.0 forbids (controls) are dropped.
    package static func escape(_ text: String) -> String { HTMLEscape.text(text) }
}
