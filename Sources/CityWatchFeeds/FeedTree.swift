import CLibXML2
import Foundation

/// What FeedXMLMapper reads of a parsed feed document. Two representations conform: `LibXMLTree`, libxml2's
/// own tree (the general path: documents with a DTD and anything else FeedDocument does not model), and
/// `FeedDocument`, built from libxml2's SAX2 events without a tree (the fast path). The mapper is generic, so
/// both give the same fields by the same code; FeedParserTests check the two against each other.
protocol FeedTree {
    associatedtype Node
    associatedtype Elements: Sequence & IteratorProtocol where Elements.Element == Node

    /// The element children of an element, in order.
    func elements(_ node: Node) -> Elements
    /// The element's namespace and lower-cased local name.
    func element(_ node: Node) -> FeedElement<Node>
    /// The name only, lower-cased, without namespace bookkeeping.
    func peek(_ node: Node) -> FeedElement<Node>
    /// The element's name as libxml2 gives it (for messages).
    func name(_ node: Node) -> String
    /// Whether the element's own namespace is Atom 0.3's.
    func inAtom03(_ node: Node) -> Bool
    /// The parent element.
    func parent(_ node: Node) -> Node?
    /// An attribute's value by local name, case-insensitively (any namespace unless `nsHref` is given).
    func attribute(_ node: Node, _ name: String, nsHref: String?) -> String?
    /// Whether the element has element children (naked markup inside a text field).
    func hasElementChildren(_ node: Node) -> Bool
    /// `cleaned(text(node))`.
    func cleanedText(_ node: Node) -> String?
    /// The character data inside the element (bounded).
    func text(_ node: Node) -> String
    /// The markup inside the element, serialized and sanitized (see XMLNode.innerXML).
    func innerXML(_ node: Node, base: String?) -> String
    /// The base URI in effect at the element: xml:base attributes, then the document URL (libxml2's xmlNodeGetBase).
    func base(_ node: Node) -> String?
    /// The xml:lang of the element or its nearest ancestor.
    func lang(_ node: Node) -> String?
}

extension FeedTree {
    func attribute(_ node: Node, _ name: String) -> String? { attribute(node, name, nsHref: nil) }
    func innerXML(_ node: Node) -> String { innerXML(node, base: nil) }
}

/// libxml2's tree of a document, as the mapper reads it.
struct LibXMLTree: FeedTree {
    let doc: xmlDocPtr?
    let namespaces: NamespaceCache

    func elements(_ node: xmlNodePtr) -> XMLNode.ElementChildren { XMLNode.elements(node) }
    func element(_ node: xmlNodePtr) -> FeedElement<xmlNodePtr> { namespaces.element(node) }
    func peek(_ node: xmlNodePtr) -> FeedElement<xmlNodePtr> { namespaces.peek(node) }
    func name(_ node: xmlNodePtr) -> String { node.pointee.name.map { String(cString: $0) } ?? "?" }
    func inAtom03(_ node: xmlNodePtr) -> Bool { node.pointee.ns.map { FeedNamespace.classify($0.pointee.href) == .atom03 } ?? false }
    func parent(_ node: xmlNodePtr) -> xmlNodePtr? { node.pointee.parent }
    func attribute(_ node: xmlNodePtr, _ name: String, nsHref: String?) -> String? { XMLNode.attribute(node, name, nsHref: nsHref) }
    func hasElementChildren(_ node: xmlNodePtr) -> Bool { XMLNode.hasElementChildren(node) }
    func cleanedText(_ node: xmlNodePtr) -> String? { XMLNode.cleanedText(node) }
    func text(_ node: xmlNodePtr) -> String { XMLNode.text(node) }
    func innerXML(_ node: xmlNodePtr, base: String?) -> String { XMLNode.innerXML(node, base: base) }

    func base(_ node: xmlNodePtr) -> String? {
        guard let base = xmlNodeGetBase(doc, node) else { return nil }
        defer { cw_xmlFree(base) }
        return String(cString: base)
    }

    func lang(_ node: xmlNodePtr) -> String? {
        guard let lang = xmlNodeGetLang(node) else { return nil }
        defer { cw_xmlFree(lang) }
        return String(cString: lang)
    }
}
