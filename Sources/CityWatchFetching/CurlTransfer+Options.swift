import CCurl
import Foundation

extension CurlTransfer {
    /// Sets every option of the transfer: limits, protocols, validators, method and the callbacks.
    func configure(_ handle: UnsafeMutableRawPointer, context: UnsafeMutableRawPointer,
                   errorBuffer: UnsafeMutablePointer<CChar>, headerList: inout UnsafeMutablePointer<curl_slist>?) {
        let request = self.request
        _ = cw_setopt_string(handle, CURLOPT_URL, request.url)
        _ = cw_setopt_pointer(handle, CURLOPT_ERRORBUFFER, errorBuffer)
        // Only the schemes INTERFACE.md allows, and a redirect may never lead to a local file.
        _ = cw_setopt_string(handle, CURLOPT_PROTOCOLS_STR, isFile ? "file" : "http,https")
        _ = cw_setopt_string(handle, CURLOPT_REDIR_PROTOCOLS_STR, "http,https")
        _ = cw_setopt_long(handle, CURLOPT_FOLLOWLOCATION, request.maxRedirects > 0 ? 1 : 0)
        _ = cw_setopt_long(handle, CURLOPT_MAXREDIRS, max(0, request.maxRedirects))
        // Timeouts from threads need no SIGALRM: the resolver is asynchronous.
        _ = cw_setopt_long(handle, CURLOPT_NOSIGNAL, 1)
        _ = cw_setopt_long(handle, CURLOPT_TIMEOUT_MS, milliseconds(request.timeout))
        _ = cw_setopt_long(handle, CURLOPT_CONNECTTIMEOUT_MS, milliseconds(request.connectTimeout))
        _ = cw_setopt_long(handle, CURLOPT_LOW_SPEED_LIMIT, max(1, request.lowSpeedLimit))
        _ = cw_setopt_long(handle, CURLOPT_LOW_SPEED_TIME, max(1, Int(request.lowSpeedTime.rounded(.up))))
        // A declared Content-Length over the cap stops the transfer before the body; the write
        // callback enforces the cap on the decoded bytes, which also stops a compression bomb.
        _ = cw_setopt_off(handle, CURLOPT_MAXFILESIZE_LARGE, curl_off_t(max(0, request.maxBytes)))
        // "" offers every encoding this libcurl can decode (gzip, deflate, br, zstd).
        _ = cw_setopt_string(handle, CURLOPT_ACCEPT_ENCODING, "")
        _ = cw_setopt_string(handle, CURLOPT_USERAGENT, userAgent)
        // Headers from a proxy's CONNECT reply would otherwise mix with the server's.
        _ = cw_setopt_long(handle, CURLOPT_SUPPRESS_CONNECT_HEADERS, 1)
        headerList = requestHeaders()
        if let headerList { _ = cw_setopt_slist(handle, CURLOPT_HTTPHEADER, headerList) }
        configureMethod(handle)

        _ = cw_setopt_write_function(handle) { data, size, count, context in
            let transfer = Unmanaged<CurlTransfer>.fromOpaque(context!).takeUnretainedValue()
            return transfer.received(data, count: size * count) ? size * count : 0
        }
        _ = cw_setopt_pointer(handle, CURLOPT_WRITEDATA, context)
        _ = cw_setopt_header_function(handle) { data, size, count, context in
            Unmanaged<CurlTransfer>.fromOpaque(context!).takeUnretainedValue()
                .receivedHeader(data, count: size * count)
            return size * count
        }
        _ = cw_setopt_pointer(handle, CURLOPT_HEADERDATA, context)
        // libcurl calls this at least once a second even when no byte moves: the cancellation point.
        _ = cw_setopt_long(handle, CURLOPT_NOPROGRESS, 0)
        _ = cw_setopt_xferinfo_function(handle) { context, _, _, _, _ in
            Unmanaged<CurlTransfer>.fromOpaque(context!).takeUnretainedValue().isCancelled ? 1 : 0
        }
        _ = cw_setopt_pointer(handle, CURLOPT_XFERINFODATA, context)
        // Every connection (the first and each redirect's) is checked on the address it is about to use.
        _ = cw_setopt_opensocket_function(handle) { context, purpose, address in
            guard let context, let address else { return CURL_SOCKET_BAD }
            return Unmanaged<CurlTransfer>.fromOpaque(context).takeUnretainedValue().openSocket(purpose: purpose, address: address)
        }
        _ = cw_setopt_pointer(handle, CURLOPT_OPENSOCKETDATA, context)
        // A reused connection skips the socket callback: each request is checked again on its connection's address.
        _ = cw_setopt_prereq_function(handle) { context, primaryIP, _, _, _ in
            guard let context else { return Int32(CURL_PREREQFUNC_ABORT) }
            let transfer = Unmanaged<CurlTransfer>.fromOpaque(context).takeUnretainedValue()
            return transfer.beforeRequest(primaryIP: primaryIP) ? Int32(CURL_PREREQFUNC_OK) : Int32(CURL_PREREQFUNC_ABORT)
        }
        _ = cw_setopt_pointer(handle, CURLOPT_PREREQDATA, context)
    }

    /// The caller's headers plus the conditional-GET validators, as a list libcurl owns until freed.
    private func requestHeaders() -> UnsafeMutablePointer<curl_slist>? {
        var lines = request.headers.sorted { $0.key < $1.key }.map { "\($0.key): \($0.value)" }
        if let etag = request.etag, !etag.isEmpty { lines.append("If-None-Match: \(etag)") }
        if let modified = request.lastModified, !modified.isEmpty { lines.append("If-Modified-Since: \(modified)") }
        // A POST over 1 KB would otherwise wait for "100 Continue", which many servers never send.
        if request.body != nil { lines.append("Expect:") }
        var list: UnsafeMutablePointer<curl_slist>?
        for line in lines {
            // Newlines would let a header value inject further headers.
            let clean = line.utf8.contains(where: { $0 == 0x0D || $0 == 0x0A })
                ? String(decoding: line.utf8.map { $0 == 0x0D || $0 == 0x0A ? 0x20 : $0 }, as: UTF8.self) : line
            list = curl_slist_append(list, clean)
        }
        return list
    }

    private func configureMethod(_ handle: UnsafeMutableRawPointer) {
        let method = request.method.uppercased()
        switch method {
        case "GET": _ = cw_setopt_long(handle, CURLOPT_HTTPGET, 1)
        case "HEAD": _ = cw_setopt_long(handle, CURLOPT_NOBODY, 1)
        case "POST": _ = cw_setopt_long(handle, CURLOPT_POST, 1)
        default: _ = cw_setopt_string(handle, CURLOPT_CUSTOMREQUEST, method)
        }
        guard let body = request.body else {
            if method == "POST" { _ = cw_setopt_string(handle, CURLOPT_COPYPOSTFIELDS, "") }
            return
        }
        // COPYPOSTFIELDS copies the bytes, so the Data need not outlive this call; the size comes first
        // so that bodies containing zero bytes are sent whole.
        _ = cw_setopt_off(handle, CURLOPT_POSTFIELDSIZE_LARGE, curl_off_t(body.count))
        if body.isEmpty {
            _ = cw_setopt_string(handle, CURLOPT_COPYPOSTFIELDS, "")
        } else {
            body.withUnsafeBytes { bytes in
                _ = cw_setopt_pointer(handle, CURLOPT_COPYPOSTFIELDS, UnsafeMutableRawPointer(mutating: bytes.baseAddress!))
            }
        }
    }

    private func milliseconds(_ seconds: TimeInterval) -> Int {
        seconds > 0 ? max(1, Int((seconds * 1000).rounded())) : 0
    }
}
