import CLibXML2
#if canImport(Glibc)
import Glibc
#endif

/// A feed document as libxml2's SAX2 parser reported it, with no libxml2 tree built and freed: elements, text
/// and comments in one array of nodes linked by index, character data and attribute values in one byte buffer,
/// names and namespace URIs as the parser context's dictionary pointers (interned, valid while the context
/// lives). It holds what libxml2's tree would hold for the same events (FeedDocument+Events.swift says how),
/// so the mapper reads the same fields from either. One is kept per thread with the parser context, its
/// arrays reused from document to document.
final class FeedDocument {
    enum Kind: UInt8 {
        case element, text
        /// A comment or processing instruction: no content the mapper reads, but a child all the same.
        case other
    }

    /// An element, text or other node.
    struct Record {
        var kind: Kind
        /// Elements: whether the name had a prefix (the namespace is then not the default one).
        var prefixed = false
        var parent: Int32
        var firstChild: Int32 = -1, lastChild: Int32 = -1, next: Int32 = -1
        /// Elements: the name as libxml2's tree has it (the local name; "prefix:local" for an undeclared prefix).
        var name: UnsafePointer<xmlChar>? = nil
        /// Elements: the namespace URI (nil for none).
        var href: UnsafePointer<xmlChar>? = nil
        /// Text: its bytes in `bytes`; elements: their attributes in `attributes`.
        var start: Int32 = 0, end: Int32 = 0
    }

    struct Attribute {
        /// The local name ("prefix:local" for an undeclared prefix), as in libxml2's tree.
        var name: UnsafePointer<xmlChar>
        /// The namespace URI of a prefixed attribute (unprefixed ones are in no namespace).
        var href: UnsafePointer<xmlChar>?
        /// The value's bytes in `bytes`, entity and character references already replaced.
        var start: Int32, end: Int32
    }

    @exclusivity(unchecked) var nodes: [Record] = []
    @exclusivity(unchecked) var attributes: [Attribute] = []
    let bytes = Bytes()
    /// The open elements, innermost last: libxml2's node stack (ctxt->nodeTab) mirrored.
    @exclusivity(unchecked) var open: [Int32] = []
    /// The first top-level element (xmlDocGetRootElement), -1 when none.
    var root: Int32 = -1
    /// Set when an event came that this representation does not model the way libxml2's tree does (an entity
    /// reference, a DTD, xml:id, a NUL byte): the document is then read with the tree instead.
    var unsupported = false
    /// The document libxml2's default start-of-document handler made (empty: it holds the URL), freed by `close`.
    private(set) var doc: xmlDocPtr?
    let namespaces: NamespaceCache

    init(namespaces: NamespaceCache) {
        self.namespaces = namespaces
    }

    /// Past these, the arrays are let go after a document rather than kept for the next one.
    private static let keptNodes = 1 << 16, keptBytes = 1 << 22

    /// Empties the document for the next parse.
    func reset() {
        if nodes.capacity > Self.keptNodes { nodes = [] } else { nodes.removeAll(keepingCapacity: true) }
        if attributes.capacity > Self.keptNodes { attributes = [] } else { attributes.removeAll(keepingCapacity: true) }
        bytes.removeAll(keepingAtMost: Self.keptBytes)
        open.removeAll(keepingCapacity: true)
        root = -1
        unsupported = false
        close()
    }

    /// Takes the (empty) document libxml2 made, for its URL; freed by `close` or the next `reset`.
    func adopt(_ doc: xmlDocPtr?) {
        close()
        self.doc = doc
    }

    func close() {
        if let doc { xmlFreeDoc(doc) }
        doc = nil
    }

    /// Whether a document can be read as events at all: under libxml2's text-node limit (10,000,000 bytes; a
    /// text node can then never reach it). A DTD or an xml:id attribute stops the event parse when it comes
    /// (see FeedDocument+Events.swift): no scan for them beforehand, they are rare.
    static func accepts(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        bytes.count < 10_000_000
    }
}

extension FeedDocument {
    /// The character data and attribute values of a document, appended with memcpy: the parser hands over text in
    /// many small pieces, and Array's append(contentsOf:) costs several times a copy per call.
    final class Bytes {
        private var base: UnsafeMutablePointer<UInt8>
        private(set) var capacity: Int
        private(set) var count = 0
        private static let initial = 1 << 14

        init() {
            base = .allocate(capacity: Self.initial)
            capacity = Self.initial
        }

        deinit { base.deallocate() }

        @inline(__always) private func reserve(_ extra: Int) {
            guard count + extra > capacity else { return }
            var grown = capacity * 2
            while grown < count + extra { grown *= 2 }
            let next = UnsafeMutablePointer<UInt8>.allocate(capacity: grown)
            next.update(from: base, count: count)
            base.deallocate()
            base = next
            capacity = grown
        }

        func append(contentsOf piece: UnsafeBufferPointer<UInt8>) {
            guard let from = piece.baseAddress, piece.count > 0 else { return }
            reserve(piece.count)
            (base + count).update(from: from, count: piece.count)
            count += piece.count
        }

        func append(_ byte: UInt8) {
            reserve(1)
            base[count] = byte
            count += 1
        }

        func withUnsafeBufferPointer<R>(_ body: (UnsafeBufferPointer<UInt8>) throws -> R) rethrows -> R {
            try body(UnsafeBufferPointer(start: base, count: count))
        }

        /// Empties the store for the next document, letting a buffer grown past `limit` bytes go.
        func removeAll(keepingAtMost limit: Int) {
            count = 0
            if capacity > limit {
                base.deallocate()
                base = .allocate(capacity: Self.initial)
                capacity = Self.initial
            }
        }
    }
}

/// The mapper's view of a FeedDocument: nodes are indexes.
extension FeedDocument: FeedTree {
    struct ElementChildren: Sequence, IteratorProtocol {
        let document: FeedDocument
        var cursor: Int32

        mutating func next() -> Int32? {
            while cursor >= 0 {
                let c = cursor
                cursor = document.nodes[Int(c)].next
                if document.nodes[Int(c)].kind == .element { return c }
            }
            return nil
        }
    }

    func elements(_ node: Int32) -> ElementChildren { ElementChildren(document: self, cursor: nodes[Int(node)].firstChild) }

    func element(_ node: Int32) -> FeedElement<Int32> {
        let n = nodes[Int(node)]
        let (ns, name) = namespaces.element(name: n.name, href: n.href, prefixed: n.prefixed)
        return FeedElement(node: node, ns: ns, name: name)
    }

    func peek(_ node: Int32) -> FeedElement<Int32> {
        FeedElement(node: node, ns: .other, name: (nodes[Int(node)].name.map { String(cString: $0) } ?? "").lowercased())
    }

    func name(_ node: Int32) -> String { nodes[Int(node)].name.map { String(cString: $0) } ?? "?" }

    func inAtom03(_ node: Int32) -> Bool { nodes[Int(node)].href.map { FeedNamespace.classify($0) == .atom03 } ?? false }

    func parent(_ node: Int32) -> Int32? {
        let p = nodes[Int(node)].parent
        return p >= 0 ? p : nil
    }

    func attribute(_ node: Int32, _ name: String, nsHref: String?) -> String? {
        let n = nodes[Int(node)]
        var i = Int(n.start)
        while i < Int(n.end) {
            let a = attributes[i]
            i += 1
            let same = name.withCString { strcasecmp(UnsafeRawPointer(a.name).assumingMemoryBound(to: CChar.self), $0) == 0 }
            guard same else { continue }
            if let nsHref {
                guard let href = a.href, String(cString: href) == nsHref else { continue }
            }
            return string(a.start, a.end)
        }
        return nil
    }

    func string(_ start: Int32, _ end: Int32) -> String {
        bytes.withUnsafeBufferPointer { String(decoding: UnsafeBufferPointer(rebasing: $0[Int(start)..<Int(end)]), as: UTF8.self) }
    }

    func hasElementChildren(_ node: Int32) -> Bool {
        var c = nodes[Int(node)].firstChild
        while c >= 0 {
            if nodes[Int(c)].kind == .element { return true }
            c = nodes[Int(c)].next
        }
        return false
    }

    /// The only child when it is text (libxml2's one-text-node case).
    private func onlyText(_ node: Int32) -> Record? {
        let n = nodes[Int(node)]
        guard n.firstChild >= 0, n.firstChild == n.lastChild else { return nil }
        let c = nodes[Int(n.firstChild)]
        return c.kind == .text ? c : nil
    }

    func cleanedText(_ node: Int32) -> String? {
        guard let c = onlyText(node) else { return cleaned(text(node)) }
        @inline(__always) func blank(_ c: UInt8) -> Bool { c == 0x20 || c == 0x0A || c == 0x0D || c == 0x09 || c == 0x0C }
        return bytes.withUnsafeBufferPointer { b -> String? in
            var start = Int(c.start), end = Int(c.end)
            while start < end, blank(b[start]) { start += 1 }
            while end > start, blank(b[end - 1]) { end -= 1 }
            if start == end { return nil }
            return String(decoding: UnsafeBufferPointer(rebasing: b[start..<end]), as: UTF8.self)
        }
    }

    func text(_ node: Int32) -> String {
        if let c = onlyText(node) { return string(c.start, c.end) }
        var out: [UInt8] = []
        var budget = 1 << 20
        appendText(node, into: &out, budget: &budget)
        return String(decoding: out, as: UTF8.self)
    }

    /// XMLNode.appendText's walk and budget, node for node.
    private func appendText(_ node: Int32, into out: inout [UInt8], budget: inout Int) {
        var child = nodes[Int(node)].firstChild
        while child >= 0, budget > 0 {
            let c = nodes[Int(child)]
            switch c.kind {
            case .text:
                budget -= Int(c.end - c.start)
                bytes.withUnsafeBufferPointer { out.append(contentsOf: UnsafeBufferPointer(rebasing: $0[Int(c.start)..<Int(c.end)])) }
            case .element:
                budget -= 16
                appendText(child, into: &out, budget: &budget)
            case .other:
                break
            }
            child = c.next
        }
    }

    /// An attribute in the XML namespace by exact local name (libxml2's xmlGetNsProp with XML_XML_NAMESPACE).
    private func xmlAttribute(_ node: Int32, _ name: String) -> String? {
        let n = nodes[Int(node)]
        for a in attributes[Int(n.start)..<Int(n.end)] {
            guard let href = a.href else { continue }
            let nameMatches = strcmp(UnsafeRawPointer(a.name).assumingMemoryBound(to: CChar.self), name) == 0
            if nameMatches, strcmp(UnsafeRawPointer(href).assumingMemoryBound(to: CChar.self), "http://www.w3.org/XML/1998/namespace") == 0 {
                return string(a.start, a.end)
            }
        }
        return nil
    }

    /// libxml2 2.9's xmlNodeGetBase, step for step: xml:base values from the node up, each resolved against the
    /// next one out, stopping at one that starts with http://, ftp:// or urn:, then the document URL.
    func base(_ node: Int32) -> String? {
        var oldbase: String?
        var cur: Int32 = node
        while cur >= 0 {
            if let base = xmlAttribute(cur, "base") {
                if let old = oldbase {
                    guard let resolved = Self.buildURI(old, base) else { return nil }
                    oldbase = resolved
                } else {
                    oldbase = base
                }
                let o = oldbase!
                if o.utf8.starts(with: "http://".utf8) || o.utf8.starts(with: "ftp://".utf8) || o.utf8.starts(with: "urn:".utf8) {
                    return o
                }
            }
            cur = nodes[Int(cur)].parent
        }
        if let url = doc?.pointee.URL {
            let documentURL = String(cString: url)
            guard let old = oldbase else { return documentURL }
            return Self.buildURI(old, documentURL)
        }
        return oldbase
    }

    /// xmlBuildURI(uri, base).
    static func buildURI(_ uri: String, _ base: String) -> String? {
        let built = uri.withCString { u in
            base.withCString { b in
                xmlBuildURI(UnsafeRawPointer(u).assumingMemoryBound(to: xmlChar.self), UnsafeRawPointer(b).assumingMemoryBound(to: xmlChar.self))
            }
        }
        guard let built else { return nil }
        defer { cw_xmlFree(built) }
        return String(cString: built)
    }

    func lang(_ node: Int32) -> String? {
        var cur: Int32 = node
        while cur >= 0 {
            if let lang = xmlAttribute(cur, "lang") { return lang }
            cur = nodes[Int(cur)].parent
        }
        return nil
    }
}
