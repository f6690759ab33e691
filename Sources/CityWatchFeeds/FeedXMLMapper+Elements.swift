import CLibXML2
import Foundation

/// The element-by-element mapping shared by feed and entry level.
extension FeedXMLMapper {
    /// Elements that mean the same at feed and entry level.
    mutating func mapCommon(_ el: FeedElement<Node>, into slots: inout Slots) {
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
            if tree.attribute(node, "href") != nil {
                if let (href, rank) = atomLink(node) { slots.offer(.link, rank, href) }
            } else {
                // A link without href holds its URL as text; in Atom that is a publisher's slip, ranked lower.
                slots.offer(.link, el.ns == .atom10 ? 2 : 1, tree.cleanedText(node).map { resolve($0, node) })
            }
        case (.none, "guid"), (.rss10, "guid"):
            let value = field(node)
            slots.offer(.id, 0, value)
            let permalink = tree.attribute(node, "ispermalink")?.lowercased() != "false"
            if permalink { slots.offer(.link, 5, value.map { resolve($0, node) }) }
        case (.atom10, "id"), (.none, "id"):
            slots.offer(.id, 0, tree.cleanedText(node).map { resolve($0, node) })
        case (.none, "pubdate"), (.atom10, "published"), (.atom10, "issued"), (.dcterms, "issued"), (.none, "issued"), (.none, "published"):
            slots.offer(.published, 0, FeedDate.iso8601(tree.text(node)))
        case (.atom10, "updated"), (.atom10, "modified"), (.none, "updated"), (.none, "modified"):
            slots.offer(.updated, 0, FeedDate.iso8601(tree.text(node)))
        case (.dc, "date"), (.dcterms, "modified"):
            slots.offer(.updated, 1, FeedDate.iso8601(tree.text(node)))
        case (.none, "author"), (.rss10, "author"):
            if tree.hasElementChildren(node) { offerPerson(node, rank: 0, into: &slots) } else {
                slots.offer(.author, 0, tree.cleanedText(node), firstWins: true)
            }
        case (.atom10, "author"):
            offerPerson(node, rank: 0, into: &slots)
        case (.dc, "creator"), (.dc, "author"):
            slots.offer(.author, 1, tree.cleanedText(node), firstWins: true)
        case (.itunes, "author"):
            slots.offer(.author, 2, tree.cleanedText(node), firstWins: true)
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
            slots.offer(.content, 1, cleaned(tree.innerXML(node)))
        default:
            break
        }
    }

    mutating func offerPerson(_ node: Node, rank: Int, into slots: inout Slots) {
        var name: String?, email: String?
        for child in tree.elements(node) {
            let el = tree.element(child)
            if el.name == "name" { name = name ?? tree.cleanedText(child) }
            if el.name == "email" { email = email ?? tree.cleanedText(child) }
        }
        guard name != nil || email != nil else { return }
        if slots.author == nil || rank < slots.author!.rank {
            slots.author = name.map { Slot(rank: rank, value: $0) }
            slots.authorEmail = email.map { Slot(rank: rank, value: $0) }
            if name == nil { slots.author = nil }
        }
    }

    /// An Atom link's href with its rank: alternate HTML links first, any other alternate next.
    func atomLink(_ node: Node) -> (String, Int)? {
        guard let href = tree.attribute(node, "href").flatMap(cleaned) else { return nil }
        let rel = tree.attribute(node, "rel")?.lowercased() ?? "alternate"
        guard rel == "alternate" else { return nil }
        let type = tree.attribute(node, "type")?.lowercased() ?? "text/html"
        let html = type == "text/html" || type == "application/xhtml+xml" || type == "html" || type == "xhtml"
        return (resolve(href, node), html ? 1 : 4)
    }
}
