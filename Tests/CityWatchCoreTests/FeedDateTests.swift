import Testing
@testable import CityWatchFeeds

@Suite struct FeedDateTests {
    @Test(arguments: [
        ("Thu, 01 Jan 2004 19:48:21 GMT", "2004-01-01T19:48:21Z"),
        ("Thu, 01 Jan 04 19:48:21 GMT", "2004-01-01T19:48:21Z"),            // two-digit year
        ("Thu,  5 Apr 2012 10:00:00 GMT", "2012-04-05T10:00:00Z"),
        ("Thu, 01 Jan 2004 00:00 GMT", "2004-01-01T00:00:00Z"),             // no seconds
        ("Thu, 01 Jan 2004", "2004-01-01T00:00:00Z"),                        // no time
        ("Mon, 02 Jan 2006 15:04:05 EST", "2006-01-02T20:04:05Z"),          // named zones
        ("Mon, 02 Jan 2006 15:04:05 PDT", "2006-01-02T22:04:05Z"),
        ("Mon, 02 Jan 2006 15:04:05 CEST", "2006-01-02T13:04:05Z"),
        ("Mon, 26 January 2004 16:31:00 ET", "2004-01-26T21:31:00Z"),
        ("Wed, 19 Feb 2012 22:40:00 GMT-01:01", "2012-02-19T23:41:00Z"),
        ("Mon, 13 Feb, 2012 06:28:00 UTC", "2012-02-13T06:28:00Z"),
        ("Fri,24 Nov 2023 18:28:36 -0000", "2023-11-24T18:28:36Z"),
        ("Sun, 04 Jan 2004 10:00:00 +0100", "2004-01-04T09:00:00Z"),
        ("Sat, 01 Jan 2004 19:48:21 GMT", "2004-01-01T19:48:21Z"),           // wrong day name
        ("Thu Aug 30 2012 17:26:16 +0200", "2012-08-30T15:26:16Z"),
        ("Sun Jan  4 16:29:06 2004", "2004-01-04T16:29:06Z"),                // asctime
        ("Sun Jul 15 01:16:00 +0000 2012", "2012-07-15T01:16:00Z"),
        ("2003-12-31T10:14:55Z", "2003-12-31T10:14:55Z"),                    // RFC 3339
        ("2003-12-31T10:14:55-08:00", "2003-12-31T18:14:55Z"),
        ("2007-04-23T23:25:47.538+10:00", "2007-04-23T13:25:47Z"),
        ("2004-02-28T18:14:55-08:00", "2004-02-29T02:14:55Z"),
        ("2003-12-31", "2003-12-31T00:00:00Z"),                              // W3C-DTF precisions
        ("2003-12", "2003-12-01T00:00:00Z"),
        ("2003", "2003-01-01T00:00:00Z"),
        ("2004-07-08 23:56:58 -00:20", "2004-07-09T00:16:58Z"),
        ("2004-07-08 23:56:58", "2004-07-08T23:56:58Z"),
    ])
    func readable(_ input: String, _ expected: String) {
        #expect(FeedDate.iso8601(input) == expected)
    }

    @Test(arguments: ["", "yesterday", "Sun, 16 zzz 2012 11:47:32 GMT", "Sun, 99 Jun 2009 12:00:00 GMT",
                      "Sun, 16 Dec 2012 1:2:3:4 GMT", "2003-12-31T25:14:55Z", "2003-12-31T10:61:55Z",
                      "2013-01-28T11:30:00-06:00Textra", "2013-xx-27"])
    func unreadable(_ input: String) {
        #expect(FeedDate.iso8601(input) == nil)
    }

    @Test func aBadDateNeverFailsTheFeed() {
        let feed = parseFeedText("<rss><channel><item><title>t</title><pubDate>someday</pubDate></item></channel></rss>")
        #expect(feed.parseOK && feed.items.first?.title == "t" && feed.items.first?.published == nil)
    }

    /// The canonical-form shortcut must read every date it accepts as the token-by-token reading does.
    @Test func canonicalShortcutAgreesWithTheTokenReading() {
        let days = ["thu", "mon", "sun", "mar", "abc"], dates = ["01", "5", "31", "00", "29", "123"]
        let months = ["jan", "feb", "dec", "xyz", "janu"], years = ["2004", "1999", "04", "20a4"]
        let times = ["19:48:21", "00:00:00", "24:00:00", "23:61:00", "1:48:21", "19:48"]
        let zones = ["+0000", "-0830", "+1500", "+0099", "gmt", "ut", "utc", "est", "z", "+00:00", "gmt+0100"]
        var accepted = 0
        for d in days { for n in dates { for m in months { for y in years { for t in times { for z in zones {
            let b = Array("\(d), \(n) \(m) \(y) \(t) \(z)".utf8)
            guard let fast = FeedDate.parseCanonicalRFC822(b) else { continue }
            accepted += 1
            #expect(fast == FeedDate.parseRFC822Tokens(b), "\(String(decoding: b, as: UTF8.self))")
        } } } } } }
        #expect(accepted > 100)
    }
}
