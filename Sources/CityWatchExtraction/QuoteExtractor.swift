import Foundation

/// Finds quoted words and their speaker: "“…,” said Role Name", "Name said, “…”", "Role Name declared, “…”",
/// partial quotes after a verb ("called the initiative “…”"), "according to X"; an unnamed spokesperson gives a nil
/// speaker. Speakers are resolved across the document: a lone surname ("Bovino told reporters"), "the mayor" or a
/// pronoun ("she said") after the person was named give that person.
struct QuoteExtractor: Sendable {
    /// Who said it, as the text gives it, before resolution against the people named earlier.
    enum Attribution: Equatable {
        case named(name: String, role: String?)
        /// A surname alone ("Bovino said", "Mayor Johnson said").
        case surname(String, role: String?)
        /// "the mayor said", "a spokesperson said": a role without a name.
        case unnamed(role: String?)
        /// "she said".
        case pronoun

        /// A name is given (whole or a surname), not only a role or a pronoun.
        var isName: Bool {
            switch self {
            case .named, .surname: return true
            case .unnamed, .pronoun: return false
            }
        }
    }

    /// The people named as speakers so far, for resolving later surnames, roles and pronouns.
    private var bySurname: [String: (name: String, role: String?)] = [:]
    private var byRole: [String: (name: String, role: String?)] = [:]
    private var last: (speaker: String?, role: String?, unit: Int)?

    init() {}

    /// The quotes of a document's paragraphs and bullets, in reading order.
    mutating func quotes(in units: [TextUnit]) -> [Quote] {
        var out: [Quote] = []
        // A title of several sentences, or a document that is nothing but its title, is plain text given as one
        // line: the story itself.
        for (index, unit) in units.enumerated()
        where unit.kind == .paragraph || unit.kind == .bullet
            || (unit.kind == .title && (unit.sentences.count > 1 || units.count == 1)) {
            out += quotes(in: unit, index: index, of: units)
        }
        return out
    }

    private mutating func quotes(in unit: TextUnit, index: Int, of units: [TextUnit]) -> [Quote] {
        let t = unit.tz.tokens
        let spans = Self.quoteSpans(unit.tz)
        var out: [Quote] = []
        var speakerInUnit = false
        for (k, span) in spans.enumerated() {
            var textEnd = span.close - 1
            while textEnd > span.open, [",", ";", ":"].contains(t[textEnd].text) { textEnd -= 1 }
            guard textEnd > span.open else { continue }   // nothing but punctuation between the marks
            let text = unit.tz.string(t[span.open + 1].start, t[textEnd].end)
            let words = t[(span.open + 1)...textEnd].filter { $0.kind == .word }.count
            let after = attributionAfter(unit, span, limit: k + 1 < spans.count ? spans[k + 1].open : t.count)
            let found = after ?? attributionBefore(unit, span.open, floor: k > 0 ? spans[k - 1].close + 1 : 0)
            if let found {
                let who = resolve(found, unit: index, of: units)
                out.append(Quote(speaker: who.speaker, role: who.role, text: text))
                last = (who.speaker, who.role, index)
                speakerInUnit = true
            } else if speakerInUnit, let last, words >= 4, Self.isOwnSentence(t, span) {
                // A further quote of the same paragraph's speaker ("“…,” said X. “…”").
                out.append(Quote(speaker: last.speaker, role: last.role, text: text))
            }
        }
        return out
    }

    /// Opening and closing mark pairs: curly, straight, or a straight mark closed by a curly one.
    static func quoteSpans(_ tz: Tokenizer) -> [(open: Int, close: Int)] {
        let t = tz.tokens
        // The mark a token is, on its bytes: “ opens, ” closes, " does either.
        enum Mark { case none, open, close, straight }
        func mark(_ k: Int) -> Mark {
            let token = t[k]
            guard token.kind == .punct else { return .none }
            let n = token.end - token.start, b = tz.bytes
            if n == 1 { return b[token.start] == 0x22 ? .straight : .none }
            guard n == 3, b[token.start] == 0xE2, b[token.start + 1] == 0x80 else { return .none }
            return b[token.start + 2] == 0x9C ? .open : b[token.start + 2] == 0x9D ? .close : .none
        }
        var spans: [(open: Int, close: Int)] = []
        var i = 0
        while i < t.count {
            let s = mark(i)
            if s == .open || s == .straight {
                var j = i + 1
                while j < t.count {
                    let m = mark(j)
                    if m == .close || m == .straight || (s == .straight && m == .open) { break }
                    j += 1
                }
                if j < t.count, j > i + 1 { spans.append((i, j)); i = j + 1; continue }
            }
            i += 1
        }
        return spans
    }

    /// A quote standing as whole sentences (not a scare-quoted phrase inside one).
    static func isOwnSentence(_ t: [Token], _ span: (open: Int, close: Int)) -> Bool {
        let before = span.open == 0 || [".", "!", "?"].contains(t[span.open - 1].text)
        let closing = [".", "!", "?"].contains(t[span.close - 1].text)
        return before && closing
    }

    /// The speaker an attribution stands for, given the people named before; records newly named people.
    private mutating func resolve(_ found: Attribution, unit: Int, of units: [TextUnit]) -> (speaker: String?, role: String?) {
        switch found {
        case .named(let name, let role):
            let person = (name: name, role: role)
            if let surname = name.split(separator: " ").last, name.contains(" ") { bySurname[String(surname)] = person }
            if let role, let noun = role.split(separator: " ").last { byRole[noun.lowercased()] = person }
            return (name, role)
        case .surname(let surname, let role):
            if let known = bySurname[surname] { return (known.name, known.role ?? role) }
            if let intro = introduction(of: surname, in: units[...unit]), case .named(let name, let introRole) = intro {
                bySurname[surname] = (name, introRole ?? role)
                return (name, introRole ?? role)
            }
            return (surname, role)
        case .unnamed(let role):
            if let role, let known = byRole[role] { return (known.name, known.role) }
            return (nil, role)
        case .pronoun:
            // "she said" right after a named speaker's quote refers to them; otherwise the speaker is unknown.
            guard let last, unit - last.unit <= 2 else { return (nil, nil) }
            return (last.speaker, last.role)
        }
    }

    /// Where the text first gives a surname with a first name ("Sheriff Dan Hightower" before "Hightower said").
    func introduction(of surname: String, in units: ArraySlice<TextUnit>) -> Attribution? {
        for unit in units {
            let t = unit.tz.tokens
            for i in t.indices where i > 0 && t[i].text == surname && t[i - 1].kind == .word && t[i - 1].isCapitalized {
                var a = i - 1
                while a > 0, i - a < 6, t[a - 1].kind == .word, Self.inNameRun(t[a - 1]) { a -= 1 }
                while a < i, CityRecognizer.functionWords.contains(t[a].lower) { a += 1 }
                if let who = person(unit, from: a, end: i + 1), case .named = who { return who }
            }
        }
        return nil
    }
}
