import Foundation
import Testing
@testable import CityWatchFeeds

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

@Suite struct FeedCharsetGuessTests {
    @Test func undeclaredLegacyCharsetsAreGuessedFromTheText() throws {
        let jp = try parseFeedFixture("feedparser-chardet-eucjp.xml")
        #expect(jp.encoding == "euc-jp" && jp.items.first?.title == "ゲーム三昧な正月")
        let ru = try parseFeedFixture("feedparser-chardet-koi8r.xml")
        #expect(ru.encoding == "koi8-r" && ru.items.first?.title == "Как пережить новогоднюю ночь")
        let ko = try parseFeedFixture("feedparser-chardet-euckr.xml")
        #expect(ko.encoding == "euc-kr" && ko.items.first?.title == "EUC-KR 에서 TypeKey 한글닉네임 표시하기")
        #expect(jp.error?.contains("guessed") == true)
    }

    @Test func latinTextIsNotMistakenForAnotherScript() {
        let bytes: [UInt8] = Array("<rss><channel><title>Caf".utf8) + [0xE9] + Array(" cr".utf8) + [0xE8]
            + Array("me br".utf8) + [0xFB] + Array("l".utf8) + [0xE9] + Array("e, na".utf8) + [0xEF] + Array("ve d".utf8)
            + [0xE9, 0x6A, 0xE0] + Array(" vu, ".utf8) + [0xE0] + Array(" la fran".utf8) + [0xE7] + Array("aise</title></channel></rss>".utf8)
        let feed = FeedParser.parse(Data(bytes), input: "fr")
        #expect(feed.encoding == "windows-1252")
        #expect(feed.feed.title == "Café crème brûlée, naïve déjà vu, à la française")
    }
}
