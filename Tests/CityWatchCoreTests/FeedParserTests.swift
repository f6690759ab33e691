import Foundation
import Testing
@testable import CityWatchFeeds

/// Loads a fixture from Fixtures/feeds and parses it.
func parseFeedFixture(_ name: String, baseURL: String? = nil, httpCharset: String? = nil) throws -> ParsedFeed {
    let folder = try #require(Bundle.module.url(forResource: "Fixtures", withExtension: nil))
    let data = try Data(contentsOf: folder.appendingPathComponent("feeds").appendingPathComponent(name))
    return FeedParser.parse(data, input: name, baseURL: baseURL, httpCharset: httpCharset)
}

func parseFeedText(_ text: String, baseURL: String? = nil) -> ParsedFeed {
    FeedParser.parse(Data(text.utf8), input: "inline", baseURL: baseURL)
}

@Suite struct FeedParserTests {
    @Test func rss20ItemFields() throws {
        let feed = try parseFeedFixture("feedparser-item_pubDate.xml")
        #expect(feed.parseOK && feed.format == "rss" && feed.version == "2.0" && feed.error == nil)
        #expect(feed.items.first?.published == "2004-01-01T19:48:21Z")
    }

    @Test func rssAuthorSplitsNameAndEmail() throws {
        let item = try #require(try parseFeedFixture("feedparser-item_author_map_author_detail_name.xml").items.first)
        #expect(item.author == "Example editor")
        #expect(item.authorEmail == "me@example.com")
    }

    @Test func permalinkGuidIsTheLink() throws {
        let item = try #require(try parseFeedFixture("feedparser-item_guid_isPermaLink_map_link.xml").items.first)
        #expect(item.id == "http://guid.example.com/")
        #expect(item.link == "http://guid.example.com/")
        let notPermalink = parseFeedText(#"<rss><channel><item><guid isPermaLink="false">abc</guid></item></channel></rss>"#)
        #expect(notPermalink.items.first?.link == nil && notPermalink.items.first?.id == "abc")
    }

    @Test func dublinCoreDateAndCreator() throws {
        let item = try #require(try parseFeedFixture("feedparser-item_dc_date.xml").items.first)
        #expect(item.updated == "2003-12-31T10:14:55Z")
        let dc = parseFeedText("""
            <rss xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:content="http://purl.org/rss/1.0/modules/content/">
            <channel><item><dc:creator>First</dc:creator><dc:creator>Second</dc:creator>
            <description>short</description><content:encoded>&lt;p&gt;long&lt;/p&gt;</content:encoded></item></channel></rss>
            """)
        #expect(dc.items.first?.author == "First")
        #expect(dc.items.first?.summary == "short")
        #expect(dc.items.first?.content == "<p>long</p>")
    }

    @Test func lastLinkWinsAsInFeedReaders() throws {
        #expect(try parseFeedFixture("gofeed-rss_channel_links.xml").feed.link == "http://example3.org")
    }

    @Test func rdfItemsAreSiblingsOfTheChannel() throws {
        let feed = try parseFeedFixture("feedparser-rdf_channel_empty_textinput.xml")
        #expect(feed.parseOK && feed.format == "rdf")
        #expect(feed.items.first?.title == "crashes here")
        #expect(feed.items.first?.id == "http://example.com/1")
        #expect(feed.error != nil)  // the root end tag is cut short
    }

    @Test func atomTextConstructs() throws {
        #expect(try parseFeedFixture("feedparser-entry_title_base64.xml").items.first?.title == "Example <b>Atom</b>")
        #expect(try parseFeedFixture("feedparser-entry_title_inline_markup.xml").items.first?.title == "Example <b>Atom</b>")
        #expect(try parseFeedFixture("feedparser-entry_published_parsed_date_overwriting.xml").items.first?.published
                == "2010-01-01T19:48:21Z")
    }

    /// Base64 bodies lose their white space byte by byte when ASCII, scalar by scalar otherwise: the same set.
    @Test func base64WhiteSpaceStrippedAlikeBothWays() {
        let ascii = String(decoding: (0..<128).map { UInt8($0) } + Array("QUJD\n\t RA==".utf8), as: UTF8.self)
        let scalarWise = String(String.UnicodeScalarView(ascii.unicodeScalars.filter { !$0.properties.isWhitespace }))
        #expect(FeedXMLMapper<FeedDocument>.strippingWhitespace(ascii) == scalarWise)
        #expect(FeedXMLMapper<FeedDocument>.strippingWhitespace("QU\u{2003}JD\u{85}") == "QUJD")
    }

    @Test func relativeLinksResolveAgainstXMLBaseAndFeedURL() throws {
        let title = try parseFeedFixture("feedparser-entry_title_xml_base.xml").items.first?.title
        #expect(title == #"<div>Example <a href="http://example.com/test/test.html">test</a></div>"#)
        let feed = parseFeedText(#"<feed xmlns="http://www.w3.org/2005/Atom"><entry><link href="/a/b"/></entry></feed>"#,
                                 baseURL: "https://news.example.org/feeds/atom.xml")
        #expect(feed.items.first?.link == "https://news.example.org/a/b")
    }

    @Test func cdfChannel() throws {
        let feed = try parseFeedFixture("feedparser-item_lastmod.xml")
        #expect(feed.parseOK && feed.items.first?.updated == "2004-04-07T04:05:43Z")
    }

    @Test func jsonFeed11() throws {
        let feed = try parseFeedFixture("gofeed-version_json_11.json")
        #expect(feed.format == "json" && feed.version == "1.1")
        #expect(feed.feed.title == "title" && feed.feed.link == "https://sample-json-feed.com")
        let item = try #require(feed.items.first)
        #expect(item.link == "https://sample-json-feed.com/id" && item.id == "id" && item.author == "author_name")
        #expect(item.published == "2019-10-12T07:20:50Z")
    }

    @Test func ttlIsExposed() {
        #expect(parseFeedText("<rss><channel><ttl> 60 </ttl></channel></rss>").ttlMinutes == 60)
    }

    @Test func notAFeed() {
        let html = parseFeedText("<html><body>hello</body></html>")
        #expect(!html.parseOK && html.error?.contains("not a feed") == true)
        let empty = FeedParser.parse(Data(), input: "empty")
        #expect(!empty.parseOK && empty.error != nil)
        let badJSON = parseFeedText("{\"items\": [")
        #expect(!badJSON.parseOK && badJSON.error?.contains("JSON") == true)
    }

    @Test func jsonLineHasEveryKeyWithNulls() throws {
        let line = try parseFeedFixture("feedparser-item_pubDate.xml").jsonLine
        let object = try #require(try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any])
        #expect(Set(object.keys) == ["input", "parse_ok", "format", "version", "encoding", "feed", "items", "error"])
        let item = try #require((object["items"] as? [[String: Any]])?.first)
        #expect(item.count == 9 && item["title"] is NSNull && item["published"] as? String == "2004-01-01T19:48:21Z")
        #expect(!line.contains("\n"))
    }
}

@Suite struct FeedPlainTextTests {
    @Test func titleTextDropsMarkup() {
        #expect(FeedItem(title: "<b>Fish &amp; Chips</b>&nbsp;today").titleText == "Fish & Chips today")
        #expect(FeedItem(title: "plain").titleText == "plain")
        #expect(FeedItem(title: "<p></p>").titleText == nil)
    }
}

@Suite struct FeedMarkupFidelityTests {
    @Test func blanksBetweenInlineElementsAreKept() {
        let feed = parseFeedText("<rss><channel><title><b>a</b> <i>b</i></title></channel></rss>")
        #expect(feed.feed.title == "<b>a</b> <i>b</i>")
        #expect(feed.feed.titleText == "a b")
    }

    @Test func scriptsAreDroppedFromMarkup() {
        let feed = parseFeedText("<rss><channel><title>safe<script>alert(1)</script> text</title></channel></rss>")
        #expect(feed.feed.title == "safe text")
    }
}

@Suite struct FeedItemBaseTests {
    @Test func relativeLinksInContentResolveAgainstTheItemPage() {
        let feed = parseFeedText("""
            <rss><channel><item><link>https://news.example.org/2026/story.html</link>
            <description>&lt;a href="other.html"&gt;x&lt;/a&gt; &lt;a href="https://a.example/"&gt;y&lt;/a&gt; &lt;a href="#top"&gt;z&lt;/a&gt;</description>
            </item></channel></rss>
            """)
        #expect(feed.items.first?.summary
                == #"<a href="https://news.example.org/2026/other.html">x</a> <a href="https://a.example/">y</a> <a href="https://news.example.org/2026/story.html#top">z</a>"#)
    }
}
