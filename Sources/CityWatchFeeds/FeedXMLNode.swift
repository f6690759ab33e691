import Foundation
import CLibXML2

/// The namespaces a feed element can belong to, as far as the feed parser cares.
enum FeedNamespace: UInt8 {
    case none, atom10, atom03, rss10, rss090, rdf, content, dc, dcterms, itunes, media, xhtml, xml, other

    static func classify(_ href: UnsafePointer<xmlChar>?) -> FeedNamespace {
        guard let href else { return .none }
        // Compared in place (no String per declaration): exact URIs first, then case-insensitive prefixes.
        let s = UnsafeRawPointer(href).assumingMemoryBound(to: CChar.self)
        if strcmp(s, "http://www.w3.org/2005/Atom") == 0 { return .atom10 }
        if strcmp(s, "http://purl.org/atom/ns#") == 0 { return .atom03 }
        if strcmp(s, "http://purl.org/rss/1.0/") == 0 { return .rss10 }
        if strcmp(s, "http://my.netscape.com/rdf/simple/0.9/") == 0 { return .rss090 }
        if strcmp(s, "http://www.w3.org/1999/02/22-rdf-syntax-ns#") == 0 { return .rdf }
        if strcmp(s, "http://purl.org/rss/1.0/modules/content/") == 0 { return .content }
        if strcmp(s, "http://purl.org/dc/elements/1.1/") == 0 || strcmp(s, "http://purl.org/dc/elements/1.0/") == 0 { return .dc }
        if strcmp(s, "http://purl.org/dc/terms/") == 0 { return .dcterms }
        if strcmp(s, "http://www.w3.org/1999/xhtml") == 0 { return .xhtml }
        if strcmp(s, "http://www.w3.org/XML/1998/namespace") == 0 { return .xml }
        if strcmp(s, "http://backend.userland.com/rss2") == 0 || strcmp(s, "http://blogs.law.harvard.edu/tech/rss") == 0
            || strcmp(s, "http://backend.userland.com/rss") == 0 { return .none }
        if strncasecmp(s, "http://www.itunes.com/dtds/podcast", 34) == 0 { return .itunes }
        if strncasecmp(s, "http://search.yahoo.com/mrss", 28) == 0 { return .media }
        if strncasecmp(s, "http://purl.org/atom/ns", 23) == 0 { return .atom03 }
        return .other
    }

    /// Well-known prefixes used without a declaration (libxml2 keeps them in the element name).
    static func fromPrefix(_ prefix: Substring) -> FeedNamespace {
        switch prefix.lowercased() {
        case "dc": return .dc
        case "dcterms": return .dcterms
        case "content": return .content
        case "atom": return .atom10
        case "itunes": return .itunes
        case "media": return .media
        case "rdf": return .rdf
        case "xhtml": return .xhtml
        default: return .other
        }
    }
}

/// An element seen by the mapper: its namespace and local name, resolved once.
struct FeedElement<Node> {
    let node: Node
    let ns: FeedNamespace
    let name: String
}

/// Small read helpers over libxml2 nodes.
enum XMLNode {
    /// The element children of a node, in order (walked in place: no array per node).
    static func elements(_ node: xmlNodePtr) -> ElementChildren { ElementChildren(first: node.pointee.children) }

    struct ElementChildren: Sequence, IteratorProtocol {
        var cursor: xmlNodePtr?
        init(first: xmlNodePtr?) { cursor = first }

        mutating func next() -> xmlNodePtr? {
            while let c = cursor {
                cursor = c.pointee.next
                if c.pointee.type == XML_ELEMENT_NODE { return c }
            }
            return nil
        }
    }

    /// An attribute's value by local name, case-insensitively (any namespace unless `nsHref` is given).
    static func attribute(_ node: xmlNodePtr, _ name: String, nsHref: String? = nil) -> String? {
        var attr = node.pointee.properties
        while let a = attr {
            attr = a.pointee.next
            guard let n = a.pointee.name else { continue }
            let same = name.withCString { strcasecmp(UnsafeRawPointer(n).assumingMemoryBound(to: CChar.self), $0) == 0 }
            guard same else { continue }
            if let nsHref {
                guard let href = a.pointee.ns?.pointee.href, String(cString: href) == nsHref else { continue }
            }
            return attributeValue(a)
        }
        return nil
    }

    static func attributeValue(_ a: UnsafeMutablePointer<xmlAttr>) -> String {
        if let c = a.pointee.children, c.pointee.next == nil { return c.pointee.content.map { String(cString: $0) } ?? "" }
        var out = ""
        var child = a.pointee.children
        while let c = child {
            if let content = c.pointee.content { out += String(cString: content) }
            child = c.pointee.next
        }
        return out
    }

    /// Whether the node has element children (naked markup inside a text field).
    static func hasElementChildren(_ node: xmlNodePtr) -> Bool {
        var child = node.pointee.children
        while let c = child {
            if c.pointee.type == XML_ELEMENT_NODE { return true }
            child = c.pointee.next
        }
        return false
    }

    /// `cleaned(text(node))` without the untrimmed String in between when the node holds one text child.
    static func cleanedText(_ node: xmlNodePtr) -> String? {
        guard let c = node.pointee.children, c.pointee.next == nil,
              c.pointee.type == XML_TEXT_NODE || c.pointee.type == XML_CDATA_SECTION_NODE else { return cleaned(text(node)) }
        guard let content = c.pointee.content else { return nil }
        @inline(__always) func blank(_ c: UInt8) -> Bool { c == 0x20 || c == 0x0A || c == 0x0D || c == 0x09 || c == 0x0C }
        var start = 0, end = Int(strlen(content))
        while start < end, blank(content[start]) { start += 1 }
        while end > start, blank(content[end - 1]) { end -= 1 }
        if start == end { return nil }
        return String(decoding: UnsafeBufferPointer(start: content + start, count: end - start), as: UTF8.self)
    }

    /// The text of a node: its character data, with entity references expanded (bounded).
    static func text(_ node: xmlNodePtr) -> String {
        // The common case: one text child.
        if let c = node.pointee.children, c.pointee.next == nil, c.pointee.type == XML_TEXT_NODE || c.pointee.type == XML_CDATA_SECTION_NODE {
            return c.pointee.content.map { String(cString: $0) } ?? ""
        }
        var out: [UInt8] = []
        var budget = 1 << 20
        appendText(node, into: &out, budget: &budget)
        return String(decoding: out, as: UTF8.self)
    }

    static func appendText(_ node: xmlNodePtr, into out: inout [UInt8], budget: inout Int) {
        var child = node.pointee.children
        while let c = child, budget > 0 {
            switch c.pointee.type {
            case XML_TEXT_NODE, XML_CDATA_SECTION_NODE:
                if let content = c.pointee.content {
                    let len = Int(strlen(content))
                    budget -= len
                    out.append(contentsOf: UnsafeBufferPointer(start: content, count: len))
                }
            case XML_ELEMENT_NODE, XML_ENTITY_REF_NODE:
                budget -= 16
                appendText(c, into: &out, budget: &budget)
            case XML_ENTITY_DECL:
                appendText(c, into: &out, budget: &budget)
            default: break
            }
            child = c.pointee.next
        }
    }
}
