import Foundation

/// The `Cache-Control: max-age` of feed responses, captured on the way through the pipeline's fetch.
///
/// The cycle's poll reports what the feed said, not the response headers; wrapping the fetch stage keeps the
/// scheduler's floor out of the cycle's code.
final class CacheControl: Sendable {
    private let maxAges = Locked<[String: TimeInterval]>([:])

    /// The seconds of `max-age` in a Cache-Control value; nil when absent or when caching is refused.
    static func maxAge(_ header: String?) -> TimeInterval? {
        guard let header else { return nil }
        var maxAge: TimeInterval?
        for directive in header.lowercased().split(separator: ",") {
            let parts = directive.split(separator: "=", maxSplits: 1).map { $0.trimmingCharacters(in: .whitespaces) }
            switch parts.first {
            case "no-cache", "no-store": return nil
            case "max-age":
                if parts.count == 2, let seconds = Double(parts[1].trimmingCharacters(in: ["\""])), seconds > 0 {
                    maxAge = seconds
                }
            default: break
            }
        }
        return maxAge
    }

    /// The pipeline with its fetch recording each response's max-age by request URL.
    func wrap(_ pipeline: Pipeline) -> Pipeline {
        var wrapped = pipeline
        let fetch = pipeline.fetch
        wrapped.fetch = { [maxAges] request in
            let response = try await fetch(request)
            let maxAge = Self.maxAge(response.headers["cache-control"])
            maxAges.withLock { $0[request.url] = maxAge }
            return response
        }
        return wrapped
    }

    /// The max-age of the last response for `url`, forgotten once read so the table stays small.
    func take(_ url: String) -> TimeInterval? {
        maxAges.withLock { $0.removeValue(forKey: url) } ?? nil
    }

    /// Forgets every recorded URL but the feeds' own (article pages pass through the same fetch).
    func prune(keeping urls: Set<String>) {
        maxAges.withLock { table in table = table.filter { urls.contains($0.key) } }
    }
}
