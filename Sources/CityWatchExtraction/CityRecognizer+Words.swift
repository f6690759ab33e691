import Foundation

/// The word lists the city rules read: what may follow or precede a city, and what makes a name a person.
extension CityRecognizer {
    /// Capitalised words that may follow a city without making it part of another name ("Chicago Police").
    static let followers: Set<String> = [
        "Mayor", "Police", "City", "Council", "PD", "Fire", "Sheriff", "Metro", "Area", "Public", "Unified", "Mayor's",
        "ICE", "FBI", "Field", "Officials", "Residents", "Democrats", "Republicans", "Monday", "Tuesday", "Wednesday",
        "Thursday", "Friday", "Saturday", "Sunday", "January", "February", "March", "April", "June", "July", "August",
        "September", "October", "November", "December", "Immigration", "Catholic", "Latino", "Latinos", "Hispanic",
        // Institutions named after their city still place the story there ("Hartford Hospital", "Norfolk High").
        "High", "School", "Schools", "Hospital", "Airport", "International", "Zoo", "Library", "Court", "Superior",
        "Municipal", "Parks", "Regional", "Chamber", "Town", "Township", "Civic", "Independent", "Board", "Department",
        "Councilman", "Councilwoman", "Transit", "Housing", "Water", "Utilities", "Medical", "Health", "Branch",
        "Science", "Symphony", "Museum", "Education", "Community", "Marina", "Convention", "Planning", "Unified",
        "Elementary", "Middle", "Police's", "Firefighters", "Officer", "Officers", "Detective", "Chief", "Manager",
        "Administrator", "Commission", "Commissioners", "Democrat", "Republican", "Recreation", "Housing", "Port",
        "Film", "Festival", "Government", "Memorial", "Arts", "Federal",
    ]
    /// Lower-case words after a city that confirm it is the city ("Mobile police", "the Charlotte mayor").
    static let confirmingFollowers: Set<String> = [
        "Mayor", "mayor", "mayor's", "Police", "police", "City", "Council", "council", "PD", "officials", "residents",
        "suburbs", "suburb", "area", "metro", "neighborhood", "neighborhoods", "city", "Sheriff", "sheriff",
        "Fire", "firefighters", "schools", "Public", "streets", "downtown", "airport", "officers", "detectives",
        "Municipal", "Councilman", "Councilwoman",
    ]
    /// Last words of an agency's or an office's name before its city ("Enforcement and Removal Operations Dallas",
    /// "HSI Tampa"): the office's city, never a family name.
    static let officeNameWords: Set<String> = ["Operations", "Office", "Division", "Investigations", "Enforcement",
                                               "Sector", "Patrol", "Bureau", "Department", "ICE", "ERO", "HSI", "CBP",
                                               "FBI", "DHS", "USCIS"]
    /// Lower-case words after a name that show it is not the city ("Washington state", "Harris county").
    static let nonCityFollowers: Set<String> = ["state", "county", "counties", "parish", "township", "river", "lake", "bay",
                                               "valley", "street", "avenue", "road", "boulevard", "university", "college"]
    /// Capitalised words after a name that make it a street, a county or another kind of place ("Macon St.").
    static let placeTypeWords: Set<String> = ["St.", "St", "Street", "Ave.", "Ave", "Avenue", "Rd.", "Rd", "Road", "Blvd.",
                                              "Blvd", "Boulevard", "Dr.", "Drive", "Ln.", "Lane", "Pkwy", "Parkway", "Hwy",
                                              "Highway", "County", "Counties", "Parish", "Township", "River", "Lake", "Bay",
                                              "Valley", "University", "College"]
    /// Verbs after a name that make it a person ("Hopkins said").
    static let personVerbs: Set<String> = ["said", "says", "told", "added", "explained", "noted", "suggested", "wrote",
                                          "asked", "stated", "testified", "recalled", "admitted", "agreed", "continued",
                                          "talked", "replied", "believes", "thinks", "died", "was", "who", "pleaded"]
    /// Verbs after a high-risk name: the name stands for a government or a person ("Washington said").
    static let metonymyVerbs: Set<String> = ["said", "says", "has", "have", "had", "is", "was", "will", "would", "wants",
                                            "should", "must", "could", "may", "announced", "insists", "argued", "warned"]
    /// Capitalised words that may precede a city ("Downtown Chicago", "In Houston").
    static let leaders: Set<String> = [
        "Northern", "Southern", "Eastern", "Western", "Downtown", "Greater", "Metro", "Suburban", "Central", "Coastal", "Rural", "Urban",
        "Inner", "Upstate", "Downstate", "Metropolitan", "U.S.", "Democratic", "Republican", "Sanctuary",
    ]
    /// Bodies named "X of <field>" ("Department of Commerce", "Chamber of Commerce", "Ministry of Industry").
    static let bodies: Set<String> = ["Ministry", "Minister", "Department", "Dept.", "Secretary", "Chamber", "Chambers",
                                      "Bureau", "Board", "Office", "Commissioner", "Director", "Institute", "School",
                                      "College", "University", "Academy", "Council", "Committee", "Division"]
    /// Nouns that end the name of a place of business or care, which the town may follow ("… Hospital, Urbana").
    static let sites: Set<String> = ["Hospital", "Center", "Centre", "Clinic", "Church", "Cemetery", "Home", "Library",
                                     "Museum", "School", "College", "University", "Airport"]
    static let directions: Set<String> = ["North", "South", "East", "West", "Northeast", "Northwest", "Southeast", "Southwest"]
    /// Words naming a part of a big city before its borough ("Lower Manhattan", "Midtown Manhattan", "Downtown Brooklyn").
    static let cityParts: Set<String> = ["Lower", "Upper", "Midtown", "Downtown", "Central"]
    /// "W. Phila.", "N.W. Rochester" (after a given name "W." is a middle initial: "George W. Houston").
    static let directionAbbreviations: Set<String> = ["N.", "S.", "E.", "W.", "N.E.", "N.W.", "S.E.", "S.W."]
    /// Capitalised first words that do not start a person's name ("Three Philadelphia officers", "Many Chicago …").
    static let sentenceStarters: Set<String> = ["Many", "Some", "Most", "All", "Both", "Several", "Few", "Former", "Local",
                                               "Two", "Three", "Four", "Five", "Six", "Seven", "Eight", "Nine", "Ten",
                                               "Dozens", "Hundreds", "Thousands", "Other", "Area", "Suburban", "Greater"]
    /// Names that are far more often something else ("the White House").
    static let nonCityNames: Set<String> = ["White House", "Capitol Hill", "Wall Street", "Union", "Justice"]
    /// Agencies whose offices are named after their city ("ERO Boston", "ICE San Antonio", "(HSI) Chicago").
    static let agencyPrefixes: Set<String> = ["ICE", "ERO", "HSI", "CBP", "FBI", "USCIS", "DEA", "ATF", "EOIR"]
    static let functionWords: Set<String> = [
        "in", "at", "from", "to", "the", "and", "of", "for", "on", "with", "by", "near", "like", "outside", "across",
        "throughout", "around", "since", "after", "before", "while", "when", "where", "as", "but", "or", "so", "both",
        "unlike", "including", "beyond", "despite", "during", "until", "within", "inside", "into", "toward", "towards",
        "through", "via", "also", "then", "meanwhile", "a", "an", "than", "if", "about", "over", "among", "against",
        "between", "only", "even", "just", "here", "there", "now", "today", "yesterday", "last", "this", "that", "those",
        "these", "every", "each", "all", "some", "many", "most",
    ]
    /// Months and days, which some towns are named after ("in August", "on Friday").
    static let calendarWords: Set<String> = ["January", "February", "March", "April", "May", "June", "July", "August",
                                            "September", "October", "November", "December", "Monday", "Tuesday",
                                            "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]
    /// What may come before a town named without its state ("in Broadview", "west suburban Broadview").
    static let townLocatives: Set<String> = ["in", "near", "outside", "at", "from", "into", "suburban", "rural"]
    /// What joins the names of a list ("Ferndale, Everson and Lynden").
    static let listWords = [",", "and", "or"]
    /// The words that end papers' names after their city ("Seattle Times", "Miami Herald"), whatever the case around.
    static let paperNames: Set<String> = ["Times", "Tribune", "Herald", "Chronicle", "Gazette", "Examiner", "Inquirer",
                                          "Courier", "Bee", "Enquirer", "Picayune", "Dispatch", "Star-Tribune", "Sun-Times"]
    /// Scenes a town's name may modify ("a Bigfork construction site", "an Ellabell plant").
    static let sceneNouns: Set<String> = ["construction", "home", "house", "farm", "dairy", "plant", "factory", "restaurant",
                                          "worksite", "warehouse", "business", "church", "school", "courthouse", "jail",
                                          "hotel", "motel", "store", "apartment", "neighborhood", "site", "facility"]
    static let locatives: Set<String> = ["in", "from", "near", "outside", "to", "at", "across", "throughout", "around",
                                        "into", "toward", "towards", "through", "inside", "within", "between", "of", "and"]
}
