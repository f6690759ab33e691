import Foundation

/// An article in the seeds' schema: metadata plus ordered blocks, and the boilerplate lines left out.
package struct Document: Sendable, Equatable, Codable {
    package var title: String?
    package var byline: String?
    package var source: String?
    package var url: String?
    /// ISO 8601 (UTC) publication time, when known.
    package var published: String?
    package var blocks: [Block]
    package var boilerplate: [String]

    package init(title: String? = nil, byline: String? = nil, source: String? = nil, url: String? = nil,
                published: String? = nil, blocks: [Block] = [], boilerplate: [String] = []) {
        self.title = title
        self.byline = byline
        self.source = source
        self.url = url
        self.published = published
        self.blocks = blocks
        self.boilerplate = boilerplate
    }

    /// Headings, in order.
    package var headings: [String] {
        blocks.compactMap { if case .heading(let h) = $0 { return h } else { return nil } }
    }

    /// Every table, in order.
    package var tables: [Table] {
        blocks.compactMap { if case .table(let t) = $0 { return t } else { return nil } }
    }

    /// All bullet items, in order.
    package var bulletItems: [String] {
        blocks.flatMap { block -> [String] in if case .bullets(let b) = block { return b } else { return [] } }
    }
}

/// One block of an article body.
package enum Block: Sendable, Equatable {
    case heading(String)
    case paragraph(String)
    case bullets([String])
    case table(Table)
}

/// A table: a header row and body rows (rows may be ragged; renderers pad them).
package struct Table: Sendable, Equatable, Codable {
    package var header: [String]
    package var rows: [[String]]

    package init(header: [String], rows: [[String]]) {
        self.header = header
        self.rows = rows
    }
}

extension Block: Codable {
    private enum Key: String, CodingKey { case heading, paragraph, bullets, table }

    package init(from decoder: Decoder) throws {
        let c = try decoder.container(keyedBy: Key.self)
        if let h = try c.decodeIfPresent(String.self, forKey: .heading) { self = .heading(h); return }
        if let p = try c.decodeIfPresent(String.self, forKey: .paragraph) { self = .paragraph(p); return }
        if let b = try c.decodeIfPresent([String].self, forKey: .bullets) { self = .bullets(b); return }
        if let t = try c.decodeIfPresent(Table.self, forKey: .table) { self = .table(t); return }
        throw DecodingError.dataCorrupted(.init(codingPath: decoder.codingPath,
                                                debugDescription: "a block needs one of heading, paragraph, bullets, table"))
    }

    package func encode(to encoder: Encoder) throws {
        var c = encoder.container(keyedBy: Key.self)
        switch self {
        case .heading(let h): try c.encode(h, forKey: .heading)
        case .paragraph(let p): try c.encode(p, forKey: .paragraph)
        case .bullets(let b): try c.encode(b, forKey: .bullets)
        case .table(let t): try c.encode(t, forKey: .table)
        }
    }
}

extension Document {
    private enum Key: String, CodingKey { case title, byline, source, url, published, blocks, boilerplate }

    /// Encodes every field, writing `null` for missing metadata (the schema shows nulls, not absent keys).
    package func encode(to encoder: Encoder) throws {
        var c = encoder.container(keyedBy: Key.self)
        try c.encode(title, forKey: .title)
        try c.encode(byline, forKey: .byline)
        try c.encode(source, forKey: .source)
        try c.encode(url, forKey: .url)
        try c.encode(published, forKey: .published)
        try c.encode(blocks, forKey: .blocks)
        try c.encode(boilerplate, forKey: .boilerplate)
    }

    package init(from decoder: Decoder) throws {
        let c = try decoder.container(keyedBy: Key.self)
        self.init(title: try c.decodeIfPresent(String.self, forKey: .title),
                  byline: try c.decodeIfPresent(String.self, forKey: .byline),
                  source: try c.decodeIfPresent(String.self, forKey: .source),
                  url: try c.decodeIfPresent(String.self, forKey: .url),
                  published: try c.decodeIfPresent(String.self, forKey: .published),
                  blocks: try c.decodeIfPresent([Block].self, forKey: .blocks) ?? [],
                  boilerplate: try c.decodeIfPresent([String].self, forKey: .boilerplate) ?? [])
    }
}
