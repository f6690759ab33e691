import Foundation

/// Tells a heading ("Legal and Political Obstacles to Expanded ICE Enforcement") from a paragraph:
/// short, no closing punctuation, and title-like. A lead-in ending in ":" stays a paragraph.
enum HeadingClassifier {
    static let smallWords: Set<String> = [
        "a", "an", "and", "as", "at", "but", "by", "for", "from", "in", "into", "nor", "of", "on", "or",
        "over", "per", "the", "to", "up", "via", "vs", "vs.", "with", "amid", "after", "against", "about",
        "under", "between", "within", "without", "is", "are", "its", "their", "his", "her", "new",
    ]

    static func isHeading(_ line: String) -> Bool {
        guard let last = line.last else { return false }
        if ".!?:;,\"”’)".contains(last) && !line.hasSuffix("...") { return false }
        let bytes = line.utf8
        guard bytes.count <= 560, bytes.count <= 140 || line.count <= 140 else { return false }
        if bytes.contains(0x7C) || line.hasPrefix("“") || line.hasPrefix("\"") { return false }
        let words = bytes.split(separator: 0x20)
        guard !words.isEmpty, words.count <= 18 else { return false }
        var capitalised = 0, counted = 0
        for (i, word) in words.enumerated() {
            // ASCII words on their bytes; others through Foundation's punctuation set.
            let first: Unicode.Scalar
            let small: Bool
            if word.allSatisfy({ $0 < 0x80 }) {
                var a = word.startIndex, b = word.endIndex
                while a < b, isASCIIPunctuation(word[a]) { a = word.index(after: a) }
                while b > a, isASCIIPunctuation(word[word.index(before: b)]) { b = word.index(before: b) }
                guard a < b else { continue }
                first = Unicode.Scalar(word[a])
                let lower = word[a..<b].map { $0 >= 0x41 && $0 <= 0x5A ? $0 | 0x20 : $0 }
                small = i > 0 && lower.count <= 7 && smallWords.contains(String(decoding: lower, as: UTF8.self))
            } else {
                let bare = String(Substring(word)).trimmingCharacters(in: .punctuationCharacters)
                guard let f = bare.unicodeScalars.first else { continue }
                first = f
                small = i > 0 && smallWords.contains(bare.lowercased())
            }
            if small { continue }
            counted += 1
            if CharacterSet.uppercaseLetters.contains(first) || CharacterSet.decimalDigits.contains(first) {
                capitalised += 1
            }
        }
        guard counted > 0 else { return false }
        return Double(capitalised) / Double(counted) >= 0.75
    }

    /// ASCII characters in Unicode's punctuation categories (symbols such as $ + < = > ^ ` | ~ are not).
    static func isASCIIPunctuation(_ b: UInt8) -> Bool {
        switch b {
        case 0x21...0x23, 0x25...0x2A, 0x2C...0x2F, 0x3A, 0x3B, 0x3F, 0x40, 0x5B...0x5D, 0x5F, 0x7B, 0x7D: return true
        default: return false
        }
    }
}
