import CLibXML2
import Foundation

/// Text fields, Atom text constructs and base URIs.
extension FeedXMLMapper {
    /// An RSS-style text field: its text, or its markup when it holds elements; relative links resolved.
    func field(_ node: Node) -> String? {
        if tree.hasElementChildren(node) { return cleaned(tree.innerXML(node, base: base(node))) }
        guard let text = tree.cleanedText(node) else { return nil }
        if hasBase, text.utf8.contains(0x3D), let base = base(node) { return FeedLinks.resolveHTML(text, against: base) }
        return text
    }

    /// An Atom text construct (text, html, xhtml; Atom 0.3 escaped, base64 and xml modes).
    func atomText(_ node: Node) -> String? {
        let type = tree.attribute(node, "type")?.lowercased() ?? "text"
        let mode = tree.attribute(node, "mode")?.lowercased()
        if mode == "base64" || FeedXMLMapper.isBinary(type) {
            let raw = FeedXMLMapper.strippingWhitespace(tree.text(node))
            let decoded = Data(base64Encoded: raw, options: .ignoreUnknownCharacters)
                .flatMap { String(data: $0, encoding: .utf8) }.flatMap(cleaned)
            if let decoded, hasBase, decoded.utf8.contains(0x3D), let base = base(node) {
                return FeedLinks.resolveHTML(decoded, against: base)
            }
            return decoded
        }
        if type == "xhtml" || (atom10 && type == "application/xhtml+xml") {
            // Atom 1.0 xhtml: the content is inside one xhtml:div, which is not part of it.
            var children = tree.elements(node)
            if let div = children.next(), children.next() == nil, tree.peek(div).name == "div" {
                return cleaned(tree.innerXML(div, base: base(div)))
            }
        }
        return field(node)
    }

    /// `text` without Unicode white space. Scalar by scalar (grapheme breaking was most of the time on large
    /// bodies; a combining mark left over from a whitespace cluster is skipped by the decoder like any other
    /// non-base64 byte), and byte by byte when all ASCII (the property lookup per scalar was the rest): the ASCII
    /// White_Space characters are tab to CR and space.
    static func strippingWhitespace(_ text: String) -> String {
        let utf8 = text.utf8
        guard utf8.allSatisfy({ $0 < 0x80 }) else {
            return String(String.UnicodeScalarView(text.unicodeScalars.filter { !$0.properties.isWhitespace }))
        }
        return String(decoding: utf8.filter { !($0 == 0x20 || ($0 >= 0x09 && $0 <= 0x0D)) }, as: UTF8.self)
    }

    /// Media types whose content can only be base64 (Atom 1.0 allows any; real feeds use these).
    static func isBinary(_ type: String) -> Bool {
        type == "application/octet-stream" || type.hasPrefix("image/") || type.hasPrefix("audio/") || type.hasPrefix("video/")
    }

    /// The base URI in effect at a node (xml:base, then the document URL), when there is one.
    func base(_ node: Node) -> String? {
        hasBase ? tree.base(node) : nil
    }

    mutating func mapCDF(_ root: Node, into feed: inout ParsedFeed.Info) {
        if feed.link == nil { feed.link = tree.attribute(root, "href").flatMap(cleaned) }
        if feed.updated == nil { feed.updated = tree.attribute(root, "lastmod").flatMap(FeedDate.iso8601) }
    }

    func xmlLang(_ node: Node) -> String? {
        tree.lang(node).flatMap(cleaned)
    }

    /// Resolves a relative reference against xml:base and the document URL.
    func resolve(_ url: String, _ node: Node) -> String {
        if !hasBase || FeedLinks.hasScheme(url) { return url }
        guard let base = base(node) else { return url }
        return FeedLinks.resolve(url, against: base)
    }
}
