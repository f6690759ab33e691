import Foundation
import CLibXML2

/// The namespaces a feed element can belong to, as far as the feed parser cares.
enum FeedNamespace: UInt8 {
    case none, atom10, atom03, rss10, rss090, rdf, content, dc, dcterms, itunes, media, xhtml, xml, other

    static func classify(_ href: UnsafePointer<xmlChar>?) -> FeedNamespace {
        guard let href else { return .none }
        let s = String(cString: href)
        switch s {
        case "http://www.w3.org/2005/Atom": return .atom10
        case "http://purl.org/atom/ns#": return .atom03
        case "http://purl.org/rss/1.0/": return .rss10
        case "http://my.netscape.com/rdf/simple/0.9/": return .rss090
        case "http://www.w3.org/1999/02/22-rdf-syntax-ns#": return .rdf
        case "http://purl.org/rss/1.0/modules/content/": return .content
        case "http://purl.org/dc/elements/1.1/", "http://purl.org/dc/elements/1.0/": return .dc
        case "http://purl.org/dc/terms/": return .dcterms
        case "http://www.w3.org/1999/xhtml": return .xhtml
        case "http://www.w3.org/XML/1998/namespace": return .xml
        case "http://backend.userland.com/rss2", "http://blogs.law.harvard.edu/tech/rss", "http://backend.userland.com/rss":
            return .none
        default:
            let lower = s.lowercased()
            if lower.hasPrefix("http://www.itunes.com/dtds/podcast") { return .itunes }
            if lower.hasPrefix("http://search.yahoo.com/mrss") { return .media }
            if lower.hasPrefix("http://purl.org/atom/ns") { return .atom03 }
            return .other
        }
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
struct FeedElement {
    let node: xmlNodePtr
    let ns: FeedNamespace
    let name: String
}

/// Caches namespace classification per xmlNs pointer: a document declares only a handful.
struct NamespaceCache {
    private var seen: [(UnsafeMutablePointer<xmlNs>, FeedNamespace)] = []

    /// The local name only, lower-cased (no namespace bookkeeping).
    func peek(_ node: xmlNodePtr) -> FeedElement {
        let raw = node.pointee.name.map { String(cString: $0) } ?? ""
        return FeedElement(node: node, ns: .other, name: raw.lowercased())
    }

    /// Element names are interned by libxml2, so (name, namespace) pointers repeat: resolve each pair once.
    /// Parallel arrays, so the search compares pointers without touching (retaining) the strings.
    private var namePointers: [UnsafePointer<xmlChar>] = []
    private var nsPointers: [UnsafeMutablePointer<xmlNs>?] = []
    private var resolvedElements: [(FeedNamespace, String)] = []

    mutating func element(_ node: xmlNodePtr) -> FeedElement {
        guard let namePointer = node.pointee.name else { return resolve(node) }
        let nsPointer = node.pointee.ns
        var i = 0
        while i < namePointers.count {
            if namePointers[i] == namePointer && nsPointers[i] == nsPointer {
                let known = resolvedElements[i]
                return FeedElement(node: node, ns: known.0, name: known.1)
            }
            i += 1
        }
        let element = resolve(node)
        if namePointers.count < 64 {
            namePointers.append(namePointer); nsPointers.append(nsPointer); resolvedElements.append((element.ns, element.name))
        }
        return element
    }

    private mutating func resolve(_ node: xmlNodePtr) -> FeedElement {
        var raw = node.pointee.name.map { String(cString: $0) } ?? ""
        // Feed readers match element names case-insensitively (iTunes does, and so do publishers).
        if raw.utf8.contains(where: { $0 >= 0x41 && $0 <= 0x5A }) { raw = raw.lowercased() }
        guard let ns = node.pointee.ns else {
            if let colon = raw.firstIndex(of: ":") {
                return FeedElement(node: node, ns: FeedNamespace.fromPrefix(raw[..<colon]),
                                   name: String(raw[raw.index(after: colon)...]))
            }
            return FeedElement(node: node, ns: .none, name: raw)
        }
        for (p, kind) in seen where p == ns { return FeedElement(node: node, ns: kind, name: raw) }
        var kind = FeedNamespace.classify(ns.pointee.href)
        // Atom 0.3 and 1.0 elements mean the same; an unknown default namespace is read as no namespace.
        if kind == .atom03 { kind = .atom10 }
        if kind == .other && ns.pointee.prefix == nil { kind = .none }
        seen.append((ns, kind))
        return FeedElement(node: node, ns: kind, name: raw)
    }
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
