import CLibXML2
import Foundation

/// Maps a parsed RSS, RDF or Atom tree onto ParsedFeed's fields, the way common feed readers do.
struct FeedXMLMapper {
    let doc: xmlDocPtr
    let namespaces: NamespaceCache
    /// Whether any base URI (document URL or xml:base) can apply; saves the base look-ups otherwise.
    var hasBase: Bool
    var cdf = false
    /// Atom 1.0 (not 0.3): xhtml content sits in a wrapper div that is not part of it.
    var atom10 = false

    init(doc: xmlDocPtr, hasBase: Bool, namespaces: NamespaceCache) {
        self.doc = doc
        self.hasBase = hasBase
        self.namespaces = namespaces
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
                result.ttl = Int(TextNormalizer.trimmingWhitespace(XMLNode.text(child)))
            case (.none, "language"), (.dc, "language"):
                slots.offer(.language, 0, XMLNode.cleanedText(child))
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
        // With no feed URL or xml:base in effect, relative links in the item's HTML are relative to the item's page.
        if !hasBase, let page = item.link, FeedLinks.hasScheme(page) {
            item.summary = item.summary.map { FeedLinks.resolveRelativeHTML($0, against: page) }
            item.content = item.content.map { FeedLinks.resolveRelativeHTML($0, against: page) }
        }
        return item
    }
}
