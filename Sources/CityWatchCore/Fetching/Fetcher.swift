import Foundation

/// What to fetch and how (limits default to INTERFACE.md's `[fetch]` defaults).
public struct FetchRequest: Sendable {
    public var url: String
    public var method: String
    public var body: Data?
    public var headers: [String: String]
    /// Conditional GET validators from the last response.
    public var etag: String?
    public var lastModified: String?
    public var timeout: TimeInterval
    public var connectTimeout: TimeInterval
    public var maxBytes: Int
    public var maxRedirects: Int

    public init(url: String, method: String = "GET", body: Data? = nil, headers: [String: String] = [:],
                etag: String? = nil, lastModified: String? = nil, timeout: TimeInterval = 30,
                connectTimeout: TimeInterval = 10, maxBytes: Int = 10_485_760, maxRedirects: Int = 5) {
        self.url = url
        self.method = method
        self.body = body
        self.headers = headers
        self.etag = etag
        self.lastModified = lastModified
        self.timeout = timeout
        self.connectTimeout = connectTimeout
        self.maxBytes = maxBytes
        self.maxRedirects = maxRedirects
    }
}

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
}

/// A failed transfer, with a kind scripts can switch on and a message a person can act on.
public struct FetchError: Error, Sendable, CustomStringConvertible {
    public enum Kind: String, Sendable {
        case badURL = "bad-url", unsupportedScheme = "unsupported-scheme", dns, connect, timeout, tls
        case tooLarge = "too-large", tooManyRedirects = "too-many-redirects", httpStatus = "http-status"
        case file, cancelled, other
    }
    public var kind: Kind
    public var message: String
    public var status: Int?
    /// Seconds to wait before retrying, from a 429/503 Retry-After.
    public var retryAfter: TimeInterval?

    public init(kind: Kind, message: String, status: Int? = nil, retryAfter: TimeInterval? = nil) {
        self.kind = kind
        self.message = message
        self.status = status
        self.retryAfter = retryAfter
    }

    public var description: String { message }
}

/// Fetches http, https and file URLs with libcurl.
public final class Fetcher: Sendable {
    public let userAgent: String

    public init(userAgent: String = "citywatch/\(CityWatch.version) (+https://github.com/citywatch/citywatch)") {
        self.userAgent = userAgent
    }

    /// Performs one transfer; non-2xx/304 statuses come back as `.httpStatus` errors.
    public func fetch(_ request: FetchRequest) async throws(FetchError) -> FetchResponse {
        throw FetchError(kind: .other, message: "fetching is not implemented yet")
    }
}
