import Foundation
import CityWatchSupport

/// Recognises lines that are navigation, credits or footer rather than article text.
package enum Boilerplate {
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

    static let prefixBytes = prefixes.map { Array($0.utf8) }

    static let creditBytes = ["unsplash", "getty images", "shutterstock", "istock", "ap photo", "afp via getty",
                              "photo by", "photograph by", "file photo", "pexels", "wikimedia commons"].map { Array($0.utf8) }
    static let rightsReserved = Array("all rights reserved".utf8)

    /// Whether the line is navigation, a credit or a footer. The lists hold ASCII letters only, so the line is
    /// lower-cased on its ASCII bytes (a String's Unicode lower-casing showed in profiles).
    package static func isBoilerplate(_ line: String) -> Bool {
        let count = line.utf8.count
        // Article paragraphs are long: only a furniture prefix can mark them, so look at the head alone.
        let lower = asciiLowercased(line, count > 240 ? 32 : count)
        if prefixBytes.contains(where: { hasPrefix(lower, $0) }) || isBreadcrumb(lower) { return true }
        if count > 240 { return false }
        if let bare = bare(lower), exactLines.contains(bare) { return true }
        if count < 200 || line.count < 200, ByteSearch.contains(lower, Self.rightsReserved) { return true }
        if count < 120 || line.count < 120, line.utf8.last != 0x2E, creditBytes.contains(where: { ByteSearch.contains(lower, $0) }) {
            return true
        }
        return false
    }

    /// The first `count` bytes of the line, ASCII letters lower-cased.
    static func asciiLowercased(_ line: String, _ count: Int) -> [UInt8] {
        var line = line
        return line.withUTF8 { b in
            [UInt8](unsafeUninitializedCapacity: count) { out, n in
                for k in 0..<count { let c = b[k]; out[k] = c >= 0x41 && c <= 0x5A ? c | 0x20 : c }
                n = count
            }
        }
    }

    static func hasPrefix(_ bytes: [UInt8], _ prefix: [UInt8]) -> Bool {
        prefix.count <= bytes.count && bytes.withUnsafeBufferPointer { b in
            prefix.withUnsafeBufferPointer { p in memcmp(b.baseAddress!, p.baseAddress!, p.count) == 0 }
        }
    }

    /// The line without " .:!»›>|" at either end, when short enough to be one of `exactLines`.
    static func bare(_ lower: [UInt8]) -> String? {
        var a = 0, b = lower.count
        func edge(_ i: Int, forward: Bool) -> Int {   // bytes of an edge character starting (or ending) at i
            switch lower[i] {
            case 0x20, 0x2E, 0x3A, 0x21, 0x3E, 0x7C: return 1   // " .:!>|"
            default: break
            }
            if forward {
                if i + 1 < b, lower[i] == 0xC2, lower[i + 1] == 0xBB { return 2 }                       // »
                if i + 2 < b, lower[i] == 0xE2, lower[i + 1] == 0x80, lower[i + 2] == 0xBA { return 3 } // ›
            } else {
                if i >= a + 1, lower[i - 1] == 0xC2, lower[i] == 0xBB { return 2 }
                if i >= a + 2, lower[i - 2] == 0xE2, lower[i - 1] == 0x80, lower[i] == 0xBA { return 3 }
            }
            return 0
        }
        while a < b { let n = edge(a, forward: true); if n == 0 { break }; a += n }
        while b > a { let n = edge(b - 1, forward: false); if n == 0 { break }; b -= n }
        return b - a <= 40 ? String(decoding: lower[a..<b], as: UTF8.self) : nil
    }

    static let breadcrumbs = ["home »", "home ›", "home >", "home /"].map { Array($0.utf8) }

    static func isBreadcrumb(_ lower: [UInt8]) -> Bool {
        breadcrumbs.contains { hasPrefix(lower, $0) }
    }

    /// The name in a byline line ("by LA News Daily Contributor" → "LA News Daily Contributor"), or nil.
    package static func byline(_ line: String) -> String? {
        for prefix in ["by ", "By ", "BY "] where line.hasPrefix(prefix) {
            guard line.utf8.count <= 100 || line.count <= 100, !line.hasSuffix(".") else { return nil }
            let name = TextNormalizer.trim(line.dropFirst(prefix.count))
            guard let first = name.unicodeScalars.first, CharacterSet.uppercaseLetters.contains(first) else { return nil }
            return name
        }
        return nil
    }
}
