import Testing

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

    @Test func straightQuotesWithTheSpeakerAfter() {
        let q = facts("Intro\n\"We are not leaving,\" Gov. Ann Lee wrote on Friday.").quotes
        #expect(q.count == 1 && q.first?.speaker == "Ann Lee" && q.first?.role == "Gov.")
        #expect(q.first?.text == "We are not leaving")
    }

    @Test func aLoneSurnameIsThePersonNamedBefore() {
        let text = "Intro\nBorder Patrol commander Greg Halvorsen called the sweep \"Operation Lantern.\"\n\n"
            + "\"We will keep going until the job is done,\" Halvorsen told reporters."
        let q = facts(text).quotes
        #expect(q.count == 2)
        #expect(q.last?.speaker == "Greg Halvorsen" && q.last?.role == "Border Patrol commander")
    }

    @Test func aDatelineIsNotTheSpeaker() {
        let q = facts("Intro\nNEW ORLEANS (AP) — Agents called the operation \"a success\" on Monday.").quotes
        #expect(q.allSatisfy { $0.speaker != "NEW ORLEANS" })
        let q2 = facts("Intro\nWASHINGTON — President Ann Lee said Tuesday the cities \"will be next.\"").quotes
        #expect(q2.first?.speaker == "Ann Lee" && q2.first?.role == "President")
    }

    @Test func theMayorAndAPronounResolveToThePersonNamedBefore() {
        let text = "Intro\n\"This city will not be intimidated,\" said Mayor Ann Lee.\n\n"
            + "\"We were told nothing in advance,\" the mayor said.\n\n\"We know our rights,\" she said."
        let q = facts(text).quotes
        #expect(q.count == 3 && q.allSatisfy { $0.speaker == "Ann Lee" })
    }

    @Test func theMayorUnnamedHasARoleButNoSpeaker() {
        let q = facts("Intro\n\"We were told nothing,\" the mayor said.").quotes
        #expect(q.count == 1 && q.first?.speaker == nil && q.first?.role == "mayor")
    }

    @Test func accordingToAnOrganisation() {
        let q = facts("Intro\nAccording to ICE, \"more than 1,000 officers are deployed nationwide.\"").quotes
        #expect(q.first?.speaker == "ICE")
    }

    @Test func roleAfterTheNameDropsTheArticleAndIgnoresAges() {
        let q = facts("Intro\n\"The numbers speak,\" said Ann Lee, a Homeland Security spokeswoman.").quotes
        #expect(q.first?.speaker == "Ann Lee" && q.first?.role == "Homeland Security spokeswoman")
        let q2 = facts("Intro\n\"They came at dawn,\" said Rosa Diaz, 34, who lives nearby.").quotes
        #expect(q2.first?.speaker == "Rosa Diaz" && q2.first?.role == nil)
    }

    @Test func aPlaceAfterAPrepositionIsNotTheSpeaker() {
        let q = facts("Intro\nIn Chicago, Mayor Ann Lee said the raids were \"a betrayal of our values.\"").quotes
        #expect(q.first?.speaker == "Ann Lee" && q.first?.role == "Mayor")
    }

    @Test func theSubjectNextToTheVerbWinsOverAnEarlierName() {
        let q = facts("Intro\nOak Hill fourth-grader Rosa Diaz said the class learned \"that we can all help.\"").quotes
        #expect(q.first?.speaker == "Rosa Diaz")
    }

    @Test func aSurnameTakesTheFullNameGivenEarlierInTheText() {
        let text = "Intro\nSheriff Dan Holloway met parents on Monday.\n\n\"We are here to help,\" Holloway said."
        let q = facts(text).quotes
        #expect(q.first?.speaker == "Dan Holloway" && q.first?.role == "Sheriff")
    }

    @Test func openersDatesAndClausesAreNotSpeakersOrRoles() {
        let q = facts("Intro\nWhen asked about the cost, the mayor said it was \"totally inaccurate.\"").quotes
        #expect(q.allSatisfy { $0.speaker != "When" })
        let q2 = facts("Intro\n\"We are ready,\" said Ann Lee, who has led the group since 2019.").quotes
        #expect(q2.first?.speaker == "Ann Lee" && q2.first?.role == nil)
        let q3 = facts("Intro\n\"We are ready,\" said Ann Lee, Rosa Diaz and Tom Wu.").quotes
        #expect(q3.first?.role == nil)
    }

    @Test func plainTextOnOneLineIsReadAsTheStory() {
        let q = facts("Raids in the valley. \"We are scared,\" said Rosa Diaz, a teacher.").quotes
        #expect(q.count == 1 && q.first?.speaker == "Rosa Diaz" && q.first?.role == "teacher")
    }

    @Test func aOneLineDocumentIsTheStory() {
        let q = facts("“We will not back down,” said Homeland Security Secretary Jane Roe.").quotes
        #expect(q.count == 1 && q.first?.speaker == "Jane Roe" && q.first?.text == "We will not back down")
        // A headline above a story stays a headline.
        #expect(facts("“We will not back down,” Roe says\nThe secretary spoke on Monday.").quotes.isEmpty)
    }
}

