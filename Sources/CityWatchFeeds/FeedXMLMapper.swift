import CLibXML2
import Foundation
import CityWatchSupport

/// Maps a parsed RSS, RDF or Atom document onto ParsedFeed's fields, the way common feed readers do; over
/// libxml2's tree or a FeedDocument (see FeedTree).
struct FeedXMLMapper<Tree: FeedTree> {
    typealias Node = Tree.Node
    let tree: Tree
    /// Whether any base URI (document URL or xml:base) can apply; saves the base look-ups otherwise.
    var hasBase: Bool
    var cdf = false
    /// Atom 1.0 (not 0.3): xhtml content sits in a wrapper div that is not part of it.
    var atom10 = false

    init(tree: Tree, hasBase: Bool) {
        self.tree = tree
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
    mutating func map(_ root: Node) -> Result? {
        let top = tree.element(root)
        switch top.name.lowercased() {
        case "rss":
            var result = Result(format: "rss", version: tree.attribute(root, "version").flatMap(nonEmpty))
            for child in tree.elements(root) {
                let el = tree.element(child)
                if el.name == "channel" { mapChannel(child, into: &result) } else if el.name == "item" {
                    result.items.append(mapEntry(child))
                }
            }
            return result
        case "rdf":
            var result = Result(format: "rdf", version: "1.0")
            for child in tree.elements(root) {
                let el = tree.element(child)
                if el.ns == .rss090 { result.version = "0.90" }
                if el.name == "channel" { mapChannel(child, into: &result) } else if el.name == "item" {
                    result.items.append(mapEntry(child))
                }
            }
            return result
        case "channel":
            // A bare channel: RSS 0.9x without its wrapper, or Microsoft's CDF (HREF/LASTMOD attributes).
            var result = Result(format: "rss", version: nil)
            cdf = tree.attribute(root, "href") != nil || tree.attribute(root, "lastmod") != nil
                || tree.elements(root).contains { tree.attribute($0, "href") != nil || tree.attribute($0, "lastmod") != nil }
            mapChannel(root, into: &result)
            if cdf { result.format = "cdf"; mapCDF(root, into: &result.feed) }
            return result
        case "feed":
            let atom03 = tree.inAtom03(root)
            let version = atom03 || tree.attribute(root, "version") == "0.3" ? "0.3" : "1.0"
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
    mutating func mapChannel(_ node: Node, into result: inout Result) {
        var slots = Slots()
        for child in tree.elements(node) {
            let el = tree.element(child)
            switch (el.ns, el.name) {
            case (_, "item") where el.ns != .atom10, (.atom10, "entry"), (.none, "entry"):
                result.items.append(mapEntry(child))
            case (.none, "ttl"), (.rss10, "ttl"):
                result.ttl = Int(TextNormalizer.trimmingWhitespace(tree.text(child)))
            case (.none, "language"), (.dc, "language"):
                slots.offer(.language, 0, tree.cleanedText(child))
            case (.none, "lastbuilddate"), (.dc, "date"), (.dcterms, "modified"):
                slots.offer(.updated, 1, FeedDate.iso8601(tree.text(child)))
            case (.none, "pubdate"):
                slots.offer(.updated, 2, FeedDate.iso8601(tree.text(child)))
            default:
                mapCommon(el, into: &slots)
            }
        }
        result.feed = ParsedFeed.Info(title: slots.title?.value, link: slots.link?.value,
                                      updated: slots.updated?.value, language: slots.language?.value)
    }

    /// One RSS item, RDF item or Atom entry.
    mutating func mapEntry(_ node: Node) -> FeedItem {
        var slots = Slots()
        if let about = tree.attribute(node, "about", nsHref: "http://www.w3.org/1999/02/22-rdf-syntax-ns#") {
            slots.offer(.id, 3, cleaned(about))
        }
        for child in tree.elements(node) {
            mapCommon(tree.element(child), into: &slots)
        }
        if cdf {
            if let href = tree.attribute(node, "href").flatMap(cleaned) {
                let base = tree.parent(node).flatMap { tree.attribute($0, "base") }
                slots.offer(.link, 0, base.map { FeedLinks.resolve(href, against: $0) } ?? href)
            }
            slots.offer(.updated, 0, tree.attribute(node, "lastmod").flatMap(FeedDate.iso8601))
            if slots.summary == nil, let abstract = tree.elements(node).first(where: { tree.element($0).name == "abstract" }) {
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
