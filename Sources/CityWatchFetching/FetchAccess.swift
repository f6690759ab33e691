import CCurl
import Foundation

/// Where a transfer may go, from the trust of the document its URL came from (INTERFACE.md, `[fetch]
/// allow_private_networks`): a URL written in the config may name a private host, and its redirects and the links
/// found under it may stay on that origin; everything else must reach a public address, and `file:` only inside
/// the folder of a `file:` feed.
package struct FetchAccess: Sendable, Equatable {
    /// Loopback, private, link-local and unique-local addresses allowed everywhere (and `file:` links).
    package var allowPrivateNetworks: Bool
    /// The origin (scheme, host, port) of the URL written in the config or on the command line.
    package var trustedOrigin: URLOrigin?
    /// A `file:` feed's own folder, inside which its links may read files.
    package var fileRoot: String?
    /// The request's own URL may be a `file:` URL (it was written by the user).
    package var fileAllowed: Bool

    package init(allowPrivateNetworks: Bool, trustedOrigin: URLOrigin? = nil, fileRoot: String? = nil, fileAllowed: Bool = false) {
        self.allowPrivateNetworks = allowPrivateNetworks
        self.trustedOrigin = trustedOrigin
        self.fileRoot = fileRoot
        self.fileAllowed = fileAllowed
    }

    /// A URL the user wrote (the config's feed or webhook, a command-line argument): it and its own origin may be
    /// private, a redirect elsewhere may not.
    package static func trusting(_ url: String, allowPrivateNetworks: Bool = false) -> FetchAccess {
        FetchAccess(allowPrivateNetworks: allowPrivateNetworks, trustedOrigin: URLOrigin(url), fileAllowed: true)
    }

    /// The links found in a feed (or page) fetched from `feedURL`, which the config named.
    package static func links(of feedURL: String, allowPrivateNetworks: Bool) -> FetchAccess {
        if FetchRequest(url: feedURL).scheme == "file" {
            let folder = URLOrigin.filePath(feedURL).map { ($0 as NSString).deletingLastPathComponent }
            return FetchAccess(allowPrivateNetworks: allowPrivateNetworks, fileRoot: folder)
        }
        return FetchAccess(allowPrivateNetworks: allowPrivateNetworks, trustedOrigin: URLOrigin(feedURL))
    }

    /// Whether a connection to `address` for the hop at `url` is allowed; a refusal names why.
    func refusal(connecting address: NetworkAddress, for url: String?) -> String? {
        if allowPrivateNetworks || address.isPublic { return nil }
        if let trustedOrigin, let url, URLOrigin(url) == trustedOrigin { return nil }
        return "\(address) is a \(address.kind.rawValue) address"
    }

    /// Why a `file:` URL may not be read, or nil when it may.
    func fileRefusal(_ url: String) -> String? {
        if fileAllowed || allowPrivateNetworks { return nil }
        guard let root = fileRoot else {
            return "file: URLs are read only for feeds named in the config, never for links found in a feed or page"
        }
        guard let path = URLOrigin.filePath(url) else { return "not a local file URL" }
        // The real paths: "..", symlinks and a missing file all end outside (or nowhere).
        guard let realRoot = Self.realPath(root), let realFile = Self.realPath(path) else {
            return "no such file inside the feed's folder"
        }
        let prefix = realRoot.hasSuffix("/") ? realRoot : realRoot + "/"
        return realFile.hasPrefix(prefix) ? nil : "\(realFile) is outside the feed's folder \(realRoot)"
    }

    static func realPath(_ path: String) -> String? {
        guard let resolved = realpath(path, nil) else { return nil }
        defer { free(resolved) }
        return String(cString: resolved)
    }
}

/// A URL's scheme, host and port as libcurl itself reads them (the same parser that decides where it connects).
package struct URLOrigin: Sendable, Equatable, Hashable, CustomStringConvertible {
    package var scheme: String
    package var host: String
    package var port: Int

    package init?(_ url: String) {
        guard let handle = curl_url() else { return nil }
        defer { curl_url_cleanup(handle) }
        guard curl_url_set(handle, CURLUPART_URL, url, UInt32(CURLU_NON_SUPPORT_SCHEME)) == CURLUE_OK,
              let scheme = Self.part(handle, CURLUPART_SCHEME, 0),
              let host = Self.part(handle, CURLUPART_HOST, 0),
              let port = Self.part(handle, CURLUPART_PORT, UInt32(CURLU_DEFAULT_PORT)).flatMap({ Int($0) })
        else { return nil }
        self.scheme = scheme.lowercased()
        self.host = host.lowercased()
        self.port = port
    }

    package var description: String { "\(scheme)://\(host):\(port)" }

    /// The decoded path of a `file:` URL, as libcurl will open it.
    static func filePath(_ url: String) -> String? {
        guard let handle = curl_url() else { return nil }
        defer { curl_url_cleanup(handle) }
        guard curl_url_set(handle, CURLUPART_URL, url, 0) == CURLUE_OK,
              part(handle, CURLUPART_SCHEME, 0)?.lowercased() == "file" else { return nil }
        return part(handle, CURLUPART_PATH, UInt32(CURLU_URLDECODE))
    }

    private static func part(_ handle: OpaquePointer, _ what: CURLUPart, _ flags: UInt32) -> String? {
        var value: UnsafeMutablePointer<CChar>?
        guard curl_url_get(handle, what, &value, flags) == CURLUE_OK, let value else { return nil }
        defer { curl_free(value) }
        return String(cString: value)
    }
}
