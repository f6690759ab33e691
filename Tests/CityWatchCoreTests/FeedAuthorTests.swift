import Testing
@testable import CityWatchFeeds

@Suite struct FeedAuthorTests {
    @Test(arguments: [
        ("me@example.com (Me)", "Me", "me@example.com"),
        ("Me <me@example.com>", "Me", "me@example.com"),
        ("Jo Doe", "Jo Doe", nil),
        ("user@localhost (Local)", "user@localhost (Local)", nil),
    ])
    func splits(_ raw: String, _ name: String?, _ email: String?) {
        let split = FeedAuthor.split(raw)
        #expect(split.name == name && split.email == email)
    }

    /// The byte-wise reading of all-ASCII strings must find the range the character-wise reading finds.
    @Test func asciiReadingAgreesWithTheCharacterReading() {
        let samples = ["me@example.com (Me)", "Me <me@example.com>", "a.b+c_d-e@sub.example.org.", "x@y", "@example.com",
                       "me@.", "me@example..", "first@a.b second@c.d", "(mailto:me@example.com)", "me@exa_mple.com",
                       "ME@EXAMPLE.COM", "me@example.com\r\n", "\r\nme@example.com", "no address", "", "me @example.com",
                       "me@ example.com", "1@2.3", "me@example.com...", "[me@example.com]"]
        for s in samples {
            let ascii = FeedAuthor.asciiEmailRange(s)
            #expect(ascii != nil, "\(s) is ASCII")
            let expected = FeedAuthor.characterEmailRange(s).map { String(s[$0]) }
            #expect(ascii.flatMap { $0 }.map { String(s[$0]) } == expected, "\(s)")
        }
        #expect(FeedAuthor.asciiEmailRange("José <jose@example.com>") == nil)
    }
}
