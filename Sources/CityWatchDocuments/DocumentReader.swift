import Foundation
import CityWatchSupport

/// Reads a document from bytes: HTML pages go to `ArticlePageParser`, anything else textual to `SeedTextParser`.
package enum DocumentReader {
    /// Inputs above this size are refused rather than parsed.
    package static let maxBytes = 32 * 1024 * 1024

    /// `limitText`: plain text past twice `Document.textLimit` is cut before it is parsed (`extract`; `parse` keeps all).
    package static func read(_ data: Data, url: String? = nil, httpCharset: String? = nil,
                            limitText: Bool = false) throws(DocumentError) -> Document {
        if data.count > maxBytes {
            throw DocumentError(code: "too-large", message: "too large: \(data.count) bytes, over the \(maxBytes)-byte limit for one document")
        }
        if looksLikeHTML(data), isFragment(data) {
            // A fragment (a feed item's content) is read whole: no search for a page's article body.
            var doc = ArticlePageParser.parseFragment(decodeText(data))
            doc.url = url
            return doc
        }
        if looksLikeHTML(data) {
            var doc = try ArticlePageParser.parse(data, url: url, httpCharset: httpCharset)
            if doc.url == nil { doc.url = url }
            return doc
        }
        if data.prefix(8192).contains(0) {
            throw DocumentError(code: "binary", message: "not a text document: the input holds binary data (NUL bytes)")
        }
        let text = decodeText(data)
        var doc = SeedTextParser.parse(limitText ? Document.limitRawText(text) : text)
        doc.url = url
        return doc
    }

    /// UTF-8 when valid (BOM dropped); otherwise the bytes are read as Windows-1252 so nothing is lost silently.
    static func decodeText(_ data: Data) -> String {
        var bytes = data
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { bytes = bytes.dropFirst(3) }
        if let text = String(data: bytes, encoding: .utf8) { return text }
        return String(data: bytes, encoding: .windowsCP1252) ?? String(decoding: bytes, as: UTF8.self)
    }

    /// A page whose first character (after whitespace/BOM) opens a tag, comment, doctype or XML declaration
    /// (`<x`, `<!`, `<?`), or whose first 1 KB holds `<html`, `<body` or `<!doctype` (pages with junk in front).
    package static func looksLikeHTML(_ data: Data) -> Bool {
        let head = data.prefix(2048)
        guard let start = head.firstIndex(where: { !($0 == 0x20 || $0 == 0x0A || $0 == 0x0D || $0 == 0x09 || $0 == 0xEF || $0 == 0xBB || $0 == 0xBF) })
        else { return false }
        if head[start] == UInt8(ascii: "<"), head.index(after: start) < head.endIndex {
            let next = head[head.index(after: start)]
            let letter = (next | 0x20) >= UInt8(ascii: "a") && (next | 0x20) <= UInt8(ascii: "z")
            if letter || next == UInt8(ascii: "!") || next == UInt8(ascii: "?") { return true }
        }
        // Byte search: lower-casing a decoded String went through Foundation and showed in the profile.
        return head.prefix(1024).withUnsafeBytes { text in
            ["<html", "<body", "<!doctype html"].contains { ByteSearch.containsCaseInsensitive(text, $0) }
        }
    }

    /// HTML without a document around it (no doctype, `<html>`, `<head>` or `<body>`).
    static func isFragment(_ data: Data) -> Bool {
        data.prefix(4096).withUnsafeBytes { text in
            !["<!doctype", "<html", "<head>", "<head ", "<body"].contains { ByteSearch.containsCaseInsensitive(text, $0) }
        }
    }

    /// An HTML fragment such as a feed item's content: it opens with a known element ("<h1>", "<table>", "<ul>").
    static func isFragment(_ text: String) -> Bool {
        let name = text.dropFirst().prefix { $0.isLetter || $0.isNumber }
        guard let end = text.dropFirst(1 + name.count).first, end == ">" || end == " " || end == "/" else { return false }
        return fragmentTags.contains(String(name))
    }

    static let fragmentTags: Set<String> = ["h1", "h2", "h3", "h4", "h5", "h6", "table", "ul", "ol", "section", "main",
                                            "header", "nav", "figure", "blockquote", "span", "img", "a", "br", "b", "strong",
                                            "em", "i", "aside", "footer", "title", "style", "script", "link", "dl", "pre"]
}
