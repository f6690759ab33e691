import Foundation
import Testing
@testable import CityWatchDocuments
import CityWatchSupport

@Suite struct ArticlePageParserTests {
    // MARK: real pages (article-extraction benchmark, MIT)

    static let articles = Bundle.module.url(forResource: "Fixtures", withExtension: nil)!.appendingPathComponent("articles")

    struct Truth: Decodable { var articleBody: String; var url: String }

    static func truth() throws -> [String: Truth] {
        try JSONDecoder().decode([String: Truth].self, from: Data(contentsOf: articles.appendingPathComponent("ground-truth.json")))
    }

    /// The benchmark's measure: 4-token shingles of `\w+` tokens, F1 of the shared multiset.
    static func shingleF1(_ truth: String, _ predicted: String) -> Double {
        func shingles(_ s: String) -> [String: Int] {
            let tokens = s.split(whereSeparator: { !($0.isLetter || $0.isNumber || $0 == "_") }).map(String.init)
            var counts: [String: Int] = [:]
            if tokens.count < 4 { if !tokens.isEmpty { counts[tokens.joined(separator: " "), default: 0] += 1 }; return counts }
            for i in 0...(tokens.count - 4) { counts[tokens[i..<(i + 4)].joined(separator: " "), default: 0] += 1 }
            return counts
        }
        let t = shingles(truth), p = shingles(predicted)
        let tp = t.reduce(0) { $0 + min($1.value, p[$1.key] ?? 0) }
        let nt = t.values.reduce(0, +), np = p.values.reduce(0, +)
        guard tp > 0 else { return 0 }
        let precision = Double(tp) / Double(np), recall = Double(tp) / Double(nt)
        return 2 * precision * recall / (precision + recall)
    }

    static func text(_ block: Block) -> String {
        switch block {
        case .heading(let t), .paragraph(let t): return t
        default: return ""
        }
    }

    static func bodyText(_ doc: Document) -> String {
        var d = doc
        d.title = nil
        d.byline = nil
        return SeedTextRenderer.render(d)
    }

    @Test(arguments: ["c00962aabe7bdd1fca78f5360ea7fa93cd7674863b05157e00827506a7aa58c4",
                      "14cc2a0ca59c62a8c9f205a171e9ccf4ef4cf69b0c642f51c8c65c051b39024f",
                      "0ec95c7261d122f304728e90c983450ef1ce1e0b423546835c397d50aaf0d0f2",
                      "4648a420af9984d45b76a4afedf4f74965f8a2e0bf1c69bd3da2dc189020f3c9",
                      "57b4dafd18cfd0531b69f81e87158648227c673ef159f8d8c87d34e34bdb21f2"])
    func realPageMatchesGroundTruth(id: String) throws {
        let data = try Data(contentsOf: Self.articles.appendingPathComponent(id + ".html"))
        let doc = try ArticlePageParser.parse(data, url: nil)
        let truth = try #require(try Self.truth()[id])
        #expect(doc.title?.isEmpty == false)
        #expect(Self.shingleF1(truth.articleBody, Self.bodyText(doc)) >= 0.9)
    }

    @Test func realPageMetadata() throws {
        let id = "14cc2a0ca59c62a8c9f205a171e9ccf4ef4cf69b0c642f51c8c65c051b39024f"
        let doc = try ArticlePageParser.parse(try Data(contentsOf: Self.articles.appendingPathComponent(id + ".html")))
        #expect(doc.title?.contains("Europa") == true)
        #expect(doc.url?.hasPrefix("https://www.sciencealert.com/") == true)
        #expect(doc.source == "ScienceAlert")
        #expect(doc.byline?.contains("Victor Tangermann") == true)
    }

    // MARK: constructed pages

    static let constructed = """
    <!DOCTYPE html><html><head><meta charset="utf-8">
    <title>Raids in Chicago | Example News</title>
    <meta property="og:site_name" content="Example News">
    <meta property="og:title" content="Raids in Chicago">
    <meta property="article:published_time" content="2026-11-18T09:30:00-06:00">
    <link rel="canonical" href="https://news.example.org/raids-chicago">
    <style>p { color: red }</style><script>var x = "<p>not text</p>";</script>
    </head><body>
    <header><a href="/">Home</a> <a href="/news">News</a></header>
    <nav class="main-nav"><ul><li><a href="/a">Politics</a></li><li><a href="/b">Sports</a></li></ul></nav>
    <div class="cookie-banner">We use cookies. Accept all cookies to continue.</div>
    <main><article>
      <h1>Raids in Chicago</h1>
      <div class="byline">By <a rel="author" href="/staff/jane">Jane Roe</a></div>
      <div class="share-bar"><a href="#">Share on Facebook</a> <a href="#">Tweet</a></div>
      <div itemprop="articleBody">
        <p>Federal agents arrested more than 130 people in Chicago this week, officials said on Tuesday, in the largest operation of its kind this year.</p>
        <h2>What happened</h2>
        <p>The operation, which began on Monday, involved about 200 agents from several agencies, according to a statement released by the department.</p>
        <ul><li>130 arrests</li><li>200 agents</li></ul>
        <table>
          <tr><th>City</th><th>Arrests</th><th>Agents</th></tr>
          <tr><td>Chicago</td><td>130</td><td>200</td></tr>
          <tr><td colspan="2">Total</td><td>200</td></tr>
        </table>
        <p>First line of a note<br>Second line of a note</p>
        <figure><img src="a.jpg" alt="agents"><figcaption>Agents in Chicago. Photo: Someone</figcaption></figure>
      </div>
      <div class="related-stories"><h3>Related</h3><ul><li><a href="/x">Another story about something else entirely</a></li></ul></div>
    </article></main>
    <aside class="sidebar"><p>Most read: a story about weather that is long enough to count as a paragraph of text.</p></aside>
    <footer><p>© 2026 Example News. All rights reserved.</p><a href="/privacy">Privacy Policy</a></footer>
    </body></html>
    """

    @Test func constructedPageStructure() throws {
        let doc = try ArticlePageParser.parse(Data(Self.constructed.utf8), url: "https://news.example.org/x?utm=1")
        #expect(doc.title == "Raids in Chicago")
        #expect(doc.source == "Example News")
        #expect(doc.url == "https://news.example.org/raids-chicago")
        #expect(doc.published == "2026-11-18T15:30:00Z")
        #expect(doc.byline == "Jane Roe")
        #expect(doc.blocks == [
            .paragraph("Federal agents arrested more than 130 people in Chicago this week, officials said on Tuesday, in the largest operation of its kind this year."),
            .heading("What happened"),
            .paragraph("The operation, which began on Monday, involved about 200 agents from several agencies, according to a statement released by the department."),
            .bullets(["130 arrests", "200 agents"]),
            .table(Table(header: ["City", "Arrests", "Agents"], rows: [["Chicago", "130", "200"], ["Total", "", "200"]])),
            .paragraph("First line of a note"),
            .paragraph("Second line of a note"),
        ])
        #expect(doc.boilerplate.contains("Politics"))
        #expect(!SeedTextRenderer.render(doc).contains("cookies"))
    }

    @Test func tableWithoutHeaderCellsUsesFirstRow() throws {
        let html = "<html><body><article><p>" + String(repeating: "Officials counted arrests across the region this month. ", count: 6)
            + "</p><table><tr><td>City</td><td>Cases</td></tr><tr><td>New York</td><td>4,500</td></tr></table></article></body></html>"
        let doc = try ArticlePageParser.parse(Data(html.utf8))
        #expect(doc.tables == [Table(header: ["City", "Cases"], rows: [["New York", "4,500"]])])
    }

    @Test func bylineFromMetaAndFromText() throws {
        let body = "<p>" + String(repeating: "The city council met on Monday to discuss the budget, members said. ", count: 5) + "</p>"
        let meta = "<html><head><meta name=\"author\" content=\"Sam Doe\"></head><body><article>\(body)</article></body></html>"
        #expect(try ArticlePageParser.parse(Data(meta.utf8)).byline == "Sam Doe")
        let text = "<html><body><article><p>By Alex Poe</p>\(body)</article></body></html>"
        let doc = try ArticlePageParser.parse(Data(text.utf8))
        #expect(doc.byline == "Alex Poe")
        #expect(doc.blocks.count == 1)
    }

    @Test func jsonLDSuppliesDateAuthorAndFallbackBody() throws {
        let html = """
        <html><head><script type="application/ld+json">{"@context":"https://schema.org","@graph":[{"@type":"NewsArticle",
        "headline":"Budget vote","datePublished":"2026-03-01T10:00:00+02:00","author":[{"@type":"Person","name":"Ana Ruiz"}],
        "publisher":{"@type":"Organization","name":"Daily Example"},
        "articleBody":"The council approved the budget on Sunday after a long debate about spending on schools and roads.\\nThe vote was 7 to 2, with two members absent from the session for personal reasons, the clerk said."}]}
        </script></head><body><div id="app"></div></body></html>
        """
        let doc = try ArticlePageParser.parse(Data(html.utf8))
        #expect(doc.title == "Budget vote")
        #expect(doc.published == "2026-03-01T08:00:00Z")
        #expect(doc.byline == "Ana Ruiz")
        #expect(doc.source == "Daily Example")
        #expect(doc.blocks.count == 2)
    }

    @Test func charsets() throws {
        let body = "<p>Caf\u{E9} owners met the mayor on Monday to talk about rents and the new rules for terraces.</p>"
        let latin = "<html><head><meta charset=\"windows-1252\"></head><body><article>\(body)\(body)\(body)</article></body></html>"
        let bytes = Data(latin.data(using: .windowsCP1252)!)
        #expect(try ArticlePageParser.parse(bytes).blocks.first == .paragraph("Caf\u{E9} owners met the mayor on Monday to talk about rents and the new rules for terraces."))
        // No declaration and invalid UTF-8: sniffed as Windows-1252.
        let undeclared = Data(latin.replacingOccurrences(of: "<meta charset=\"windows-1252\">", with: "").data(using: .windowsCP1252)!)
        #expect(try ArticlePageParser.parse(undeclared).blocks.first.map(Self.text)?.hasPrefix("Caf\u{E9}") == true)
        // The HTTP header wins over the page.
        let utf8 = Data(latin.utf8)
        #expect(try ArticlePageParser.parse(utf8, httpCharset: "utf-8").blocks.first.map(Self.text)?.hasPrefix("Caf\u{E9}") == true)
    }

    @Test func undeclaredUTF8StaysUTF8() throws {
        let text = "Caf\u{E9} owners in S\u{E3}o Paulo \u{2014} and in K\u{F6}ln \u{2014} met the mayor about rents on Monday."
        let html = "<html><body><article><p>\(text)</p><p>\(text)</p><p>\(text)</p></article></body></html>"
        let doc = try ArticlePageParser.parse(Data(html.utf8))
        #expect(doc.blocks.first == .paragraph(text))
    }

    @Test func bodyLineRepeatingTheBylineIsDropped() throws {
        let body = "<p>" + String(repeating: "The city council met on Monday to discuss the budget, members said. ", count: 5) + "</p>"
        let html = "<html><head><meta name=\"author\" content=\"JANE ROE, Staff Writer\"></head><body><article><p>Jane Roe, Staff Writer</p>\(body)</article></body></html>"
        let doc = try ArticlePageParser.parse(Data(html.utf8))
        #expect(doc.byline == "JANE ROE, Staff Writer")
        #expect(doc.blocks.count == 1)
    }

    @Test func fragmentFromFeedContent() {
        let doc = ArticlePageParser.parseFragment("<p>First paragraph of the item.</p><ul><li>one</li><li>two</li></ul>Tail text<br/>after break")
        #expect(doc.blocks == [.paragraph("First paragraph of the item."), .bullets(["one", "two"]),
                               .paragraph("Tail text"), .paragraph("after break")])
    }

    @Test func documentReaderRoutesHTML() throws {
        let doc = try DocumentReader.read(Data(Self.constructed.utf8))
        #expect(doc.title == "Raids in Chicago")
    }

    // MARK: bad input

    @Test func emptyAndBinaryBodiesAreErrors() {
        #expect(throws: DocumentError.self) { try ArticlePageParser.parse(Data()) }
        #expect(throws: DocumentError.self) { try ArticlePageParser.parse(Data("  \n ".utf8)) }
        #expect(throws: DocumentError.self) { try ArticlePageParser.parse(Data([0x89, 0x50, 0x4E, 0x47, 0, 0, 0, 1, 2, 3])) }
    }

    @Test func scriptsOnlyGivesAnEmptyDocument() throws {
        let html = "<html><head><script>" + String(repeating: "var a = '<p>x</p>';", count: 1000) + "</script></head><body><script>go()</script></body></html>"
        let doc = try ArticlePageParser.parse(Data(html.utf8))
        #expect(doc.blocks.isEmpty)
    }

    @Test func brokenMarkupIsRecovered() throws {
        let html = "<html><body><div><p>Unclosed paragraph about the harbour and the ships that came in this week from abroad<p>Another one <b>bold <i>mixed</b> up</i> text &amp; entities &nbsp; here</div></span></table>"
        let doc = try ArticlePageParser.parse(Data(html.utf8))
        #expect(doc.blocks.contains(.paragraph("Another one bold mixed up text & entities here")))
    }

    @Test func deeplyNestedDivsAreBounded() async throws {
        // 5 MB of "<div>" (the 20 MB case takes ~3 s and ~130 MB in a release build; debug builds are slower).
        // Seconds of parsing: on the blocking executor, as the daemon parses, not on the cooperative pool.
        try await BlockingExecutor.shared.run { try Self.parseDeepDivs() }
    }

    static func parseDeepDivs() throws {
        let depth = 1_000_000
        var html = Data("<html><body>".utf8)
        html.append(contentsOf: Array(repeating: Array("<div>".utf8), count: depth).joined())
        let sentence = "Deep text that is long enough to be read as a paragraph, with a comma or two, in the end."
        html.append(Data(sentence.utf8))
        let start = Date()
        let doc = try ArticlePageParser.parse(html)
        #expect(Date().timeIntervalSince(start) < 120)
        #expect(SeedTextRenderer.render(doc).contains(sentence))
    }
}

