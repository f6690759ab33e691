import CLibXML2
import Foundation

/// Maps a parsed RSS, RDF or Atom tree onto ParsedFeed's fields, the way common feed readers do.
struct FeedXMLMapper {
    let doc: xmlDocPtr
    var namespaces = NamespaceCache()
    /// Whether any base URI (document URL or xml:base) can apply; saves the base look-ups otherwise.
    var hasBase: Bool
    var cdf = false
    /// Atom 1.0 (not 0.3): xhtml content sits in a wrapper div that is not part of it.
    var atom10 = false

    init(doc: xmlDocPtr, hasBase: Bool) {
        self.doc = doc
        self.hasBase = hasBase
    }

    struct Result {
        var format: String
        var version: String?
        var feed = ParsedFeed.Info()
        var items: [FeedItem] = []
        var ttl: Int?
    }

    /// nil when the root element is not a feed.
    mutating func map(_ root: xmlNodePtr) -> Result? {
        let top = namespaces.element(root)
        switch top.name.lowercased() {
        case "rss":
            var result = Result(format: "rss", version: XMLNode.attribute(root, "version").flatMap(nonEmpty))
            for child in XMLNode.elements(root) {
                let el = namespaces.element(child)
                if el.name == "channel" { mapChannel(child, into: &result) } else if el.name == "item" {
                    result.items.append(mapEntry(child))
                }
            }
            return result
        case "rdf":
            var result = Result(format: "rdf", version: "1.0")
            for child in XMLNode.elements(root) {
                let el = namespaces.element(child)
                if el.ns == .rss090 { result.version = "0.90" }
                if el.name == "channel" { mapChannel(child, into: &result) } else if el.name == "item" {
                    result.items.append(mapEntry(child))
                }
            }
            return result
        case "channel":
            // A bare channel: RSS 0.9x without its wrapper, or Microsoft's CDF (HREF/LASTMOD attributes).
            var result = Result(format: "rss", version: nil)
            cdf = XMLNode.attribute(root, "href") != nil || XMLNode.attribute(root, "lastmod") != nil
                || XMLNode.elements(root).contains { XMLNode.attribute($0, "href") != nil || XMLNode.attribute($0, "lastmod") != nil }
            mapChannel(root, into: &result)
            if cdf { result.format = "cdf"; mapCDF(root, into: &result.feed) }
            return result
        case "feed":
            let atom03 = root.pointee.ns.map { FeedNamespace.classify($0.pointee.href) == .atom03 } ?? false
            let version = atom03 || XMLNode.attribute(root, "version") == "0.3" ? "0.3" : "1.0"
            var result = Result(format: "atom", version: version)
            atom10 = version == "1.0"
            mapChannel(root, into: &result)
            if result.feed.language == nil { result.feed.language = xmlLang(root) }
            return result
        default:
            return nil
        }
    }

    /// The channel (RSS/RDF) or feed (Atom) level: metadata and the items inside it.
    mutating func mapChannel(_ node: xmlNodePtr, into result: inout Result) {
        var slots = Slots()
        for child in XMLNode.elements(node) {
            let el = namespaces.element(child)
            switch (el.ns, el.name) {
            case (_, "item") where el.ns != .atom10, (.atom10, "entry"), (.none, "entry"):
                result.items.append(mapEntry(child))
            case (.none, "ttl"), (.rss10, "ttl"):
                result.ttl = Int(XMLNode.text(child).trimmingCharacters(in: .whitespacesAndNewlines))
            case (.none, "language"), (.dc, "language"):
                slots.offer(.language, 0, cleaned(XMLNode.text(child)))
            case (.none, "lastbuilddate"), (.dc, "date"), (.dcterms, "modified"):
                slots.offer(.updated, 1, FeedDate.iso8601(XMLNode.text(child)))
            case (.none, "pubdate"):
                slots.offer(.updated, 2, FeedDate.iso8601(XMLNode.text(child)))
            default:
                mapCommon(el, into: &slots)
            }
        }
        result.feed = ParsedFeed.Info(title: slots.title?.value, link: slots.link?.value,
                                      updated: slots.updated?.value, language: slots.language?.value)
    }

    /// One RSS item, RDF item or Atom entry.
    mutating func mapEntry(_ node: xmlNodePtr) -> FeedItem {
        var slots = Slots()
        if let about = XMLNode.attribute(node, "about", nsHref: "http://www.w3.org/1999/02/22-rdf-syntax-ns#") {
            slots.offer(.id, 3, cleaned(about))
        }
        for child in XMLNode.elements(node) {
            mapCommon(namespaces.element(child), into: &slots)
        }
        if cdf {
            if let href = XMLNode.attribute(node, "href").flatMap(cleaned) {
                let base = node.pointee.parent.flatMap { XMLNode.attribute($0, "base") }
                slots.offer(.link, 0, base.map { FeedLinks.resolve(href, against: $0) } ?? href)
            }
            slots.offer(.updated, 0, XMLNode.attribute(node, "lastmod").flatMap(FeedDate.iso8601))
            if slots.summary == nil, let abstract = XMLNode.elements(node).first(where: { namespaces.element($0).name == "abstract" }) {
                slots.offer(.summary, 0, field(abstract))
            }
        }
        var item = FeedItem()
        item.title = slots.title?.value
        item.link = slots.link?.value
        item.id = slots.id?.value
        item.published = slots.published?.value
        item.updated = slots.updated?.value
        if let raw = slots.author?.value {
            let (name, email) = FeedAuthor.split(raw)
            item.author = name
            item.authorEmail = slots.authorEmail?.value ?? email
        } else {
            item.authorEmail = slots.authorEmail?.value
        }
        item.summary = slots.summary?.value
        item.content = slots.content?.value
        return item
    }

    /// Elements that mean the same at feed and entry level.
    mutating func mapCommon(_ el: FeedElement, into slots: inout Slots) {
        let node = el.node
        switch (el.ns, el.name) {
        case (.none, "title"), (.rss10, "title"), (.rss090, "title"):
            slots.offer(.title, 0, field(node))
        case (.atom10, "title"):
            slots.offer(.title, 0, atomText(node))
        case (.dc, "title"):
            slots.offer(.title, 1, field(node))
        case (.media, "title"):
            slots.offer(.title, 3, field(node))
        case (.none, "link"), (.rss10, "link"), (.rss090, "link"), (.atom10, "link"):
            if XMLNode.attribute(node, "href") != nil {
                if let (href, rank) = atomLink(node) { slots.offer(.link, rank, href) }
            } else {
                // A link without href holds its URL as text; in Atom that is a publisher's slip, ranked lower.
                slots.offer(.link, el.ns == .atom10 ? 2 : 1, cleaned(XMLNode.text(node)).map { resolve($0, node) })
            }
        case (.none, "guid"), (.rss10, "guid"):
            let value = field(node)
            slots.offer(.id, 0, value)
            let permalink = XMLNode.attribute(node, "ispermalink")?.lowercased() != "false"
            if permalink { slots.offer(.link, 5, value.map { resolve($0, node) }) }
        case (.atom10, "id"), (.none, "id"):
            slots.offer(.id, 0, cleaned(XMLNode.text(node)).map { resolve($0, node) })
        case (.none, "pubdate"), (.atom10, "published"), (.atom10, "issued"), (.dcterms, "issued"), (.none, "issued"), (.none, "published"):
            slots.offer(.published, 0, FeedDate.iso8601(XMLNode.text(node)))
        case (.atom10, "updated"), (.atom10, "modified"), (.none, "updated"), (.none, "modified"):
            slots.offer(.updated, 0, FeedDate.iso8601(XMLNode.text(node)))
        case (.dc, "date"), (.dcterms, "modified"):
            slots.offer(.updated, 1, FeedDate.iso8601(XMLNode.text(node)))
        case (.none, "author"), (.rss10, "author"):
            if XMLNode.hasElementChildren(node) { offerPerson(node, rank: 0, into: &slots) } else {
                slots.offer(.author, 0, cleaned(XMLNode.text(node)), firstWins: true)
            }
        case (.atom10, "author"):
            offerPerson(node, rank: 0, into: &slots)
        case (.dc, "creator"), (.dc, "author"):
            slots.offer(.author, 1, cleaned(XMLNode.text(node)), firstWins: true)
        case (.itunes, "author"):
            slots.offer(.author, 2, cleaned(XMLNode.text(node)), firstWins: true)
        case (.none, "description"), (.rss10, "description"), (.rss090, "description"):
            slots.offer(.summary, 0, field(node))
        case (.atom10, "summary"), (.none, "summary"):
            slots.offer(.summary, 0, atomText(node))
        case (.dc, "description"):
            slots.offer(.summary, 1, field(node))
        case (.itunes, "summary"):
            slots.offer(.summary, 2, field(node))
        case (.itunes, "subtitle"):
            slots.offer(.summary, 3, field(node))
        case (.media, "description"):
            slots.offer(.summary, 4, field(node))
        case (.content, "encoded"):
            slots.offer(.content, 0, field(node))
        case (.atom10, "content"), (.none, "content"):
            slots.offer(.content, 0, atomText(node))
        case (.xhtml, "body"):
            slots.offer(.content, 1, cleaned(XMLNode.innerXML(node)))
        default:
            break
        }
    }

    mutating func offerPerson(_ node: xmlNodePtr, rank: Int, into slots: inout Slots) {
        var name: String?, email: String?
        for child in XMLNode.elements(node) {
            let el = namespaces.element(child)
            if el.name == "name" { name = name ?? cleaned(XMLNode.text(child)) }
            if el.name == "email" { email = email ?? cleaned(XMLNode.text(child)) }
        }
        guard name != nil || email != nil else { return }
        if slots.author == nil || rank < slots.author!.rank {
            slots.author = name.map { Slot(rank: rank, value: $0) }
            slots.authorEmail = email.map { Slot(rank: rank, value: $0) }
            if name == nil { slots.author = nil }
        }
    }

    /// An Atom link's href with its rank: alternate HTML links first, any other alternate next.
    func atomLink(_ node: xmlNodePtr) -> (String, Int)? {
        guard let href = XMLNode.attribute(node, "href").flatMap(cleaned) else { return nil }
        let rel = XMLNode.attribute(node, "rel")?.lowercased() ?? "alternate"
        guard rel == "alternate" else { return nil }
        let type = XMLNode.attribute(node, "type")?.lowercased() ?? "text/html"
        let html = type == "text/html" || type == "application/xhtml+xml" || type == "html" || type == "xhtml"
        return (resolve(href, node), html ? 1 : 4)
    }

    /// An RSS-style text field: its text, or its markup when it holds elements; relative links resolved.
    func field(_ node: xmlNodePtr) -> String? {
        if XMLNode.hasElementChildren(node) { return cleaned(XMLNode.innerXML(node, base: base(node))) }
        guard let text = cleaned(XMLNode.text(node)) else { return nil }
        if hasBase, text.utf8.contains(0x3D), let base = base(node) { return FeedLinks.resolveHTML(text, against: base) }
        return text
    }

    /// An Atom text construct (text, html, xhtml; Atom 0.3 escaped, base64 and xml modes).
    func atomText(_ node: xmlNodePtr) -> String? {
        let type = XMLNode.attribute(node, "type")?.lowercased() ?? "text"
        let mode = XMLNode.attribute(node, "mode")?.lowercased()
        if mode == "base64" || FeedXMLMapper.isBinary(type) {
            let raw = XMLNode.text(node).filter { !$0.isWhitespace }
            let decoded = Data(base64Encoded: raw, options: .ignoreUnknownCharacters)
                .flatMap { String(data: $0, encoding: .utf8) }.flatMap(cleaned)
            if let decoded, hasBase, decoded.utf8.contains(0x3D), let base = base(node) {
                return FeedLinks.resolveHTML(decoded, against: base)
            }
            return decoded
        }
        if type == "xhtml" || (atom10 && type == "application/xhtml+xml") {
            // Atom 1.0 xhtml: the content is inside one xhtml:div, which is not part of it.
            let children = XMLNode.elements(node)
            if children.count == 1, let div = children.first, namespaces.peek(div).name == "div" {
                return cleaned(XMLNode.innerXML(div, base: base(div)))
            }
        }
        return field(node)
    }

    /// Media types whose content can only be base64 (Atom 1.0 allows any; real feeds use these).
    static func isBinary(_ type: String) -> Bool {
        type == "application/octet-stream" || type.hasPrefix("image/") || type.hasPrefix("audio/") || type.hasPrefix("video/")
    }

    /// The base URI in effect at a node (xml:base, then the document URL), when there is one.
    func base(_ node: xmlNodePtr) -> String? {
        guard hasBase, let base = xmlNodeGetBase(doc, node) else { return nil }
        defer { cw_xmlFree(base) }
        return String(cString: base)
    }

    mutating func mapCDF(_ root: xmlNodePtr, into feed: inout ParsedFeed.Info) {
        if feed.link == nil { feed.link = XMLNode.attribute(root, "href").flatMap(cleaned) }
        if feed.updated == nil { feed.updated = XMLNode.attribute(root, "lastmod").flatMap(FeedDate.iso8601) }
    }

    func xmlLang(_ node: xmlNodePtr) -> String? {
        guard let lang = xmlNodeGetLang(node) else { return nil }
        defer { cw_xmlFree(lang) }
        return cleaned(String(cString: lang))
    }

    /// Resolves a relative reference against xml:base and the document URL.
    func resolve(_ url: String, _ node: xmlNodePtr) -> String {
        if !hasBase || FeedLinks.hasScheme(url) { return url }
        guard let base = base(node) else { return url }
        return FeedLinks.resolve(url, against: base)
    }
}

/// Trimmed, or nil when empty.
func cleaned(_ s: String) -> String? {
    // Byte-level (Foundation's trimming goes through UTF-16 and was most of the parse time).
    var s = s
    let (start, end, count) = s.withUTF8 { u -> (Int, Int, Int) in
        @inline(__always) func blank(_ c: UInt8) -> Bool { c == 0x20 || c == 0x0A || c == 0x0D || c == 0x09 || c == 0x0C }
        var start = 0, end = u.count
        while start < end, blank(u[start]) { start += 1 }
        while end > start, blank(u[end - 1]) { end -= 1 }
        return (start, end, u.count)
    }
    if start == end { return nil }
    if start == 0 && end == count { return s }
    return s.withUTF8 { String(decoding: UnsafeBufferPointer(rebasing: $0[start..<end]), as: UTF8.self) }
}

func nonEmpty(_ s: String) -> String? { s.isEmpty ? nil : s }

/// One candidate value with its rank (lower wins; the last of equal rank wins).
struct Slot { var rank: Int; var value: String }

/// The candidate values for an item's or a feed's fields.
struct Slots {
    var title: Slot?, link: Slot?, id: Slot?, published: Slot?, updated: Slot?
    var author: Slot?, authorEmail: Slot?, summary: Slot?, content: Slot?, language: Slot?

    enum Field { case title, link, id, published, updated, author, authorEmail, summary, content, language }

    mutating func offer(_ field: Field, _ rank: Int, _ value: String?, firstWins: Bool = false) {
        guard let value else { return }
        // Later elements overwrite earlier ones of the same rank, as feed readers do (authors: the first is kept).
        @inline(__always) func accepts(_ current: Slot?) -> Bool {
            guard let current else { return true }
            return !(current.rank < rank || (firstWins && current.rank == rank))
        }
        let new = Slot(rank: rank, value: value)
        switch field {
        case .title: if accepts(title) { title = new }
        case .link: if accepts(link) { link = new }
        case .id: if accepts(id) { id = new }
        case .published: if accepts(published) { published = new }
        case .updated: if accepts(updated) { updated = new }
        case .author: if accepts(author) { author = new }
        case .authorEmail: if accepts(authorEmail) { authorEmail = new }
        case .summary: if accepts(summary) { summary = new }
        case .content: if accepts(content) { content = new }
        case .language: if accepts(language) { language = new }
        }
    }
}
