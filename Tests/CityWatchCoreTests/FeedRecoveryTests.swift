import Foundation
import Testing
@testable import CityWatchFeeds

/// Broken feeds: what a reader would see is recovered, and `error` says what was wrong.
@Suite struct FeedRecoveryTests {
    @Test func undefinedHTMLEntity() throws {
        let feed = try parseFeedFixture("feedparser-deg.xml")
        #expect(feed.parseOK && feed.feed.title == "testing \u{B0} entity")
        #expect(feed.error != nil)
    }

    @Test func bareAmpersands() throws {
        let feed = try parseFeedFixture("gofeed-issue_305_bare_ampersand.xml")
        #expect(feed.feed.title == "Fish & Chips & more <3")
        #expect(feed.error?.contains("ampersand") == true)
    }

    @Test func undeclaredPrefix() throws {
        let feed = try parseFeedFixture("feedparser-undeclared_namespace.xml")
        #expect(feed.parseOK && feed.error != nil)
        let dc = parseFeedText("<rss><channel><item><dc:creator>Ann</dc:creator></item></channel></rss>")
        #expect(dc.items.first?.author == "Ann")
    }

    @Test func truncatedWithTextBeforeRoot() throws {
        let feed = try parseFeedFixture("feedparser-rss_incomplete_cdata.xml")
        #expect(feed.parseOK && feed.feed.title == "can feedparser read this xml")
        #expect(feed.feed.link == "http://adcdefgh.com" && feed.items.count == 1)
        #expect(feed.error != nil)
        let junk = parseFeedText("garbage\n<rss><channel><title>T</title></channel></rss>")
        #expect(junk.feed.title == "T" && junk.error?.contains("before the root") == true)
    }

    @Test func unclosedTags() {
        let feed = parseFeedText("<rss><channel><title>T</title><item><title>One</item><item><title>Two</title></item>")
        #expect(feed.parseOK && feed.items.count >= 1 && feed.items.first?.title == "One")
        #expect(feed.error != nil)
    }

    @Test func billionLaughsEndsQuicklyInAnError() {
        var xml = "<?xml version=\"1.0\"?><!DOCTYPE r [<!ENTITY l0 \"lol\">"
        for i in 1...9 { xml += "<!ENTITY l\(i) \"" + String(repeating: "&l\(i - 1);", count: 10) + "\">" }
        xml += "]><rss><channel><title>&l9;</title></channel></rss>"
        let start = Date()
        let feed = parseFeedText(xml)
        #expect(Date().timeIntervalSince(start) < 1)
        #expect(feed.error != nil)
        #expect((feed.feed.title ?? "").utf8.count < 1_000_000)
    }

    @Test func externalEntitiesAreNeverLoaded() {
        let xml = "<!DOCTYPE r [<!ENTITY x SYSTEM \"file:///etc/passwd\">]><rss><channel><title>a&x;b</title></channel></rss>"
        let title = parseFeedText(xml).feed.title ?? ""
        #expect(!title.contains("root:"))
    }

    @Test func oversizedInputIsRefused() {
        let feed = FeedParser.parse(Data(count: FeedParser.maxInputBytes + 1), input: "big")
        #expect(!feed.parseOK && feed.error?.contains("too large") == true)
    }
}

@Suite struct FeedTruncationTests {
    @Test func aTailCutInsideATagIsDropped() throws {
        let feed = try parseFeedFixture("feedparser-rss_incomplete_cdata.xml")
        #expect(feed.items.first?.title == nil)
        #expect(feed.error?.contains("ends inside a tag") == true)
    }
}
