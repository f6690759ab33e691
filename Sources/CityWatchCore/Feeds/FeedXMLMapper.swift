import CLibXML2
import Foundation

/// Maps a parsed RSS, RDF or Atom tree onto ParsedFeed's fields, the way common feed readers do.
struct FeedXMLMapper {
    let doc: xmlDocPtr
    var namespaces = NamespaceCache()
    var hasBase: Bool

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
            var result = Result(format: "rss", version: nil)
            mapChannel(root, into: &result)
            return result
        case "feed":
            let version = top.ns == .atom03 || XMLNode.attribute(root, "version") == "0.3" ? "0.3" : "1.0"
            var result = Result(format: "atom", version: version)
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
            case (_, "item") where el.ns != .atom10 && el.ns != .atom03, (.atom10, "entry"), (.atom03, "entry"), (.none, "entry"):
                result.items.append(mapEntry(child))
            case (.none, "ttl"), (.rss10, "ttl"):
                result.ttl = Int(XMLNode.text(child).trimmingCharacters(in: .whitespacesAndNewlines))
            case (.none, "language"), (.dc, "language"):
                slots.offer(\.language, 0, cleaned(XMLNode.text(child)))
            case (.none, "lastBuildDate"), (.dc, "date"), (.dcterms, "modified"):
                slots.offer(\.updated, 1, FeedDate.iso8601(XMLNode.text(child)))
            case (.none, "pubDate"):
                slots.offer(\.updated, 2, FeedDate.iso8601(XMLNode.text(child)))
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
            slots.offer(\.id, 3, cleaned(about))
        }
        for child in XMLNode.elements(node) {
            mapCommon(namespaces.element(child), into: &slots)
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
            slots.offer(\.title, 0, field(node))
        case (.atom10, "title"), (.atom03, "title"):
            slots.offer(\.title, 0, atomText(node))
        case (.dc, "title"):
            slots.offer(\.title, 1, field(node))
        case (.media, "title"):
            slots.offer(\.title, 3, field(node))
        case (.none, "link"), (.rss10, "link"), (.rss090, "link"), (.atom10, "link"), (.atom03, "link"):
            if XMLNode.attribute(node, "href") != nil {
                if let (href, rank) = atomLink(node) { slots.offer(\.link, rank, href) }
            } else {
                slots.offer(\.link, 0, cleaned(XMLNode.text(node)).map { resolve($0, node) })
            }
        case (.none, "guid"), (.rss10, "guid"):
            let value = cleaned(XMLNode.text(node))
            slots.offer(\.id, 0, value)
            let permalink = XMLNode.attribute(node, "isPermaLink")?.lowercased() != "false"
            if permalink { slots.offer(\.link, 5, value.map { resolve($0, node) }) }
        case (.atom10, "id"), (.atom03, "id"):
            slots.offer(\.id, 0, cleaned(XMLNode.text(node)))
        case (.dc, "identifier"):
            slots.offer(\.id, 4, cleaned(XMLNode.text(node)))
        case (.none, "pubDate"), (.atom10, "published"), (.atom03, "issued"), (.dcterms, "issued"):
            slots.offer(\.published, 0, FeedDate.iso8601(XMLNode.text(node)))
        case (.dcterms, "created"), (.atom03, "created"):
            slots.offer(\.published, 2, FeedDate.iso8601(XMLNode.text(node)))
        case (.atom10, "updated"), (.atom03, "modified"):
            slots.offer(\.updated, 0, FeedDate.iso8601(XMLNode.text(node)))
        case (.dc, "date"), (.dcterms, "modified"):
            slots.offer(\.updated, 1, FeedDate.iso8601(XMLNode.text(node)))
        case (.none, "author"), (.rss10, "author"):
            if XMLNode.hasElementChildren(node) { offerPerson(node, rank: 0, into: &slots) } else {
                slots.offer(\.author, 0, cleaned(XMLNode.text(node)))
            }
        case (.atom10, "author"), (.atom03, "author"):
            offerPerson(node, rank: 0, into: &slots)
        case (.dc, "creator"), (.dc, "author"):
            slots.offer(\.author, 1, cleaned(XMLNode.text(node)))
        case (.itunes, "author"):
            slots.offer(\.author, 2, cleaned(XMLNode.text(node)))
        case (.none, "description"), (.rss10, "description"), (.rss090, "description"):
            slots.offer(\.summary, 0, field(node))
        case (.atom10, "summary"), (.atom03, "summary"):
            slots.offer(\.summary, 0, atomText(node))
        case (.dc, "description"):
            slots.offer(\.summary, 1, field(node))
        case (.itunes, "summary"):
            slots.offer(\.summary, 2, field(node))
        case (.itunes, "subtitle"):
            slots.offer(\.summary, 3, field(node))
        case (.media, "description"):
            slots.offer(\.summary, 4, field(node))
        case (.content, "encoded"):
            slots.offer(\.content, 0, field(node))
        case (.atom10, "content"), (.atom03, "content"):
            slots.offer(\.content, 0, atomText(node))
        case (.xhtml, "body"):
            slots.offer(\.content, 1, cleaned(XMLNode.innerXML(node)))
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

    /// An RSS-style text field: its text, or its markup when it holds elements.
    func field(_ node: xmlNodePtr) -> String? {
        XMLNode.hasElementChildren(node) ? cleaned(XMLNode.innerXML(node)) : cleaned(XMLNode.text(node))
    }

    /// An Atom text construct (text, html, xhtml; Atom 0.3 escaped, base64 and xml modes).
    func atomText(_ node: xmlNodePtr) -> String? {
        let mode = XMLNode.attribute(node, "mode")?.lowercased()
        if mode == "base64" {
            let raw = XMLNode.text(node).filter { !$0.isWhitespace }
            return Data(base64Encoded: raw, options: .ignoreUnknownCharacters).flatMap { String(data: $0, encoding: .utf8) }.flatMap(cleaned)
        }
        return field(node)
    }

    func xmlLang(_ node: xmlNodePtr) -> String? {
        guard let lang = xmlNodeGetLang(node) else { return nil }
        defer { cw_xmlFree(lang) }
        return cleaned(String(cString: lang))
    }

    /// Resolves a relative reference against xml:base and the document URL.
    func resolve(_ url: String, _ node: xmlNodePtr) -> String {
        if FeedXMLMapper.hasScheme(url) { return url }
        guard let base = xmlNodeGetBase(doc, node) else { return url }
        defer { cw_xmlFree(base) }
        guard let built = xmlBuildURI(url, base) else { return url }
        defer { cw_xmlFree(built) }
        return String(cString: built)
    }

    static func hasScheme(_ url: String) -> Bool {
        for c in url.utf8 {
            if c == 0x3A { return true }
            let alpha = (c | 0x20) >= 0x61 && (c | 0x20) <= 0x7A
            if !(alpha || (c >= 0x30 && c <= 0x39) || c == 0x2B || c == 0x2D || c == 0x2E) { return false }
        }
        return false
    }
}

/// Trimmed, or nil when empty.
func cleaned(_ s: String) -> String? {
    let t = s.trimmingCharacters(in: .whitespacesAndNewlines)
    return t.isEmpty ? nil : t
}

func nonEmpty(_ s: String) -> String? { s.isEmpty ? nil : s }

/// One candidate value with its rank (lower wins; the first of equal rank wins).
struct Slot { var rank: Int; var value: String }

/// The candidate values for an item's or a feed's fields.
struct Slots {
    var title: Slot?, link: Slot?, id: Slot?, published: Slot?, updated: Slot?
    var author: Slot?, authorEmail: Slot?, summary: Slot?, content: Slot?, language: Slot?

    mutating func offer(_ key: WritableKeyPath<Slots, Slot?>, _ rank: Int, _ value: String?) {
        guard let value else { return }
        if let current = self[keyPath: key], current.rank <= rank { return }
        self[keyPath: key] = Slot(rank: rank, value: value)
    }
}
