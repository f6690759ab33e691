import Foundation

/// A completed transfer (any HTTP status; 304 has an empty body).
public struct FetchResponse: Sendable {
    public var status: Int
    public var finalURL: String
    /// Header names lower-cased; the last value wins.
    public var headers: [String: String]
    public var body: Data

    public init(status: Int, finalURL: String, headers: [String: String], body: Data) {
        self.status = status
        self.finalURL = finalURL
        self.headers = headers
        self.body = body
    }

    public var etag: String? { headers["etag"] }
    public var lastModified: String? { headers["last-modified"] }
    public var notModified: Bool { status == 304 }
    /// The charset named by the Content-Type header, lower-cased.
    public var charset: String? { ContentType.charset(headers["content-type"]) }
    /// Seconds the server asked us to wait (Retry-After), if it said.
    public var retryAfter: TimeInterval? { RetryAfter.seconds(headers["retry-after"]) }
}
