import Testing
@testable import CityWatchCore

@Suite struct QuoteExtractorTests {
    @Test func saidRoleNameAfterTheQuote() {
        let q = facts("Intro\n“We enforce the law,” said Homeland Security Secretary Jane Roe. “Nothing more.”").quotes
        #expect(q.first?.speaker == "Jane Roe" && q.first?.role == "Homeland Security Secretary")
        #expect(q.first?.text == "We enforce the law")
        #expect(q.count == 2 && q[1].speaker == "Jane Roe")
    }

    @Test func roleNameDeclaredBeforeTheQuote() {
        let q = facts("Intro\nMayor Ann Lee declared, “Our city is a sanctuary.”").quotes
        #expect(q.first?.speaker == "Ann Lee" && q.first?.role == "Mayor")
    }

    @Test func partialQuoteAfterAVerbDropsThePlaceFromTheRole() {
        let q = facts("Intro\nBoston Mayor Ann Lee called the plan “a cruel stunt aimed at families.”").quotes
        #expect(q.first?.speaker == "Ann Lee" && q.first?.role == "Mayor" && q.first?.text.hasPrefix("a cruel stunt") == true)
    }

    @Test func anUnnamedSpokespersonHasNoSpeaker() {
        let q = facts("Intro\nA spokesperson said the raids could \"undermine trust in the police.\"").quotes
        #expect(q.count == 1 && q.first?.speaker == nil)
    }

    @Test func quoteMarksAroundPunctuationOnly() {
        #expect(facts("Intro\nHe said “,” and left.").quotes.isEmpty)
    }

    @Test func scareQuotesAreNotQuotes() {
        #expect(facts("Intro\nHe ran as the candidate of “law and borders” all year.").quotes.isEmpty)
    }
}
