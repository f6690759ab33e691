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
        guard line.utf8.count <= 560, line.count <= 140, let last = line.last else { return false }
        if ".!?:;,\"”’)".contains(last) && !line.hasSuffix("...") { return false }
        if ByteSearch.contains(line, "|") || line.hasPrefix("“") || line.hasPrefix("\"") { return false }
        let words = line.split(separator: " ")
        guard !words.isEmpty, words.count <= 18 else { return false }
        var capitalised = 0, counted = 0
        for (i, word) in words.enumerated() {
            let bare = word.trimmingCharacters(in: .punctuationCharacters)
            guard let first = bare.unicodeScalars.first else { continue }
            if i > 0, smallWords.contains(bare.lowercased()) { continue }
            counted += 1
            if CharacterSet.uppercaseLetters.contains(first) || CharacterSet.decimalDigits.contains(first) {
                capitalised += 1
            }
        }
        guard counted > 0 else { return false }
        return Double(capitalised) / Double(counted) >= 0.75
    }
}
