import CLibXML2
import Foundation
import CityWatchSupport
import CityWatchFetching

/// Parses RSS, RDF, Atom and JSON Feed documents with libxml2, recovering what it can.
package enum FeedParser {
    /// Documents larger than this are refused unparsed (the fetcher caps bodies at 10 MB by default).
    package static let maxInputBytes = 32 << 20

    /// Never throws: a document that is not a feed gives `parseOK == false` and an `error`.
    /// - Parameters:
    ///   - httpCharset: the charset from the HTTP Content-Type, which wins over the XML declaration.
    ///   - events: false reads XML with libxml2's tree only (the general path; see parseTree).
    package static func parse(_ data: Data, input: String, baseURL: String? = nil, httpCharset: String? = nil,
                              events: Bool = true) -> ParsedFeed {
        if data.count > maxInputBytes {
            return ParsedFeed(input: input, parseOK: false, error: "too large: over \(maxInputBytes) bytes")
        }
        return data.withUnsafeBytes { raw in
            parse(bytes: raw.bindMemory(to: UInt8.self), input: input, baseURL: baseURL, httpCharset: httpCharset, events: events)
        }
    }

    /// Parses a fetched feed with its HTTP response headers (names lower-cased), as RFC 3023 and feed readers
    /// use them: the Content-Type charset (text/* without one means us-ascii), Content-Location as the base URL,
    /// Content-Language as the language when the feed names none.
    package static func parse(_ data: Data, input: String, url: String?, headers: [String: String]) -> ParsedFeed {
        let contentType = headers["content-type"]
        var charset = ContentType.charset(contentType)
        let media = contentType?.split(separator: ";").first.map { $0.trimmingCharacters(in: .whitespaces).lowercased() } ?? ""
        if charset == nil, media.hasPrefix("text/") { charset = "us-ascii" }
        var base = url
        if let location = headers["content-location"].flatMap(cleaned) {
            base = url.map { FeedLinks.resolve(location, against: $0) } ?? location
        }
        var feed = parse(data, input: input, baseURL: base, httpCharset: charset)
        if feed.feed.language == nil, feed.parseOK, let language = headers["content-language"].flatMap(cleaned) {
            feed.feed.language = language
        }
        return feed
    }

    /// The same, over bytes already in memory.
    package static func parse(bytes: UnsafeBufferPointer<UInt8>, input: String, baseURL: String? = nil,
                             httpCharset: String? = nil, events: Bool = true) -> ParsedFeed {
        var start = 0
        if bytes.count >= 3, bytes[0] == 0xEF, bytes[1] == 0xBB, bytes[2] == 0xBF { start = 3 }
        while start < bytes.count, bytes[start] == 0x20 || bytes[start] == 0x0A || bytes[start] == 0x0D || bytes[start] == 0x09 {
            start += 1
        }
        guard start < bytes.count else {
            return ParsedFeed(input: input, parseOK: false, error: "empty document: not a feed")
        }
        if bytes[start] == 0x7B || bytes[start] == 0x5B {
            return JSONFeedParser.parse(UnsafeBufferPointer(rebasing: bytes[start...]), input: input, baseURL: baseURL)
        }
        let decoded = FeedEncoding.decode(bytes, httpCharset: httpCharset)
        if let utf8 = decoded.utf8 {
            return utf8.withUnsafeBufferPointer { parseXML($0, decoded: decoded, input: input, baseURL: baseURL, events: events) }
        }
        return parseXML(bytes, decoded: decoded, input: input, baseURL: baseURL, events: events)
    }

    static func parseXML(_ bytes: UnsafeBufferPointer<UInt8>, decoded: FeedEncoding.Decoded, input: String,
                         baseURL: String?, events: Bool = true) -> ParsedFeed {
        var problems: [String] = decoded.problem.map { [$0] } ?? []
        let repair = FeedMarkupRepair.repair(bytes, mayHaveControls: decoded.mayHaveControls)
        problems += repair.problems
        if let fixed = repair.bytes {
            return fixed.withUnsafeBufferPointer {
                parseTree($0, encoding: decoded.name, problems: problems, input: input, baseURL: baseURL, events: events)
            }
        }
        return parseTree(bytes, encoding: decoded.name, problems: problems, input: input, baseURL: baseURL, events: events)
    }

    /// Whether `needle` occurs in `bytes` (glibc's memmem: ':' and "xml" are too common in feeds for a memchr pivot).
    static func contains(_ bytes: UnsafeBufferPointer<UInt8>, _ needle: StaticString) -> Bool {
        guard let base = bytes.baseAddress, bytes.count >= needle.utf8CodeUnitCount else { return false }
        return cw_contains_bytes(base, bytes.count, needle.utf8Start, needle.utf8CodeUnitCount) != 0
    }

    /// - Parameter events: whether a document FeedDocument accepts is read from SAX2 events (the fast path);
    ///   false reads every document with libxml2's tree (the general path, which tests compare it with).
    static func parseTree(_ bytes: UnsafeBufferPointer<UInt8>, encoding: String, problems: [String], input: String,
                          baseURL: String?, events: Bool = true) -> ParsedFeed {
        guard let context = FeedParserContext.current() else {
            return ParsedFeed(input: input, parseOK: false, encoding: encoding, error: "out of memory")
        }
        let hasBase = baseURL != nil || contains(bytes, "xml:base")
        if events, FeedDocument.accepts(bytes), let document = context.readEvents(bytes, baseURL: baseURL) {
            defer { document.close() }
            return map(document, root: document.root >= 0 ? document.root : nil, hasBase: hasBase, context: context,
                       encoding: encoding, problems: problems, input: input)
        }
        let doc = context.read(bytes, baseURL: baseURL)
        defer { if let doc { xmlFreeDoc(doc) } }
        return map(LibXMLTree(doc: doc, namespaces: context.namespaces),
                   root: doc.flatMap { xmlDocGetRootElement($0) }, hasBase: hasBase, context: context,
                   encoding: encoding, problems: problems, input: input)
    }

    /// The parse's problems and the mapped feed, from either representation of the document.
    private static func map<Tree: FeedTree>(_ tree: Tree, root: Tree.Node?, hasBase: Bool, context: FeedParserContext,
                                            encoding: String, problems: [String], input: String) -> ParsedFeed {
        var problems = problems
        let ctxt = context.ctxt
        if cw_ctxt_well_formed(ctxt) == 0 || cw_ctxt_ns_well_formed(ctxt) == 0 {
            let message = cw_ctxt_error_message(ctxt).map { TextNormalizer.trimmingWhitespace(String(cString: $0)) }
            problems.append("not well-formed XML, recovered: \(message ?? "unknown error") (line \(cw_ctxt_error_line(ctxt)))")
        }
        guard let root else {
            problems.insert("not a feed: no root element", at: 0)
            return ParsedFeed(input: input, parseOK: false, encoding: encoding, error: problems.joined(separator: "; "))
        }
        var mapper = FeedXMLMapper(tree: tree, hasBase: hasBase)
        guard let result = mapper.map(root) else {
            problems.insert("not a feed: the root element is <\(tree.name(root))>", at: 0)
            return ParsedFeed(input: input, parseOK: false, encoding: encoding, error: problems.joined(separator: "; "))
        }
        return ParsedFeed(input: input, parseOK: true, format: result.format, version: result.version, encoding: encoding,
                          feed: result.feed, items: result.items,
                          error: problems.isEmpty ? nil : problems.joined(separator: "; "), ttlMinutes: result.ttl)
    }
}
