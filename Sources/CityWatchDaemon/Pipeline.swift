import Foundation
import CityWatchSupport
import CityWatchFetching
import CityWatchFeeds
import CityWatchDocuments
import CityWatchExtraction

/// The stages a cycle composes, as plain functions so tests (and the daemon) can swap any of them.
package struct Pipeline: Sendable {
    /// One transfer (http, https, file).
    package var fetch: @Sendable (FetchRequest) async throws -> FetchResponse
    /// Feed bytes to items: (data, input, base URL, HTTP charset).
    package var parseFeed: @Sendable (Data, String, String?, String?) -> ParsedFeed
    /// HTML (a page or an item's content) to a Document: (data, URL, HTTP charset).
    package var parsePage: @Sendable (Data, String?, String?) throws -> Document
    /// A document's facts, relevance judged against the watch keywords.
    package var facts: @Sendable (Document) -> Facts

    package init(fetch: @escaping @Sendable (FetchRequest) async throws -> FetchResponse,
                parseFeed: @escaping @Sendable (Data, String, String?, String?) -> ParsedFeed = { data, input, base, charset in
                    FeedParser.parse(data, input: input, baseURL: base, httpCharset: charset)
                },
                parsePage: @escaping @Sendable (Data, String?, String?) throws -> Document = { data, url, charset in
                    try ArticlePageParser.parse(data, url: url, httpCharset: charset)
                },
                facts: @escaping @Sendable (Document) -> Facts) {
        self.fetch = fetch; self.parseFeed = parseFeed; self.parsePage = parsePage; self.facts = facts
    }

    /// The real stages: libcurl, libxml2 feed and page parsers, the Extractor with the config's keywords.
    package static func live(keywords: [String], fetcher: Fetcher = Fetcher()) -> Pipeline {
        let extractor = Extractor(keywords: keywords)
        return Pipeline(fetch: { request in try await CityWatchMetrics.timeFetch { try await fetcher.fetch(request) } },
                        facts: { document in
                            var facts = extractor.extract(document)
                            facts.bound()
                            return facts
                        })
    }
}

/// What one cycle did, for the summary line and `--once`'s exit status.
package struct CycleReport: Sendable, Equatable {
    package var feeds = 0
    package var failedFeeds: [String] = []
    package var newItems = 0
    package var relevantArticles = 0
    package var alerts = 0
    package var seedsImported = 0

    package init() {}

    /// The one-line summary (also used for sd_notify STATUS=).
    package var summary: String {
        var text = "\(feeds) feeds"
        if !failedFeeds.isEmpty { text += " (\(failedFeeds.count) failed)" }
        text += ", \(newItems) new items, \(relevantArticles) relevant, \(alerts) alerts"
        if seedsImported > 0 { text += ", \(seedsImported) seed documents imported" }
        return text
    }
}
