import Foundation
import Testing
@testable import CityWatchFeeds

/// The fast path (FeedDocument, built from SAX2 events) against the general path (libxml2's tree): the same
/// JSON line for every document, well-formed or broken, with and without a base URL.
@Suite struct FeedDocumentTests {
    /// Both paths over one document; returns the fast path's line.
    @discardableResult
    func same(_ data: Data, _ name: String, baseURL: String? = nil, sourceLocation: SourceLocation = #_sourceLocation) -> String {
        let fast = FeedParser.parse(data, input: name, baseURL: baseURL).jsonLine
        let general = FeedParser.parse(data, input: name, baseURL: baseURL, events: false).jsonLine
        #expect(fast == general, "\(name)", sourceLocation: sourceLocation)
        return fast
    }

    func same(_ text: String, baseURL: String? = nil, sourceLocation: SourceLocation = #_sourceLocation) -> String {
        same(Data(text.utf8), "inline", baseURL: baseURL, sourceLocation: sourceLocation)
    }

    static var feedFiles: [URL] {
        var urls: [URL] = []
        for folder in ["feeds", "fuzz/feed"] {
            let dir = FixtureFiles.fixtures.appendingPathComponent(folder)
            let names = (try? FileManager.default.contentsOfDirectory(atPath: dir.path)) ?? []
            urls += names.filter { !$0.hasSuffix(".txt") && !$0.hasSuffix(".md") }.sorted().map { dir.appendingPathComponent($0) }
        }
        let seeds = FixtureFiles.repositoryRoot.appendingPathComponent("fuzz/seeds/feed")
        let names = (try? FileManager.default.contentsOfDirectory(atPath: seeds.path)) ?? []
        return urls + names.sorted().map { seeds.appendingPathComponent($0) }
    }

    @Test func fixturesAndFuzzSeeds() throws {
        let files = Self.feedFiles
        #expect(files.count > 40)
        for url in files {
            let data = try Data(contentsOf: url)
            same(data, url.lastPathComponent)
            same(data, url.lastPathComponent, baseURL: "http://example.org/feeds/a/index.xml")
        }
    }

    /// Every fixture cut short and with bytes dropped or doubled here and there (a fixed generator).
    @Test func mutatedFixtures() throws {
        var state: UInt64 = 0x9E37_79B9_7F4A_7C15
        func next(_ bound: Int) -> Int {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return Int((state >> 33) % UInt64(max(bound, 1)))
        }
        for url in Self.feedFiles {
            let original = [UInt8](try Data(contentsOf: url))
            guard original.count > 8 else { continue }
            for round in 0..<12 {
                var bytes = original
                switch round % 3 {
                case 0: bytes = Array(bytes[..<(1 + next(bytes.count - 1))])
                case 1: for _ in 0..<4 { bytes.remove(at: next(bytes.count)) }
                default: for _ in 0..<4 { let i = next(bytes.count); bytes.insert(bytes[i], at: i) }
                }
                same(Data(bytes), "\(url.lastPathComponent) #\(round)", baseURL: round % 2 == 0 ? nil : "http://example.org/a/")
            }
        }
    }

    @Test func treeDetails() {
        // xml:base nested and against the document URL; xml:lang; relative links in HTML.
        same("""
            <feed xmlns="http://www.w3.org/2005/Atom" xml:lang="de" xml:base="http://a.example/x/">
            <entry xml:base="y/"><link href="z.html"/><id>i</id><content type="html">&lt;a href="q"&gt;q&lt;/a&gt;</content></entry>
            <entry xml:base="https://b.example/"><link href="z"/><summary type="xhtml"><div xmlns="http://www.w3.org/1999/xhtml"><a href="r">r</a><br/><br><!-- c --></br><img src="s"/></div></summary></entry>
            </feed>
            """, baseURL: "http://doc.example/feed.xml")
        // Undeclared prefixes on elements and attributes, character references and '&' in attribute values.
        _ = same("""
            <rss version="2.0"><channel><title>t &#38; &amp; &#x263A;</title><item><dc:creator>x</dc:creator>
            <description><p a:b="1" c="&amp;&#38;é &lt;">x<?pi y?>y<![CDATA[<b>z</b>]]></p></description>
            <link>http://e.example/&amp;</link></item></channel></rss>
            """)
        // A start tag cut short, mismatched end tags, text outside the root, a namespace error before xml:lang.
        _ = same("<rss><channel><title>a</title><item a='1' <title>b</title></item><item><title>c</titl></item></channel></rss>tail")
        _ = same("<feed xmlns='http://www.w3.org/2005/Atom' xmlns:p=''><p:x/><title xml:lang='en'>t</title></feed>")
        // Too deep: libxml2 stops at its depth limit in both.
        let deep = String(repeating: "<a>", count: 300)
        _ = same("<rss><channel><title>t</title>\(deep)</channel></rss>")
        // A DTD, xml:id: read with the tree (the fast path gives up on them).
        _ = same("<!DOCTYPE rss [<!ENTITY e \"<b>x</b>\">]><rss><channel><title>&e;</title><item><description a=\"&e;\">&e;</description></item></channel></rss>")
        _ = same("<rss><channel><title xml:id='1 2'>t</title></channel></rss>")
        _ = same("<channel><item href='a' lastmod='2020-01-01'><abstract>x</abstract></item></channel>", baseURL: "http://c.example/")
    }

    @Test func theFastPathIsTaken() throws {
        let context = try #require(FeedParserContext.current())
        let plain = Array("<rss><channel><title>t</title></channel></rss>".utf8)
        #expect(plain.withUnsafeBufferPointer { context.readEvents($0, baseURL: nil) } != nil)
        #expect(context.document.root == 0 && context.document.nodes.count == 4)
        context.document.close()
        let dtd = Array("<!DOCTYPE rss><rss/>".utf8)
        #expect(dtd.withUnsafeBufferPointer { context.readEvents($0, baseURL: nil) } == nil)
        let id = Array("<rss xml:id='a'/>".utf8)
        #expect(id.withUnsafeBufferPointer { context.readEvents($0, baseURL: nil) } == nil)
    }
}
