import Foundation
import CityWatchSupport

/// Turns an HTML article page into a Document: main text, structure and metadata, boilerplate dropped.
package enum ArticlePageParser {
    /// Bodies shorter than this (visible characters) make the parser try the fallbacks (JSON-LD, all paragraphs).
    static let minimumBody = 250

    /// Parses a whole page.
    /// - Parameters:
    ///   - url: where the page came from (the canonical URL found in the page wins).
    ///   - httpCharset: the charset from the HTTP Content-Type, when fetched.
    package static func parse(_ data: Data, url: String? = nil, httpCharset: String? = nil) throws(DocumentError) -> Document {
        let (blank, hasNUL) = data.withUnsafeBytes { raw -> (Bool, Bool) in
            let bytes = raw.bindMemory(to: UInt8.self)
            let blank = !bytes.contains(where: { $0 > 0x20 })
            let head = UnsafeRawBufferPointer(rebasing: raw.prefix(8192))
            return (blank, head.baseAddress.map { memchr($0, 0, head.count) != nil } ?? false)
        }
        guard !blank else {
            throw DocumentError(code: "empty", message: "empty page: the body holds no HTML")
        }
        let isUTF16 = data.starts(with: [0xFF, 0xFE]) || data.starts(with: [0xFE, 0xFF])
        if !isUTF16, hasNUL {
            throw DocumentError(code: "not-html", message: "not an HTML page: the body holds binary data (NUL bytes)")
        }
        let (bytes, _) = HTMLCharset.utf8Bytes(data, httpCharset: httpCharset)
        let prescan = bytes.withUnsafeBufferPointer { HTMLPrescan.strip($0) }
        let tree = HTMLTreeBuilder.build(prescan)
        var meta = PageMetadata.read(tree, jsonLD: prescan.jsonLD, url: url)
        let finder = MainContentFinder(tree: tree)
        var builder = BlockBuilder(tree: tree, removed: finder.removed, textLength: finder.textLength,
                                   linkLength: finder.linkLength, title: meta.title)
        builder.knownByline = meta.byline
        for container in finder.containers() { builder.add(container) }
        var blocks = builder.blocks
        if visibleLength(blocks) < minimumBody {
            blocks = fallback(tree: tree, finder: finder, jsonLD: meta.jsonLDArticle(), current: blocks)
        }
        var boilerplate = finder.furnitureLines(limit: 60)
        boilerplate += builder.boilerplate
        return Document(title: meta.title, byline: meta.byline ?? builder.byline, source: meta.siteName,
                        url: meta.canonical ?? url, published: meta.published, blocks: blocks,
                        boilerplate: dedupe(boilerplate))
    }

    /// Parses an HTML fragment (a feed item's `content:encoded`) into blocks: no container search, furniture still dropped.
    package static func parseFragment(_ html: String) -> Document {
        var bytes = Array(html.utf8)
        if bytes.count > DocumentReader.maxBytes { bytes = Array(bytes.prefix(DocumentReader.maxBytes)) }
        let prescan = bytes.withUnsafeBufferPointer { HTMLPrescan.strip($0) }
        let tree = HTMLTreeBuilder.build(prescan)
        let finder = MainContentFinder(tree: tree)
        var builder = BlockBuilder(tree: tree, removed: finder.removed, textLength: finder.textLength,
                                   linkLength: finder.linkLength, title: nil)
        builder.add(0)
        return Document(byline: builder.byline, blocks: builder.blocks, boilerplate: dedupe(builder.boilerplate))
    }

    /// JSON-LD `articleBody` when the page has one, else every paragraph of the page.
    private static func fallback(tree: HTMLTree, finder: MainContentFinder, jsonLD: JSONLDArticle, current: [Block]) -> [Block] {
        let currentLength = visibleLength(current)
        if let body = jsonLD.articleBody {
            let paragraphs = body.split(whereSeparator: \.isNewline).map { TextNormalizer.normalizeLine(String($0)) }
                .filter { !$0.isEmpty }
            let blocks = paragraphs.map(Block.paragraph)
            if visibleLength(blocks) > currentLength { return blocks }
        }
        var paragraphs: [Block] = []
        for i in 0..<tree.count where tree.tags[i] == .p && !finder.removed[i] {
            let text = tree.plainText(i)
            if !text.isEmpty && !Boilerplate.isBoilerplate(text) { paragraphs.append(.paragraph(text)) }
        }
        return visibleLength(paragraphs) > currentLength ? paragraphs : current
    }

    static func visibleLength(_ blocks: [Block]) -> Int {
        blocks.reduce(0) { sum, block in
            switch block {
            case .heading(let t), .paragraph(let t): return sum + t.utf8.count
            case .bullets(let items): return sum + items.reduce(0) { $0 + $1.utf8.count }
            case .table(let t): return sum + t.rows.reduce(0) { $0 + $1.reduce(0) { $0 + $1.utf8.count } }
            }
        }
    }

    private static func dedupe(_ lines: [String]) -> [String] {
        var seen = Set<String>()
        return lines.filter { seen.insert($0).inserted }
    }
}
