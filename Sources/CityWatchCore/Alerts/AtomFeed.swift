import Foundation

/// The alerts as an Atom feed (RFC 4287): a pure renderer, shared by the `[alerts] atom` file and any server.
public enum AtomFeed {
    /// How many alerts a feed holds by default: the newest ones.
    public static let defaultLimit = 100

    /// The feed document for `alerts` (any order; the newest come first), `updated` as the feed's own time.
    public static func render(alerts: [Alert], updated: Date) -> String {
        let entries = alerts.sorted { $0.time > $1.time }
        var out = "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n"
        out += "<feed xmlns=\"http://www.w3.org/2005/Atom\">\n"
        out += "  <id>urn:citywatch:alerts</id>\n"
        out += "  <title>citywatch alerts</title>\n"
        out += "  <subtitle>New US cities and new or changed figures in immigration-enforcement news</subtitle>\n"
        out += "  <updated>\(KnowledgeTime.string(updated))</updated>\n"
        out += "  <author><name>citywatch</name></author>\n"
        out += "  <generator version=\"\(escape(CityWatch.version))\">citywatch</generator>\n"
        for alert in entries { out += entry(alert, fallback: updated) }
        return out + "</feed>\n"
    }

    /// One `<entry>`: id from the alert id, the headline as title, the article as link, the evidence as summary.
    static func entry(_ alert: Alert, fallback: Date) -> String {
        let time = KnowledgeTime.date(alert.time).map(KnowledgeTime.string) ?? KnowledgeTime.string(fallback)
        var title = alert.headline
        if alert.watched { title += " [watched]" }
        var out = "  <entry>\n"
        out += "    <id>urn:citywatch:alert:\(escape(alert.id))</id>\n"
        out += "    <title type=\"text\">\(escape(title))</title>\n"
        out += "    <updated>\(time)</updated>\n"
        if let published = alert.article.published.flatMap(KnowledgeTime.date) {
            out += "    <published>\(KnowledgeTime.string(published))</published>\n"
        }
        out += "    <category term=\"\(escape(alert.kind.rawValue))\"/>\n"
        if let link = alert.articleLink {
            let linkTitle = alert.article.title.map { " title=\"\(escape($0))\"" } ?? ""
            out += "    <link rel=\"alternate\" type=\"text/html\" href=\"\(escape(link))\"\(linkTitle)/>\n"
            out += "    <summary type=\"text\">\(escape(alert.evidence))</summary>\n"
        } else {
            // RFC 4287 §4.1.2: an entry without an alternate link carries content.
            out += "    <content type=\"text\">\(escape(alert.evidence))</content>\n"
        }
        return out + "  </entry>\n"
    }

    /// Text made safe for XML character data and attribute values: markup escaped, control characters removed.
    public static func escape(_ text: String) -> String {
        var out = ""
        out.reserveCapacity(text.utf8.count)
        for scalar in clean(text).unicodeScalars {
            switch scalar {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&apos;"
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out
    }

    /// Removes the characters XML 1.0 forbids or a reader would trip on: C0 controls (except tab and newline),
    /// DEL, C1 controls and the noncharacters U+FFFE/U+FFFF; a carriage return becomes a newline.
    public static func clean(_ text: String) -> String {
        var out = String.UnicodeScalarView()
        for scalar in text.unicodeScalars {
            switch scalar.value {
            case 0x09, 0x0A: out.append(scalar)
            case 0x0D: out.append("\n")
            case 0x00...0x1F, 0x7F...0x9F, 0xFFFE, 0xFFFF: continue
            default: out.append(scalar)
            }
        }
        return String(out)
    }
}
