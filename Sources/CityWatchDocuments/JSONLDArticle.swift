import Foundation
import CityWatchSupport

/// The article fields of a page's JSON-LD (`NewsArticle`, `BlogPosting`, …), from any `@graph` depth.
struct JSONLDArticle {
    var headline: String?
    var articleBody: String?
    var datePublished: String?
    var author: String?
    var publisher: String?

    static func read(_ scripts: [String]) -> JSONLDArticle {
        var result = JSONLDArticle()
        // Breadcrumbs, site search boxes and organisation cards are skipped unparsed.
        for script in scripts where ByteSearch.containsAny(script, ["Article", "article", "BlogPosting", "Report", "WebPage"]) {
            guard let root = parse(script) else { continue }
            // Iterative walk over nested arrays/objects: JSON-LD can be deep and is untrusted.
            var pending: [Any] = [root]
            var visited = 0
            while let value = pending.popLast(), visited < 2_000 {
                visited += 1
                if let array = value as? [Any] { pending.append(contentsOf: array.reversed()); continue }
                guard let object = value as? [String: Any] else { continue }
                if let graph = object["@graph"] { pending.append(graph) }
                let types = typeNames(object["@type"])
                if types.contains(where: { $0.hasSuffix("article") || $0 == "blogposting" || $0 == "report" || $0 == "webpage" }) {
                    let isArticle = !types.contains("webpage")
                    if result.headline == nil || isArticle && result.articleBody == nil {
                        if let h = object["headline"] as? String, !h.isEmpty { result.headline = result.headline ?? h }
                    }
                    if result.articleBody == nil, let b = object["articleBody"] as? String, !b.isEmpty { result.articleBody = b }
                    if result.datePublished == nil, let d = object["datePublished"] as? String { result.datePublished = d }
                    if result.author == nil { result.author = names(object["author"]) }
                    if result.publisher == nil, isArticle { result.publisher = names(object["publisher"]) }
                }
            }
        }
        return result
    }

    private static func parse(_ script: String) -> Any? {
        var text = TextNormalizer.trimmingWhitespace(script)
        if text.hasPrefix("<![CDATA[") { text = String(text.dropFirst(9).dropLast(3)) }
        if let value = try? JSONSerialization.jsonObject(with: Data(text.utf8), options: [.fragmentsAllowed]) { return value }
        // Raw line breaks inside strings are a common JSON-LD mistake; JSON forbids them.
        let repaired = Data(text.utf8.map { $0 == 0x0A || $0 == 0x0D || $0 == 0x09 ? 0x20 : $0 })
        return try? JSONSerialization.jsonObject(with: repaired, options: [.fragmentsAllowed])
    }

    private static func typeNames(_ value: Any?) -> [String] {
        if let s = value as? String { return [s.lowercased()] }
        if let a = value as? [Any] { return a.compactMap { ($0 as? String)?.lowercased() } }
        return []
    }

    /// "Name", {"name": …} or a list of those, joined with " and ".
    private static func names(_ value: Any?) -> String? {
        if let s = value as? String { return s.isEmpty ? nil : s }
        if let o = value as? [String: Any] { return (o["name"] as? String).flatMap { $0.isEmpty ? nil : $0 } }
        if let a = value as? [Any] {
            let all = a.compactMap { names($0) }
            return all.isEmpty ? nil : all.joined(separator: " and ")
        }
        return nil
    }
}
