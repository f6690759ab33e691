import Foundation

/// One feed document parsed: INTERFACE.md's `citywatch feed --json` line.
public struct ParsedFeed: Sendable, Equatable {
    public struct Info: Sendable, Equatable {
        public var title: String?
        public var link: String?
        public var updated: String?
        public var language: String?
        public init(title: String? = nil, link: String? = nil, updated: String? = nil, language: String? = nil) {
            self.title = title; self.link = link; self.updated = updated; self.language = language
        }
    }

    public var input: String
    public var parseOK: Bool
    /// "rss", "rdf", "atom" or "json"; nil when not a feed.
    public var format: String?
    public var version: String?
    public var encoding: String?
    public var feed: Info
    public var items: [FeedItem]
    /// What was wrong, when parsing failed or needed recovery.
    public var error: String?
    /// RSS `<ttl>` in minutes, a floor for the scheduler.
    public var ttlMinutes: Int?

    public init(input: String, parseOK: Bool, format: String? = nil, version: String? = nil, encoding: String? = nil,
                feed: Info = Info(), items: [FeedItem] = [], error: String? = nil, ttlMinutes: Int? = nil) {
        self.input = input; self.parseOK = parseOK; self.format = format; self.version = version
        self.encoding = encoding; self.feed = feed; self.items = items; self.error = error; self.ttlMinutes = ttlMinutes
    }
}

/// One entry of a feed. Times are ISO 8601 UTC to the second.
public struct FeedItem: Sendable, Equatable {
    public var title: String?
    public var link: String?
    public var id: String?
    public var published: String?
    public var updated: String?
    public var author: String?
    public var authorEmail: String?
    public var summary: String?
    /// Full content (HTML) when the feed carries it.
    public var content: String?

    public init(title: String? = nil, link: String? = nil, id: String? = nil, published: String? = nil,
                updated: String? = nil, author: String? = nil, authorEmail: String? = nil,
                summary: String? = nil, content: String? = nil) {
        self.title = title; self.link = link; self.id = id; self.published = published; self.updated = updated
        self.author = author; self.authorEmail = authorEmail; self.summary = summary; self.content = content
    }
}
