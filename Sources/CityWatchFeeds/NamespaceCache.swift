import CLibXML2
#if canImport(Glibc)
import Glibc
#endif

/// Resolves elements to their namespace and lower-cased local name. One is kept per thread with the parser
/// context: element names are interned in the context's libxml2 dictionary, which outlives every document, so
/// each name is read once per thread; namespace declarations belong to one document and are classified once in it.
/// Its state is never shared between threads nor accessed re-entrantly, hence no dynamic exclusivity checks.
final class NamespaceCache {
    /// What an element name means without its namespace declaration.
    private struct Name {
        /// The name, lower-cased when it has ASCII capitals (feed readers match element names case-insensitively).
        var lower: String
        /// For "prefix:local" names (an undeclared prefix libxml2 left in the name): the prefix's usual namespace.
        var prefixed: FeedNamespace?
        var local: String
    }

    /// Direct-mapped by the address of a dictionary-owned name; valid while the dictionary lives (see
    /// `forgetNames`). A name that collides with another is read again, never confused with it.
    @exclusivity(unchecked) private var names = [(key: UnsafeRawPointer, name: Name)?](repeating: nil, count: 1024)

    // Per document.
    @exclusivity(unchecked) private var dict: xmlDictPtr?
    /// Namespaces classified in this document, by xmlNs pointer (the tree) or URI pointer (FeedDocument).
    @exclusivity(unchecked) private var seen: [(key: UnsafeRawPointer, prefixed: Bool, kind: FeedNamespace)] = []
    /// (name, namespace) pointer pairs resolved in this document, searched without touching the strings.
    @exclusivity(unchecked) private var resolved: [Resolved] = []

    private struct Resolved {
        var name: UnsafePointer<xmlChar>
        var ns: UnsafeRawPointer?
        var prefixed: Bool
        var kind: FeedNamespace
        var local: String
    }

    /// Starts a document parsed with `dict` (the parser context's dictionary).
    func reset(dict: xmlDictPtr?) {
        self.dict = dict
        seen.removeAll(keepingCapacity: true)
        resolved.removeAll(keepingCapacity: true)
    }

    /// Called when the dictionary the cached name pointers belong to is freed.
    func forgetNames() { names = [(key: UnsafeRawPointer, name: Name)?](repeating: nil, count: names.count) }

    /// The local name only, lower-cased (no namespace bookkeeping).
    func peek(_ node: xmlNodePtr) -> FeedElement<xmlNodePtr> {
        let raw = node.pointee.name.map { String(cString: $0) } ?? ""
        return FeedElement(node: node, ns: .other, name: raw.lowercased())
    }

    func element(_ node: xmlNodePtr) -> FeedElement<xmlNodePtr> {
        let ns = node.pointee.ns
        let (kind, name) = element(name: node.pointee.name, ns: ns.map { UnsafeRawPointer($0) }, href: ns?.pointee.href,
                                   prefixed: ns?.pointee.prefix != nil)
        return FeedElement(node: node, ns: kind, name: name)
    }

    /// A FeedDocument element: its name and namespace URI pointers (the dictionary's), and whether it had a prefix.
    func element(name: UnsafePointer<xmlChar>?, href: UnsafePointer<xmlChar>?, prefixed: Bool) -> (FeedNamespace, String) {
        element(name: name, ns: href.map { UnsafeRawPointer($0) }, href: href, prefixed: prefixed)
    }

    /// - Parameters:
    ///   - ns: what identifies the element's namespace in this document (nil for none), with `href` its URI.
    ///   - prefixed: whether that namespace was declared with a prefix (an unknown default namespace reads as none).
    private func element(name namePointer: UnsafePointer<xmlChar>?, ns: UnsafeRawPointer?, href: UnsafePointer<xmlChar>?,
                         prefixed: Bool) -> (FeedNamespace, String) {
        guard let namePointer else { return (ns.map { kind($0, href, prefixed) } ?? .none, "") }
        // Searched through a buffer pointer: one class property access, not one per step.
        let hit = resolved.withUnsafeBufferPointer { entries in
            entries.first { $0.name == namePointer && $0.ns == ns && $0.prefixed == prefixed }
        }
        if let hit { return (hit.kind, hit.local) }
        let name = self.name(namePointer)
        let element: (FeedNamespace, String)
        if let ns {
            element = (kind(ns, href, prefixed), name.lower)
        } else if let prefixed = name.prefixed {
            element = (prefixed, name.local)
        } else {
            element = (.none, name.lower)
        }
        if resolved.count < 64 {
            resolved.append(Resolved(name: namePointer, ns: ns, prefixed: prefixed, kind: element.0, local: element.1))
        }
        return element
    }

    private func kind(_ ns: UnsafeRawPointer, _ href: UnsafePointer<xmlChar>?, _ prefixed: Bool) -> FeedNamespace {
        for entry in seen where entry.key == ns && entry.prefixed == prefixed { return entry.kind }
        var kind = FeedNamespace.classify(href)
        // Atom 0.3 and 1.0 elements mean the same; an unknown default namespace is read as no namespace.
        if kind == .atom03 { kind = .atom10 }
        if kind == .other && !prefixed { kind = .none }
        seen.append((ns, prefixed, kind))
        return kind
    }

    private func name(_ pointer: UnsafePointer<xmlChar>) -> Name {
        let key = UnsafeRawPointer(pointer)
        let slot = Int(truncatingIfNeeded: (UInt(bitPattern: key) &* 0x9E37_79B9_7F4A_7C15) >> 54)  // top 10 bits
        if let known = names[slot], known.key == key { return known.name }
        var raw = String(cString: pointer)
        if raw.utf8.contains(where: { $0 >= 0x41 && $0 <= 0x5A }) { raw = raw.lowercased() }
        var name = Name(lower: raw, prefixed: nil, local: raw)
        if let colon = raw.firstIndex(of: ":") {
            name.prefixed = FeedNamespace.fromPrefix(raw[..<colon])
            name.local = String(raw[raw.index(after: colon)...])
        }
        // Only names the dictionary owns keep their address for the thread's lifetime.
        if let dict, xmlDictOwns(dict, pointer) == 1 { names[slot] = (key, name) }
        return name
    }
}
