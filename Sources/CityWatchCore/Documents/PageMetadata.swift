import Foundation

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
        m.published = dates.lazy.compactMap { $0.flatMap(ISODate.normalize) }.first
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
