import Foundation

/// Parses JSON Feed 1.0 and 1.1 (https://jsonfeed.org/version/1.1).
enum JSONFeedParser {
    static func parse(_ bytes: UnsafeBufferPointer<UInt8>, input: String, baseURL: String?) -> ParsedFeed {
        let data = Data(buffer: bytes)
        let object: Any
        do {
            object = try JSONSerialization.jsonObject(with: data, options: [.fragmentsAllowed])
        } catch {
            return ParsedFeed(input: input, parseOK: false, format: nil, encoding: "utf-8",
                              error: "not a feed: malformed JSON (\(describe(error)))")
        }
        guard let top = object as? [String: Any] else {
            return ParsedFeed(input: input, parseOK: false, encoding: "utf-8", error: "not a feed: JSON is not an object")
        }
        let versionURL = string(top["version"]) ?? ""
        guard versionURL.contains("jsonfeed.org") || top["items"] is [Any] else {
            return ParsedFeed(input: input, parseOK: false, encoding: "utf-8", error: "not a feed: no JSON Feed version or items")
        }
        let version = versionURL.hasSuffix("1.1") ? "1.1" : "1.0"
        var feed = ParsedFeed.Info()
        feed.title = string(top["title"])
        feed.link = string(top["home_page_url"])
        feed.language = string(top["language"])
        var items: [FeedItem] = []
        for case let entry as [String: Any] in (top["items"] as? [Any]) ?? [] {
            var item = FeedItem()
            item.title = string(entry["title"])
            item.link = string(entry["url"]) ?? string(entry["external_url"])
            item.id = string(entry["id"]) ?? (entry["id"] as? NSNumber).map { $0.stringValue }
            item.published = string(entry["date_published"]).flatMap(FeedDate.iso8601)
            item.updated = string(entry["date_modified"]).flatMap(FeedDate.iso8601)
            let author = (entry["authors"] as? [[String: Any]])?.first ?? (entry["author"] as? [String: Any])
            item.author = author.flatMap { string($0["name"]) }
            item.summary = string(entry["summary"])
            item.content = string(entry["content_html"]) ?? string(entry["content_text"])
            items.append(item)
        }
        return ParsedFeed(input: input, parseOK: true, format: "json", version: version, encoding: "utf-8",
                          feed: feed, items: items)
    }

    static func string(_ value: Any?) -> String? {
        guard let s = value as? String else { return nil }
        return cleaned(s)
    }

    static func describe(_ error: Error) -> String {
        let ns = error as NSError
        return (ns.userInfo[NSDebugDescriptionErrorKey] as? String) ?? ns.localizedDescription
    }
}
