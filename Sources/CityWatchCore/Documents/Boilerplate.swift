import Foundation

/// Recognises lines that are navigation, credits or footer rather than article text.
public enum Boilerplate {
    /// Short lines that are page furniture wherever they stand (compared lower-cased, without trailing punctuation).
    static let exactLines: Set<String> = [
        "you may also like", "about us", "editor' picks", "editor's picks", "editors' picks", "editor’s picks",
        "top viewed", "most viewed", "most read", "most popular", "related", "related stories", "related articles",
        "related posts", "read more", "read next", "recommended", "recommended for you", "trending", "trending now",
        "share this", "share this article", "share", "advertisement", "sponsored", "sponsored content",
        "subscribe", "sign up", "follow us", "more stories", "latest news", "popular posts", "leave a comment",
        "leave a reply", "comments", "contact us", "privacy policy", "terms of use", "skip to content",
        "skip to main content", "menu", "search", "newsletter", "tags", "categories", "previous article",
        "next article", "continue reading", "what to read next", "don't miss", "more from", "you might also like",
    ]

    /// Prefixes of lines that are furniture ("MORE COVERAGE & UPDATES: …", "READ MORE: …").
    static let prefixes = [
        "more coverage & updates:", "more coverage:", "read more:", "related:", "see also:", "more:", "also read:",
        "sign up for", "subscribe to", "click here", "follow us on", "share on", "image:", "photo:", "image credit",
        "photo credit", "credit:", "copyright", "©", "(c) ",
    ]

    static let creditWords = ["unsplash", "getty images", "shutterstock", "istock", "ap photo", "afp via getty",
                              "photo by", "photograph by", "file photo", "pexels", "wikimedia commons"]

    /// Whether the line is navigation, a credit or a footer.
    public static func isBoilerplate(_ line: String) -> Bool {
        // Article paragraphs are long: only a furniture prefix can mark them, so look at the head alone.
        if line.utf8.count > 240 {
            let head = String(line.prefix(32)).lowercased()
            return prefixes.contains(where: { head.hasPrefix($0) }) || isBreadcrumb(head)
        }
        let lower = line.lowercased()
        let bare = TextNormalizer.trim(lower) { " .:!»›>|".contains($0) }
        if exactLines.contains(bare) { return true }
        if prefixes.contains(where: { lower.hasPrefix($0) }) { return true }
        if isBreadcrumb(lower) { return true }
        if line.count < 200, ByteSearch.contains(lower, "all rights reserved") { return true }
        if line.count < 120, !line.hasSuffix("."), ByteSearch.containsAny(lower, creditWords) { return true }
        return false
    }

    static func isBreadcrumb(_ lower: String) -> Bool {
        lower.hasPrefix("home »") || lower.hasPrefix("home ›") || lower.hasPrefix("home >") || lower.hasPrefix("home /")
    }

    /// The name in a byline line ("by LA News Daily Contributor" → "LA News Daily Contributor"), or nil.
    public static func byline(_ line: String) -> String? {
        guard line.count <= 100, !line.hasSuffix(".") else { return nil }
        for prefix in ["by ", "By ", "BY "] where line.hasPrefix(prefix) {
            let name = TextNormalizer.trim(line.dropFirst(prefix.count))
            guard let first = name.unicodeScalars.first, CharacterSet.uppercaseLetters.contains(first) else { return nil }
            return name
        }
        return nil
    }
}
