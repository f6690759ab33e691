import Foundation

/// A completed transfer (any HTTP status; 304 has an empty body).
package struct FetchResponse: Sendable {
    package var status: Int
    package var finalURL: String
    /// Header names lower-cased; the last value wins.
    package var headers: [String: String]
    package var body: Data

    package init(status: Int, finalURL: String, headers: [String: String], body: Data) {
        self.status = status
        self.finalURL = finalURL
        self.headers = headers
        self.body = body
    }

    package var etag: String? { headers["etag"] }
    package var lastModified: String? { headers["last-modified"] }

    /// Last-Modified when it is a strong validator (RFC 9110 §8.8.2.2: at least one second before Date). A time in
    /// the same second as the response is weak: the resource may change again within that second, and a server
    /// comparing whole seconds would then answer a later If-Modified-Since with a wrong 304.
    package var strongLastModified: String? {
        guard let value = lastModified else { return nil }
        guard let date = headers["date"].flatMap(HTTPDate.parse), let modified = HTTPDate.parse(value) else { return value }
        return date.timeIntervalSince(modified) >= 1 ? value : nil
    }
    package var notModified: Bool { status == 304 }
    /// The charset named by the Content-Type header, lower-cased.
    package var charset: String? { ContentType.charset(headers["content-type"]) }
    /// Seconds the server asked us to wait (Retry-After), if it said.
    package var retryAfter: TimeInterval? { RetryAfter.seconds(headers["retry-after"]) }
}
