import Foundation
import Testing
@testable import CityWatchCore

@Suite struct FeedEncodingTests {
    @Test func byteOrderMarksAndUnmarkedUnicode() throws {
        #expect(try parseFeedFixture("feedparser-utf-16le-bom.xml").encoding == "utf-16le")
        #expect(try parseFeedFixture("feedparser-u16.xml").encoding == "utf-16be")
        #expect(try parseFeedFixture("feedparser-utf-32be-autodetect.xml").encoding == "utf-32be")
        let bom = try parseFeedFixture("feedparser-utf-8-bom.xml")
        #expect(bom.parseOK && bom.encoding == "utf-8" && bom.format == "rss")
    }

    @Test func declaredLegacyCharset() throws {
        let feed = try parseFeedFixture("feedparser-euc-kr.xml")
        #expect(feed.encoding == "euc-kr" && feed.feed.title == "\u{B144}")
        let koi8: [UInt8] = Array("<?xml version=\"1.0\" encoding=\"koi8-r\"?><rss><channel><title>".utf8)
            + [0xEB, 0xC1, 0xCB] + Array("</title></channel></rss>".utf8)
        #expect(FeedParser.parse(Data(koi8), input: "k").feed.title == "Как")
    }

    @Test func httpCharsetWinsOverTheDeclaration() throws {
        let feed = try parseFeedFixture("feedparser-http_text_xml_charset_overrides_encoding_2.xml", httpCharset: "windows-1252")
        #expect(feed.encoding == "windows-1252")
        #expect(feed.items.first?.title == "Foo")
        let latin: [UInt8] = Array("<?xml version=\"1.0\" encoding=\"utf-8\"?><rss><channel><title>caf".utf8) + [0xE9]
            + Array("</title></channel></rss>".utf8)
        #expect(FeedParser.parse(Data(latin), input: "l", httpCharset: "iso-8859-1").feed.title == "café")
    }

    @Test func headersFromAResponse() {
        let body = Data("<rss><channel><link>/home</link></channel></rss>".utf8)
        let feed = FeedParser.parse(body, input: "u", url: "http://example.org/dir/feed.xml",
                                    headers: ["content-type": "text/xml", "content-location": "http://example.com/x/",
                                              "content-language": "fr"])
        #expect(feed.encoding == "us-ascii" && feed.feed.link == "http://example.com/home" && feed.feed.language == "fr")
    }

    @Test func windows1252BytesInAUTF8Document() {
        let bytes: [UInt8] = Array("<?xml version=\"1.0\" encoding=\"utf-8\"?><rss><channel><title>".utf8)
            + Array("naïve ".utf8) + [0x93, 0x71, 0x94] + Array("</title></channel></rss>".utf8)
        let feed = FeedParser.parse(Data(bytes), input: "m")
        #expect(feed.parseOK && feed.feed.title == "naïve \u{201C}q\u{201D}")
        #expect(feed.error?.contains("utf-8") == true)
    }

    @Test func wrongDeclaredEncodingStillParses() throws {
        let feed = try parseFeedFixture("miniflux-iso88591_utf8_mismatch.xml")
        #expect(feed.error != nil)  // not a feed, and the bytes are not what the declaration says
    }
}
