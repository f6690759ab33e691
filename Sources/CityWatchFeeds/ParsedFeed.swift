import Foundation

/// One feed document parsed: INTERFACE.md's `citywatch feed --json` line.
package struct ParsedFeed: Sendable, Equatable {
    package struct Info: Sendable, Equatable {
        package var title: String?
        package var link: String?
        package var updated: String?
        package var language: String?
        package init(title: String? = nil, link: String? = nil, updated: String? = nil, language: String? = nil) {
            self.title = title; self.link = link; self.updated = updated; self.language = language
        }
    }

    package var input: String
    package var parseOK: Bool
    /// "rss", "rdf", "atom" or "json"; nil when not a feed.
    package var format: String?
    package var version: String?
    package var encoding: String?
    package var feed: Info
    package var items: [FeedItem]
    /// What was wrong, when parsing failed or needed recovery.
    package var error: String?
    /// RSS `<ttl>` in minutes, a floor for the scheduler.
    package var ttlMinutes: Int?

    package init(input: String, parseOK: Bool, format: String? = nil, version: String? = nil, encoding: String? = nil,
                feed: Info = Info(), items: [FeedItem] = [], error: String? = nil, ttlMinutes: Int? = nil) {
        self.input = input; self.parseOK = parseOK; self.format = format; self.version = version
        self.encoding = encoding; self.feed = feed; self.items = items; self.error = error; self.ttlMinutes = ttlMinutes
    }
}

/// One entry of a feed. Times are ISO 8601 UTC to the second.
package struct FeedItem: Sendable, Equatable {
    package var title: String?
    package var link: String?
    package var id: String?
    package var published: String?
    package var updated: String?
    package var author: String?
    package var authorEmail: String?
    package var summary: String?
    /// Full content (HTML) when the feed carries it.
    package var content: String?

    package init(title: String? = nil, link: String? = nil, id: String? = nil, published: String? = nil,
                updated: String? = nil, author: String? = nil, authorEmail: String? = nil,
                summary: String? = nil, content: String? = nil) {
        self.title = title; self.link = link; self.id = id; self.published = published; self.updated = updated
        self.author = author; self.authorEmail = authorEmail; self.summary = summary; self.content = content
    }
}
