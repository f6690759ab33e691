import Foundation
import CityWatchSupport
import CityWatchFeeds

/// What a page says about itself: `<meta>` tags, `<link rel>`, `<title>`, JSON-LD and a few microdata hints.
struct PageMetadata {
    var title: String?
    var byline: String?
    var published: String?
    var siteName: String?
    var canonical: String?
    var htmlTitle: String?
    var firstH1: String?
    /// JSON-LD is parsed only when the `<meta>` tags leave a field open (JSONSerialization is costly).
    var jsonLD = JSONLDArticle()
    var jsonLDScripts: [String] = []
    var jsonLDParsed = false

    /// The JSON-LD article fields, parsing the scripts now if that has not been needed before.
    mutating func jsonLDArticle() -> JSONLDArticle {
        if !jsonLDParsed { jsonLD = JSONLDArticle.read(jsonLDScripts); jsonLDParsed = true }
        return jsonLD
    }

    /// The `<meta>` names and properties `read` looks at.
    static let metaKeys: Set<String> = [
        "application-name", "article:author", "article:published_time", "author", "date", "datepublished", "dc.date",
        "dc.date.issued", "og:article:published_time", "og:site_name", "og:title", "og:url", "parsely-author",
        "parsely-pub-date", "pubdate", "publish-date", "publishdate", "sailthru.author", "sailthru.date",
        "twitter:creator", "twitter:title",
    ]

    /// Attribute values used as keys (property, name, itemprop, rel) come lower-cased from HTMLTreeBuilder.
    static func read(_ tree: HTMLTree, jsonLD: [String], url: String?) -> PageMetadata {
        var m = PageMetadata()
        m.jsonLDScripts = jsonLD
        var metas: [String: String] = [:]
        var relAuthor: String?
        var timeDatetime: String?
        var itempropDate: String?
        var itempropAuthor: String?
        for i in 0..<tree.count {
            switch tree.tags[i] {
            case .meta:
                // Only the keys read below are kept, so the other metas' content is not normalised.
                let keys = [tree.attribute(i, .property), tree.attribute(i, .name), tree.attribute(i, .itemprop)]
                    .compactMap { $0 }.filter { metaKeys.contains($0) && metas[$0] == nil }
                guard !keys.isEmpty, let content = tree.attribute(i, .content).map(HTMLText.normalize),
                      !content.isEmpty else { continue }
                for key in keys where metas[key] == nil { metas[key] = content }
            case .link:
                let rel = tree.attribute(i, .rel) ?? ""
                if rel.split(separator: " ").contains("canonical"), m.canonical == nil, let href = tree.attribute(i, .href) {
                    m.canonical = resolve(href, against: url)
                }
            case .title:
                if m.htmlTitle == nil { m.htmlTitle = nonEmpty(tree.plainText(i)) }
            case .h1:
                if m.firstH1 == nil { m.firstH1 = nonEmpty(tree.plainText(i)) }
            case .a:
                if relAuthor == nil, tree.attribute(i, .rel) == "author" { relAuthor = nonEmpty(tree.plainText(i)) }
            case .time:
                if timeDatetime == nil { timeDatetime = tree.attribute(i, .datetime) }
            default:
                break
            }
            if tree.tags[i] != .meta, tree.hasAttributes(i), let prop = tree.attribute(i, .itemprop) {
                if prop == "datepublished", itempropDate == nil {
                    itempropDate = tree.attribute(i, .datetime) ?? tree.attribute(i, .content) ?? nonEmpty(tree.plainText(i))
                } else if prop == "author", itempropAuthor == nil {
                    itempropAuthor = nonEmpty(tree.plainText(i))
                }
            }
        }
        let metaAuthor = metas["author"] ?? metas["article:author"] ?? metas["parsely-author"] ?? metas["sailthru.author"]
        if metas["og:site_name"] == nil || metas["og:title"] == nil && metas["twitter:title"] == nil || metaAuthor == nil
            || metas["article:published_time"] == nil {
            _ = m.jsonLDArticle()
        }
        m.siteName = metas["og:site_name"] ?? m.jsonLD.publisher ?? metas["application-name"]
        m.title = metas["og:title"] ?? metas["twitter:title"] ?? m.jsonLD.headline ?? m.firstH1 ?? m.htmlTitle.map { stripSiteName($0, site: m.siteName) }
        m.title = m.title.map(TextNormalizer.normalizeLine).flatMap(nonEmpty)
        let authorCandidates = [metas["author"], metas["article:author"], metas["parsely-author"], metas["sailthru.author"],
                                m.jsonLD.author, itempropAuthor, relAuthor, metas["twitter:creator"]]
        m.byline = authorCandidates.lazy.compactMap { $0.flatMap(cleanAuthor) }.first
        let dates = [metas["article:published_time"], metas["og:article:published_time"], metas["datepublished"],
                     m.jsonLD.datePublished, itempropDate, metas["pubdate"], metas["publishdate"], metas["publish-date"],
                     metas["parsely-pub-date"], metas["sailthru.date"], metas["dc.date"], metas["dc.date.issued"],
                     metas["date"], timeDatetime]
        m.published = dates.lazy.compactMap { $0.flatMap(isoTime) }.first
        if m.canonical == nil, let og = metas["og:url"] { m.canonical = resolve(og, against: url) }
        return m
    }

    /// "Story headline | Site" → "Story headline" (the part that is not the site's name).
    static func stripSiteName(_ title: String, site: String?) -> String {
        for separator in [" | ", " - ", " — ", " – ", " :: ", " » ", " · "] where title.contains(separator) {
            let parts = title.components(separatedBy: separator)
            if let site, let kept = parts.first(where: { !$0.localizedCaseInsensitiveContains(site) }),
               parts.contains(where: { $0.localizedCaseInsensitiveContains(site) }) {
                return kept
            }
            return parts.max(by: { $0.count < $1.count }) ?? title
        }
        return title
    }

    /// A person's name from an author field: URLs and handles dropped, "By " removed.
    static func cleanAuthor(_ raw: String) -> String? {
        var s = TextNormalizer.normalizeLine(raw)
        if s.lowercased().hasPrefix("by ") { s = String(s.dropFirst(3)).trimmingCharacters(in: .whitespaces) }
        if s.isEmpty || s.count > 100 || s.contains("://") || s.hasPrefix("@") || s.contains("www.") { return nil }
        return s
    }

    static func resolve(_ href: String, against base: String?) -> String? {
        let trimmed = TextNormalizer.trimmingWhitespace(href)
        guard !trimmed.isEmpty else { return nil }
        if trimmed.hasPrefix("http://") || trimmed.hasPrefix("https://") { return trimmed }
        guard let base, let baseURL = URL(string: base), let url = URL(string: trimmed, relativeTo: baseURL) else { return nil }
        return url.absoluteString
    }

    static func nonEmpty(_ s: String) -> String? { s.isEmpty ? nil : s }
}

extension PageMetadata {
    /// A page's date ("2019-11-19", "2019-11-19T09:05:00-05:00", "2019-11-19 14:05") as ISO 8601 in UTC to the
    /// second ("2019-11-19T14:05:00Z"); nil when it does not start with a date.
    static func isoTime(_ raw: String) -> String? {
        let s = TextNormalizer.trimmingWhitespace(raw)
        let digits = Array(s.utf8)
        func num(_ from: Int, _ len: Int) -> Int? {
            guard from + len <= digits.count else { return nil }
            var v = 0
            for k in from..<(from + len) {
                let d = digits[k]
                guard d >= 0x30 && d <= 0x39 else { return nil }
                v = v * 10 + Int(d - 0x30)
            }
            return v
        }
        guard let year = num(0, 4), digits.count >= 10, digits[4] == 0x2D, let month = num(5, 2), digits[7] == 0x2D,
              let day = num(8, 2), (1...12).contains(month), (1...31).contains(day), year > 1900 else { return nil }
        var hour = 0, minute = 0, second = 0, offset = 0
        var i = 10
        if i < digits.count, digits[i] == UInt8(ascii: "T") || digits[i] == 0x20 {
            guard let h = num(i + 1, 2), digits.count > i + 3, digits[i + 3] == 0x3A, let mi = num(i + 4, 2) else {
                return format(year, month, day, 0, 0, 0, 0)
            }
            hour = h; minute = mi; i += 6
            if i < digits.count, digits[i] == 0x3A, let sec = num(i + 1, 2) { second = sec; i += 3 }
            if i < digits.count, digits[i] == 0x2E { i += 1; while i < digits.count, digits[i] >= 0x30 && digits[i] <= 0x39 { i += 1 } }
            if i < digits.count, digits[i] == 0x2B || digits[i] == 0x2D {
                let sign = digits[i] == 0x2B ? 1 : -1
                if let oh = num(i + 1, 2) {
                    var om = 0
                    if let m = num(i + 3, 2) { om = m } else if i + 3 < digits.count, digits[i + 3] == 0x3A, let m = num(i + 4, 2) { om = m }
                    offset = sign * (oh * 60 + om)
                }
            }
        }
        return format(year, month, day, hour, minute, second, offset)
    }

    private static func format(_ y: Int, _ mo: Int, _ d: Int, _ h: Int, _ mi: Int, _ s: Int, _ offsetMinutes: Int) -> String? {
        guard (0...23).contains(h), (0...59).contains(mi), (0...60).contains(s) else { return nil }
        let days = UTCTime.days(year: Int64(y), month: Int64(mo), day: Int64(d))
        return UTCTime.string(epochSeconds: days * 86_400 + Int64(h * 3600 + mi * 60 + s - offsetMinutes * 60))
    }
}
