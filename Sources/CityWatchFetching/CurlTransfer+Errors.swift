import CCurl
import Foundation

extension CurlTransfer {
    var cancelledError: FetchError {
        FetchError(kind: .cancelled, message: "fetching \(request.url) was cancelled")
    }

    /// Turns a failed `curl_easy_perform` into a FetchError with a kind and a message naming the host or URL.
    /// `detail` is libcurl's error buffer, the most specific account of what went wrong.
    /// `osError` is the errno behind a failed connect, when libcurl kept it.
    func error(for code: CURLcode, detail: String, redirectURL: String?, osError: Int32 = 0) -> FetchError {
        let url = request.url
        let host = request.hostForMessages
        let why = detail.isEmpty ? String(cString: curl_easy_strerror(code)) : detail
        if isCancelled { return cancelledError }
        if overCap || code == CURLE_FILESIZE_EXCEEDED { return .tooLarge(request.maxBytes) }
        if let refused = refusedConnection {
            let hop = refused.url == url ? url : "\(refused.url) (redirected from \(url))"
            return FetchError(kind: .refused,
                              message: "refused \(hop): \(refused.reason); links found in feeds and pages, and redirects, "
                                + "are fetched from public addresses only (set [fetch] allow_private_networks = true to allow)")
        }

        switch code {
        case CURLE_UNSUPPORTED_PROTOCOL:
            guard let redirectURL else {
                return FetchError(kind: .unsupportedScheme, message: "refused \(url): \(why)")
            }
            return FetchError(kind: .unsupportedScheme,
                              message: "refused the redirect from \(url) to \(redirectURL): only http and https may be followed")
        case CURLE_URL_MALFORMAT:
            return FetchError(kind: .badURL, message: "bad URL \(url): \(why)")
        case CURLE_COULDNT_RESOLVE_HOST:
            return FetchError(kind: .dns, message: "cannot resolve host \(host): check the URL and the network's DNS")
        case CURLE_COULDNT_RESOLVE_PROXY:
            return FetchError(kind: .dns, message: "cannot resolve the proxy for \(url): check http_proxy/https_proxy (\(why))")
        case CURLE_COULDNT_CONNECT:
            let reason = osError != 0 ? String(cString: strerror(osError)).lowercased() : why
            return FetchError(kind: .connect,
                              message: "cannot connect to \(hostAndPort) for \(url): \(reason) (is the server up and the port right?)")
        case CURLE_SEND_ERROR, CURLE_RECV_ERROR:
            return FetchError(kind: .connect, message: "connection to \(host) broke during the transfer: \(why)")
        case CURLE_GOT_NOTHING:
            return FetchError(kind: .connect, message: "\(host) closed the connection without answering \(url)")
        case CURLE_OPERATION_TIMEDOUT:
            return timeoutError(why: why)
        case CURLE_TOO_MANY_REDIRECTS:
            return redirectError(lastLocation: redirectURL)
        case CURLE_PARTIAL_FILE:
            return FetchError(kind: .other,
                              message: "\(host) closed the connection before the whole body of \(url) arrived: \(why)")
        case CURLE_BAD_CONTENT_ENCODING:
            return FetchError(kind: .other, message: "cannot decode the compressed body from \(url): \(why)")
        case CURLE_FILE_COULDNT_READ_FILE, CURLE_READ_ERROR:
            return FetchError(kind: .file, message: "cannot read \(url): no such file, or not readable")
        case CURLE_ABORTED_BY_CALLBACK:
            return cancelledError
        case CURLE_SSL_CONNECT_ERROR, CURLE_PEER_FAILED_VERIFICATION, CURLE_SSL_CERTPROBLEM, CURLE_SSL_CIPHER,
             CURLE_SSL_CACERT_BADFILE, CURLE_SSL_ENGINE_NOTFOUND, CURLE_SSL_ENGINE_SETFAILED, CURLE_SSL_CRL_BADFILE,
             CURLE_SSL_ISSUER_ERROR, CURLE_SSL_PINNEDPUBKEYNOTMATCH, CURLE_SSL_INVALIDCERTSTATUS,
             CURLE_SSL_SHUTDOWN_FAILED, CURLE_SSL_CLIENTCERT, CURLE_USE_SSL_FAILED:
            return FetchError(kind: .tls,
                              message: "TLS with \(host) failed: \(why) (check the server's certificate and the system CA store)")
        default:
            return FetchError(kind: .other, message: "fetching \(url) failed: \(why)")
        }
    }

    /// "example.org port 8080" from the request URL, for connection messages.
    private var hostAndPort: String {
        guard let parts = URLComponents(string: request.url), let host = parts.host else { return request.hostForMessages }
        let port = parts.port ?? (parts.scheme?.lowercased() == "https" ? 443 : 80)
        return "\(host) port \(port)"
    }

    /// libcurl reports three different limits as one code; its error text says which one struck.
    private func timeoutError(why: String) -> FetchError {
        let host = request.hostForMessages
        let lower = why.lowercased()
        if lower.contains("too slow") {
            let window = max(1, Int(request.lowSpeedTime.rounded(.up)))
            return FetchError(kind: .timeout,
                              message: "too slow: \(host) sent less than \(request.lowSpeedLimit) bytes in \(window) s for \(request.url)")
        }
        if lower.contains("resolving") {
            return FetchError(kind: .dns, message: "resolving \(host) timed out: check the network's DNS")
        }
        if lower.contains("connection timed out") || lower.contains("connect") {
            return FetchError(kind: .timeout,
                              message: "cannot connect to \(host) within \(seconds(min(request.connectTimeout, request.timeout))) s (\(why))")
        }
        return FetchError(kind: .timeout,
                          message: "timed out: \(request.url) took longer than \(seconds(request.timeout)) s")
    }

    /// A chain that comes back to a URL it has already visited is a loop; otherwise it is just too long.
    private func redirectError(lastLocation: String?) -> FetchError {
        let chain = responseURLs + (lastLocation.map { [$0] } ?? [])
        var seen = Set<String>()
        if let repeated = chain.first(where: { !seen.insert($0).inserted }) {
            let loop = chain.drop(while: { $0 != repeated })
            var hops: [String] = []
            for url in loop where !hops.contains(url) { hops.append(url) }
            return FetchError(kind: .tooManyRedirects,
                              message: "redirect loop: \((hops + [repeated]).joined(separator: " → "))")
        }
        return FetchError(kind: .tooManyRedirects,
                          message: "more than \(request.maxRedirects) redirects from \(request.url) (last: \(chain.last ?? request.url))")
    }

    private func seconds(_ value: TimeInterval) -> String {
        value == value.rounded() ? String(Int(value)) : String(format: "%.1f", value)
    }
}
