import Foundation

/// The words the role rules read: titles, offices, courts, speakers, schools, local bodies, professions, groups,
/// protests (`Extractor+Roles.swift` applies them).
extension Extractor {
    static let courtWords: Set<String> = ["judge", "judges", "court", "courts", "jury", "courthouse", "magistrate",
                                          "appeals", "district", "office", "division", "bureau", "field", "branch",
                                          "chapter"]
    static let officeWords: Set<String> = ["office", "offices", "headquarters", "Investigations", "Operations",
                                           "division", "bureau", "branch", "judge", "court", "courthouse"]
    /// People whose city is named with them ("an ICE spokesperson in Tampa", "officials in Tulsa"): a title.
    static let speakerWords: Set<String> = ["spokesperson", "spokesman", "spokeswoman", "official", "officials",
                                            "leaders", "lawmakers", "advocates", "organizers", "attorney", "lawyer"]

    /// Words that set a scene for speaking, before "in X" / "at X".
    static let speechWords: Set<String> = ["said", "says", "told", "tells", "speaking", "spoke", "speaks", "testified",
                                           "remarked", "conference", "briefing", "speech", "interview", "appearance",
                                           "remarks", "forum", "town-hall", "fundraiser", "reporters", "added"]
    /// Words that may stand between a speech word and "in X": days, "reporters", "a news conference".
    static let sceneFillers: Set<String> = ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday",
                                            "today", "yesterday", "tonight", "reporters", "a", "an", "the", "his", "her",
                                            "their", "news", "press", "campaign", "at", "during", "on", "last", "this",
                                            "week", "morning", "afternoon", "evening", "night", "earlier", "later",
                                            "while", "recently", "public", "televised", "radio", "brief"]
    /// Words before "from X" that make X the place acted in ("deportations from Chicago", "rose from").
    static let fromKeepers: Set<String> = ["deportations", "deported", "removals", "removed", "arrests", "flights",
                                           "transferred", "rose", "fell", "increased", "dropped", "up", "down", "away",
                                           "miles", "blocks", "across", "just"]
    static let schools: Set<String> = ["University", "College", "Institute", "School", "Seminary", "Academy", "Church",
                                       "Diocese", "Archdiocese", "Cathedral", "Temple", "Synagogue", "Mosque", "Museum"]
    /// Agencies named between a city and its office ("the Chicago ICE field office").
    static let agencies: Set<String> = ["ICE", "HSI", "ERO", "FBI", "CBP", "DHS", "DEA", "ATF", "USCIS"]
    /// Words after a city that make it a local body's name ("the Oxnard Fire Department", "Meridian Police").
    static let localBodyWords: Set<String> = ["Police", "Fire", "Sheriff", "Sheriff's", "Sheriff’s", "PD", "Schools",
                                              "Public", "Unified", "Transit"]
    /// Words after a city that make it a person's or a group's label ("an Ann Arbor Democrat", "Tulsa officials").
    static let personLabels: Set<String> = ["democrat", "republican", "native", "resident", "residents", "woman", "man",
                                            "activist", "activists"]
    /// People named by their work after a city and up to two modifiers ("an Oxnard policy advocate", "a Tucson
    /// immigration attorney", "a Nampa-based lawyer"): where they work, not where the story happens.
    static let professionLabels: Set<String> = ["lawyer", "lawyers", "attorney", "attorneys", "advocate", "advocates",
                                                "pastor", "priest", "teacher", "teachers", "organizer", "organizers",
                                                "activist", "activists", "businessman", "businesswoman", "entrepreneur",
                                                "student", "students", "professor", "doctor", "nurse", "farmer"]
    /// Capitalised last words of an organisation's name after a city ("the Richmond Community Legal Fund").
    static let organizationWords: Set<String> = ["Fund", "Coalition", "Foundation", "Alliance", "Network", "Association",
                                                 "Society", "Clinic", "Committee", "Project", "Collective", "Partnership",
                                                 "Federation", "Union"]
    /// Words of a group that sits somewhere ("an advocacy group based in …").
    static let groupWords: Set<String> = ["group", "organization", "nonprofit", "coalition", "company", "firm", "network",
                                          "center", "alliance", "project"]
    /// Words of a protest and of enforcement done (a protest's place is a mention unless enforcement is in the sentence).
    static let protestStems = ["protest", "demonstrat", "rally", "rallies", "gathering", "vigil", "march"]
    /// A word of a protest ("protesters", "a vigil", "marched"; not the month "March").
    static func isProtestWord(_ token: Token) -> Bool {
        token.text != "March" && protestStems.contains { token.lower.hasPrefix($0) }
    }
    static let actionStems = ["arrest", "detain", "detention", "raid", "deport", "agent", "officer", "operation", "custody",
                              "troop", "guard", "deploy", "sweep", "apprehen"]
    static let titleWords: Set<String> = ["Mayor", "mayor", "Mayors", "mayors", "Mayor's", "mayor's", "Councilman", "Councilwoman",
                                          "Councilmember", "Alderman", "Alderwoman", "councilman", "councilwoman"]
}
