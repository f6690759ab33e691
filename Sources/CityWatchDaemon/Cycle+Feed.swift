import Foundation
import Logging
import CityWatchSupport
import CityWatchFetching
import CityWatchFeeds
import CityWatchDocuments
import CityWatchKnowledge
import CityWatchConfig

extension Cycle {
    /// Polls one feed: conditional GET, parse, every new item through extraction and the diff. A feed's
    /// failure is recorded and reported, never thrown; only a store or log failure throws.
    package func poll(_ feed: Config.Feed) async throws -> FeedOutcome {
        var outcome = FeedOutcome(feed: feed.name)
        let logger = logger(for: feed)
        var state = try store.feedState(feed.name)
        // A feed seen before under the same URL needs no write.
        if state?.url != feed.url {
            try await store.registerFeed(name: feed.name, url: feed.url)
            state = try store.feedState(feed.name)
        }
        // The feed URL was written in the config: it may name a private host; its redirects may stay on its origin.
        var request = request(feed.url, access: .trusting(feed.url, allowPrivateNetworks: config.allowPrivateNetworks))
        request.etag = state?.etag
        request.lastModified = state?.lastModified
        let response: FetchResponse
        do {
            response = try await pipeline.fetch(request)
        } catch {
            let fetchError = error as? FetchError
            outcome.error = fetchError?.message ?? "\(error)"
            outcome.retryAfter = fetchError?.retryAfter
            let failures = try await store.recordFeedFailure(name: feed.name, error: outcome.error!, retryAfter: outcome.retryAfter, now: now())
            var line = "citywatch: feed \"\(feed.name)\" (\(feed.url)) failed: \(outcome.error!)"
            if let wait = outcome.retryAfter { line += "; the server asks to wait \(DurationText.format(wait)) (recorded, not waited out)" }
            if failures > 1 { line += " [\(failures) failures in a row]" }
            logger.log(level: failureLevel, "\(line)")
            return outcome
        }
        outcome.maxAge = FeedOutcome.maxAge(response.headers["cache-control"])
        if response.notModified {
            outcome.notModified = true
            try await store.recordFeedSuccess(name: feed.name, etag: response.etag, lastModified: response.strongLastModified,
                                        now: now(), previous: state)
            return outcome
        }
        // Parsing, extraction, the store's writes and the log's fsync block: they run on the blocking executor's
        // threads, never on the cooperative pool the scheduler and the watchdog ping need.
        let blocking = BlockingExecutor.shared
        let parseFeed = pipeline.parseFeed
        let feedURL = feed.url
        let parsed = await blocking.run { [response] in
            parseFeed(response.body, feedURL, response.finalURL, ContentType.charset(response.headers["content-type"]))
        }
        outcome.ttlMinutes = parsed.ttlMinutes
        guard parsed.parseOK else {
            outcome.error = "not a readable feed: \(parsed.error ?? "unknown format")"
            try await store.recordFeedFailure(name: feed.name, error: outcome.error!, now: now())
            logger.log(level: failureLevel, "citywatch: feed \"\(feed.name)\" (\(feed.url)) failed: \(outcome.error!)")
            return outcome
        }
        if let problem = parsed.error {
            logger.warning("citywatch: feed \"\(feed.name)\" was damaged, read what could be recovered: \(problem)")
        }
        var budget = PollBudget(limits: limits, maxBytes: config.maxBytes)
        let items = Self.chronological(parsed.items)
        if items.count > limits.itemsPerPoll {
            logger.warning("citywatch: feed \"\(feed.name)\" lists \(items.count) items: only the newest \(limits.itemsPerPoll) are read (the limit per poll)")
        }
        let linkAccess = FetchAccess.links(of: feed.url, allowPrivateNetworks: config.allowPrivateNetworks)
        var deferred = 0
        var heldBack = 0
        for var item in items.suffix(limits.itemsPerPoll) {
            item.link = Self.absolute(item.link, base: response.finalURL)
            let keys = Self.seenKeys(item)
            if try await store.hasSeen(feed: feed.name, keys: keys) { continue }
            // Out of time or bytes for this poll: the item stays unseen and is read at the next poll.
            guard !budget.exhausted else { deferred += 1; continue }
            outcome.newItems += 1
            // An item that was being read when the process last died is not read again and again: a page that
            // kills the daemon (memory, a crash) must not kill every restart. A large document gets one chance,
            // others three (a kill from outside, such as a restart, is no fault of the item).
            let attempts = try await store.itemAttempts(feed: feed.name, keys: keys)
            if attempts >= limits.attemptsPerItem {
                try await store.markSeen(feed: feed.name, keys: keys, now: now())
                logger.warning("citywatch: feed \"\(feed.name)\": item \(item.link ?? item.id ?? "?") skipped: the process stopped while reading it before (\(attempts) attempts)")
                continue
            }
            try await store.recordItemAttempt(feed: feed.name, keys: keys, now: now())
            var read = await document(for: item, feed: feed, access: linkAccess, budget: &budget) {
                // A large input is marked before it is parsed, the costly part: one failure is enough to skip it.
                try await store.recordItemAttempt(feed: feed.name, keys: keys, now: now(), count: limits.attemptsPerItem)
            }
            let cut = read.document.limitText(to: limits.charactersPerDocument)
            if cut > 0 {
                logger.warning("citywatch: feed \"\(feed.name)\": \(item.link ?? item.id ?? "an item") has more text than \(limits.charactersPerDocument) characters: the last \(cut) are not read")
            }
            let document = read.document
            let record = ArticleRecord(url: item.link ?? document.url, feed: feed.name, source: document.source,
                                       title: item.title ?? document.title, published: item.published ?? document.published,
                                       contentHash: Self.hash(SeedTextRenderer.render(document)), seenKeys: keys)
            var policy = self.policy
            policy.maxAlerts = max(0, min(limits.alertsPerArticle, limits.alertsPerPoll - outcome.alerts))
            let (facts, knowledge, time) = (pipeline.facts, store, now())
            let result = try await blocking.run { [policy] in
                try knowledge.ingest(record, facts: facts(document), policy: policy, now: time)
            }
            if result.relevant && !result.duplicate { outcome.relevant += 1 }
            outcome.alerts += result.alerts.count
            heldBack += result.heldBack
        }
        if deferred > 0 {
            logger.warning("citywatch: feed \"\(feed.name)\": \(deferred) new items left for the next poll: this poll's budget (\(DurationText.format(limits.pollTime)), \(budget.byteLimit) bytes of pages) is spent")
        }
        if heldBack > 0 {
            logger.warning("citywatch: feed \"\(feed.name)\": \(heldBack) more alerts held back (at most \(limits.alertsPerArticle) per article, \(limits.alertsPerPoll) per poll); their facts are in the knowledge")
        }
        // One delivery (one fsync of the log) per feed poll: the outbox already holds every alert safely.
        if outcome.alerts > 0 { try await blocking.run { [delivery] in try delivery.deliverPending() } }
        // A poll that read no new item is quiet: its time is written with others' (no transaction of its own).
        try await store.recordFeedSuccess(name: feed.name, etag: response.etag, lastModified: response.strongLastModified,
                                    now: now(), previous: outcome.newItems == 0 && deferred == 0 ? state : nil)
        return outcome
    }

    /// The cycle's logger with the feed as metadata (`feed=NAME` on its journal lines).
    func logger(for feed: Config.Feed) -> Logger {
        var logger = self.logger
        logger[metadataKey: "feed"] = "\(feed.name)"
        return logger
    }

    /// The level of a failed poll's line: an error, or debug when the scheduler reports outages.
    var failureLevel: Logger.Level { reportFailures ? .error : .debug }

    /// A request with the config's fetch limits.
    func request(_ url: String, access: FetchAccess) -> FetchRequest {
        FetchRequest(url: url, timeout: config.fetchTimeout, maxBytes: config.maxBytes, maxRedirects: config.maxRedirects,
                     access: access)
    }

    /// An item read as a Document, and whether its input was large (a candidate poison).
    struct ReadItem {
        var document: Document
        var large = false
    }

    /// The item as a Document: its full content when it carries one, else its linked page (when the feed
    /// allows fetching and the poll's budget has time and bytes left), else its title and summary.
    /// `large` runs before a large input (≥ `CycleLimits.largeDocumentBytes`) is parsed.
    func document(for item: FeedItem, feed: Config.Feed, access: FetchAccess, budget: inout PollBudget,
                  large markLarge: () async throws -> Void = {}) async -> ReadItem {
        var document: Document?
        var large = false
        let content = item.content.flatMap { $0.isEmpty ? nil : $0 }
        let fullText = content.map { (PlainText.from($0) ?? "").count >= Self.fullTextLength } ?? false
        if !fullText, feed.fetchArticles, let link = item.link, Self.isFetchable(link), let timeout = budget.nextTimeout() {
            do {
                var request = request(link, access: access)
                request.timeout = min(request.timeout, timeout)
                request.maxBytes = max(1, min(request.maxBytes, budget.bytesLeft))
                let fetch = pipeline.fetch
                let response = try await articleGate.withSlot(for: link) { [request] in try await fetch(request) }
                budget.spend(bytes: response.body.count)
                large = response.body.count >= CycleLimits.largeDocumentBytes
                if large { try await markLarge() }
                let parsePage = pipeline.parsePage
                document = try await BlockingExecutor.shared.run {
                    try parsePage(response.body, response.finalURL, ContentType.charset(response.headers["content-type"]))
                }
            } catch {
                logger(for: feed).warning("citywatch: feed \"\(feed.name)\": article \(link) could not be read (\(error)); using the feed's text")
            }
        }
        if document == nil, let html = content ?? item.summary {
            if html.utf8.count >= CycleLimits.largeDocumentBytes {
                large = true
                try? await markLarge()
            }
            // An item's content is a fragment: read all of it (headings, tables), no search for a page's body.
            let (parsePage, link) = (pipeline.parsePage, item.link)
            document = await BlockingExecutor.shared.run {
                Self.isWholePage(html) ? try? parsePage(Data(html.utf8), link, "utf-8") : ArticlePageParser.parseFragment(html)
            }
            if document?.blocks.isEmpty ?? true {
                document = Document(blocks: [.paragraph(PlainText.from(html) ?? "")])
            }
        }
        var doc = document ?? Document()
        if doc.title == nil { doc.title = item.title }
        if doc.url == nil { doc.url = item.link }
        if doc.published == nil { doc.published = item.published ?? item.updated }
        // A page that lost the summary's facts (e.g. a teaser-only page) still counts the title.
        if doc.blocks.isEmpty, let title = item.title { doc.blocks = [.paragraph(title)] }
        return ReadItem(document: doc, large: large)
    }

    /// Content that is a whole page (some feeds embed one) rather than a fragment of the article.
    static func isWholePage(_ html: String) -> Bool {
        let head = html.prefix(4096).lowercased()
        return head.contains("<html") || head.contains("<body")
    }

    /// Below this many characters of text an item's content is a teaser, not the article.
    static let fullTextLength = 400

    /// A relative item link made absolute against the feed's own URL (feeds on disk often link "articles/x.html").
    static func absolute(_ link: String?, base: String) -> String? {
        guard let link, !link.isEmpty else { return nil }
        if link.range(of: "^[A-Za-z][A-Za-z0-9+.-]*:", options: .regularExpression) != nil { return link }
        return URL(string: link, relativeTo: URL(string: base))?.absoluteURL.absoluteString ?? link
    }

    static func isFetchable(_ link: String) -> Bool {
        let lower = link.lowercased()
        return lower.hasPrefix("http://") || lower.hasPrefix("https://") || lower.hasPrefix("file://")
    }

    /// An item is known by its id, its link or its content, whichever a feed keeps stable.
    static func seenKeys(_ item: FeedItem) -> [String] {
        var keys: [String] = []
        if let id = item.id, !id.isEmpty { keys.append("id:" + id) }
        if let link = item.link, !link.isEmpty { keys.append("link:" + link) }
        keys.append("hash:" + hash([item.title ?? "", item.summary ?? "", item.content ?? ""].joined(separator: "\u{1F}")))
        return keys
    }

    /// Oldest first, so a figure that changed twice is diffed in the order it changed. Feeds list newest
    /// first, so items without dates keep that order reversed.
    static func chronological(_ items: [FeedItem]) -> [FeedItem] {
        Array(items.reversed().enumerated()).sorted { a, b in
            if let x = a.element.published, let y = b.element.published, x != y { return x < y }
            return a.offset < b.offset
        }.map(\.element)
    }
}
