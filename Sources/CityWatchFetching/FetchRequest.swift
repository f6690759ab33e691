import Foundation

/// What to fetch and how (limits default to INTERFACE.md's `[fetch]` defaults).
package struct FetchRequest: Sendable {
    package var url: String
    package var method: String
    package var body: Data?
    package var headers: [String: String]
    /// Conditional GET validators from the last response.
    package var etag: String?
    package var lastModified: String?
    package var timeout: TimeInterval
    package var connectTimeout: TimeInterval
    package var maxBytes: Int
    package var maxRedirects: Int
    /// A transfer slower than `lowSpeedLimit` bytes per second for `lowSpeedTime` seconds is dropped
    /// (INTERFACE.md: less than 1 KB in 15 s). libcurl counts whole seconds, so the window is at least 1 s.
    package var lowSpeedLimit: Int
    package var lowSpeedTime: TimeInterval
    /// Which addresses and files the transfer may reach (every hop is checked when it connects).
    package var access: FetchAccess

    package init(url: String, method: String = "GET", body: Data? = nil, headers: [String: String] = [:],
                etag: String? = nil, lastModified: String? = nil, timeout: TimeInterval = 30,
                connectTimeout: TimeInterval = 10, maxBytes: Int = 10_485_760, maxRedirects: Int = 5,
                lowSpeedLimit: Int = 1024, lowSpeedTime: TimeInterval = 15, access: FetchAccess? = nil) {
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
        self.lowSpeedLimit = lowSpeedLimit
        self.lowSpeedTime = lowSpeedTime
        // Safe by default: the URL's own origin is trusted, a redirect elsewhere must reach a public address.
        self.access = access ?? .trusting(url)
    }

    /// The lower-cased scheme of `url` ("https"), or nil when it has none.
    var scheme: String? { Self.scheme(of: url) }

    /// The lower-cased scheme of a URL, read on its bytes (the CLI asks it of every input): letters, digits,
    /// "+", "-" and "." before the first ":".
    static func scheme(of url: String) -> String? {
        var bytes: [UInt8] = []
        for byte in url.utf8 {
            if byte == UInt8(ascii: ":") { return bytes.isEmpty ? nil : String(decoding: bytes, as: UTF8.self) }
            switch byte {
            case UInt8(ascii: "A")...UInt8(ascii: "Z"): bytes.append(byte | 0x20)
            case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "0")...UInt8(ascii: "9"),
                 UInt8(ascii: "+"), UInt8(ascii: "-"), UInt8(ascii: "."): bytes.append(byte)
            default: return nil
            }
        }
        return nil
    }

    /// `text` for a message: control characters (a NUL, an escape) as `\u{…}`, so an error line cannot carry them.
    static func printable(_ text: String) -> String {
        guard text.unicodeScalars.contains(where: { $0.value < 0x20 || $0.value == 0x7F }) else { return text }
        return String(text.unicodeScalars.map { $0.value < 0x20 || $0.value == 0x7F ? "\\u{\(String($0.value, radix: 16))}" : String($0) }.joined())
    }

    /// The host of `url` for messages ("example.org"), or the whole URL when it has none.
    var hostForMessages: String {
        URL(string: url)?.host ?? url
    }
}
