import Foundation
import CityWatchSupport

/// The vocabulary of spelled-out numbers, scales, units and hedges.
enum NumberWords {
    /// Whether token `k` is "cities" or "states" counted by the token before it (from `lower` on): a number, a
    /// number word of three or more, or a word for many ("25 cities", "six states", "several states"). A figure spread
    /// over such a count is the nation's, and a dateline over it is a national desk's.
    static func countsManyPlaces(_ t: [Token], at k: Int, from lower: Int) -> Bool {
        guard ["cities", "states"].contains(t[k].lower), k - 1 >= lower else { return false }
        let before = t[k - 1]
        if before.kind == .number { return true }
        if let n = units[before.lower] ?? teens[before.lower] ?? tens[before.lower] { return n >= 3 }
        return manyWords.contains(before.lower)
    }

    /// Words for an unstated many.
    static let manyWords: Set<String> = ["several", "multiple", "many", "numerous", "dozens", "various"]

    static let units: [String: Double] = [
        "zero": 0, "nought": 0, "naught": 0, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6,
        "seven": 7, "eight": 8, "nine": 9,
    ]
    static let teens: [String: Double] = [
        "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14, "fifteen": 15, "sixteen": 16,
        "seventeen": 17, "eighteen": 18, "nineteen": 19,
    ]
    static let tens: [String: Double] = [
        "twenty": 20, "thirty": 30, "forty": 40, "fourty": 40, "fifty": 50, "sixty": 60, "seventy": 70,
        "eighty": 80, "ninety": 90,
    ]
    /// Scale words after a number ("3 million", "5k", "10 bln").
    static let scales: [String: Double] = [
        "thousand": 1e3, "thousands": 1e3, "million": 1e6, "millions": 1e6, "billion": 1e9, "billions": 1e9,
        "trillion": 1e12, "trillions": 1e12, "mil": 1e6, "mln": 1e6, "mn": 1e6, "bln": 1e9, "bn": 1e9,
        "tln": 1e12, "krore": 1e7, "krores": 1e7, "crore": 1e7, "crores": 1e7, "lakh": 1e5, "lakhs": 1e5,
        "lkhs": 1e5,
    ]
    /// Scale letters written right after digits or alone after them ("5k", "1.2M", "1,674.5 G").
    static let scaleLetters: [String: Double] = ["k": 1e3, "K": 1e3, "M": 1e6, "B": 1e9, "b": 1e9, "G": 1e9, "T": 1e12,
                                                 "bn": 1e9, "mn": 1e6, "mil": 1e6, "MM": 1e6, "bln": 1e9]
    static let dozens: Set<String> = ["dozen", "dozens", "dz", "dzs", "doz", "dozs"]
    static let fractions: [String: Double] = [
        "half": 2, "halves": 2, "third": 3, "thirds": 3, "quarter": 4, "quarters": 4, "fourth": 4, "fourths": 4,
        "fifth": 5, "fifths": 5, "sixth": 6, "sixths": 6, "eighth": 8, "eighths": 8, "tenth": 10, "tenths": 10,
    ]
    static let percentWords: Set<String> = ["percent", "percents", "percentage", "pct", "per-cent"]

    /// Currency written before or after the amount → (ISO-like code, factor to the main unit).
    static let currencyWords: [String: (String, Double)] = [
        "dollar": ("usd", 1), "dollars": ("usd", 1), "usd": ("usd", 1), "bucks": ("usd", 1),
        "cent": ("usd", 0.01), "cents": ("usd", 0.01), "penny": ("usd", 0.01), "pennies": ("usd", 0.01),
        "c": ("usd", 0.01), "¢": ("usd", 0.01),
        "euro": ("eur", 1), "euros": ("eur", 1), "eur": ("eur", 1), "€": ("eur", 1), "€ur": ("eur", 1),
        "pound": ("gbp", 1), "pounds": ("gbp", 1), "gbp": ("gbp", 1), "£": ("gbp", 1), "pence": ("gbp", 0.01),
        "yen": ("jpy", 1), "jpy": ("jpy", 1), "¥": ("jpy", 1), "yuan": ("cny", 1), "rmb": ("cny", 1),
        "cny": ("cny", 1), "元": ("cny", 1), "kuai": ("cny", 1), "mao": ("cny", 0.1), "cad": ("cad", 1),
        "mxn": ("mxn", 1), "$": ("usd", 1), "musd": ("usd", 1e6), "meur": ("eur", 1e6), "mgbp": ("gbp", 1e6),
    ]
    /// Symbols and codes written before the amount.
    static let currencyPrefixes: [String: String] = [
        "$": "usd", "us$": "usd", "usd": "usd", "usd$": "usd", "u.s.$": "usd", "u.s$": "usd", "€": "eur",
        "eur": "eur", "£": "gbp", "gbp": "gbp", "¥": "jpy", "c$": "cad", "cad$": "cad", "mex$": "mxn",
        "mxn$": "mxn", "cad": "cad", "a$": "aud",
    ]

    static let monthNames: Set<String> = [
        "January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
        "November", "December", "Jan.", "Feb.", "Mar.", "Apr.", "Aug.", "Sept.", "Sep.", "Oct.", "Nov.", "Dec.",
        "Jan", "Feb", "Aug", "Sept", "Oct", "Nov", "Dec",
    ]

    /// Words of which every spelled-out or vague amount holds one ("seven", "dozen", "half", "few", "dollar").
    /// A stretch of text without a digit or one of these holds no number.
    static let numeric = WordSet({
        var set = Set(units.keys).union(teens.keys).union(tens.keys).union(scales.keys).union(dozens)
        set.formUnion(fractions.keys); set.formUnion(currencyWords.keys)
        set.formUnion(["hundred", "hundreds", "couple", "pair", "few"])
        return set
    }())

    /// Value of a single number word ("seven", "twenty") or nil.
    static func simple(_ w: String) -> Double? { units[w] ?? teens[w] ?? tens[w] }

    static func isNumberWord(_ w: String) -> Bool {
        units[w] != nil || teens[w] != nil || tens[w] != nil || w == "hundred" || w == "hundreds" || scales[w] != nil
    }
}
