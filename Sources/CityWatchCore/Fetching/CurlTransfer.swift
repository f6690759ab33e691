import CCurl
import Foundation
import Synchronization

/// One libcurl transfer, run to completion by `run()` on a dedicated thread.
///
/// The mutable state is touched only by that thread (inside the multi loop, through the C callbacks);
/// `cancel()` may be called from any thread: it sets an atomic flag and wakes the loop, which is why
/// the class can be `@unchecked Sendable`.
final class CurlTransfer: @unchecked Sendable {
    let request: FetchRequest
    let userAgent: String
    private let cancelled = Atomic<Bool>(false)
    private(set) var body = Data()
    /// Headers of the latest response seen: a redirect chain leaves those of its last hop.
    private(set) var headers: [String: String] = [:]
    /// The URL each non-1xx response came from, to tell a redirect loop from a long chain.
    private(set) var responseURLs: [String] = []
    /// Set when the write callback refused bytes past `maxBytes`.
    private(set) var overCap = false
    /// The first connection the access rules refused: the hop's URL and why (names the address).
    private(set) var refusedConnection: (url: String, reason: String)?
    private var handle: UnsafeMutableRawPointer?
    /// The multi handle while the loop runs, so that `cancel()` can wake it from another thread.
    private let multi = Mutex<MultiHandle?>(nil)

    /// A CURLM pointer; only `curl_multi_wakeup` is called on it from other threads, which libcurl allows.
    private struct MultiHandle: @unchecked Sendable { let pointer: UnsafeMutableRawPointer }

    init(request: FetchRequest, userAgent: String) {
        self.request = request
        self.userAgent = userAgent
    }

    /// Asks the transfer to stop: the loop wakes at once and the callbacks refuse to go on.
    func cancel() {
        cancelled.store(true, ordering: .relaxed)
        multi.withLock { multi in
            if let multi { _ = curl_multi_wakeup(multi.pointer) }
        }
    }

    var isCancelled: Bool { cancelled.load(ordering: .relaxed) }

    var isFile: Bool { request.scheme == "file" }

    /// Performs the transfer, blocking the calling thread until it ends.
    func run() -> Result<FetchResponse, FetchError> {
        guard CurlGlobal.initialized else {
            return .failure(FetchError(kind: .other, message: "libcurl could not be initialised"))
        }
        if isCancelled { return .failure(cancelledError) }
        if isFile, let why = request.access.fileRefusal(request.url) {
            return .failure(FetchError(kind: .refused, message: "refused \(request.url): \(why)"))
        }
        // Everything libcurl holds a pointer to is released only after curl_easy_cleanup (defers run in
        // reverse): the error buffer, the header list, and `self`, which the callbacks reach unretained.
        let errorBuffer = UnsafeMutablePointer<CChar>.allocate(capacity: Int(CURL_ERROR_SIZE))
        errorBuffer.initialize(repeating: 0, count: Int(CURL_ERROR_SIZE))
        defer { errorBuffer.deallocate() }
        var headerList: UnsafeMutablePointer<curl_slist>?
        defer { curl_slist_free_all(headerList) }
        let unmanaged = Unmanaged.passRetained(self)
        defer { unmanaged.release() }
        guard let handle = curl_easy_init() else {
            return .failure(FetchError(kind: .other, message: "libcurl could not create a transfer"))
        }
        self.handle = handle
        defer { curl_easy_cleanup(handle); self.handle = nil }

        configure(handle, context: unmanaged.toOpaque(), errorBuffer: errorBuffer, headerList: &headerList)
        let code = perform(handle)
        let status = isFile ? 200 : Int(info(handle, CURLINFO_RESPONSE_CODE))
        let finalURL = infoString(handle, CURLINFO_EFFECTIVE_URL) ?? request.url
        let response = FetchResponse(status: status, finalURL: finalURL, headers: headers,
                                     body: status == 304 ? Data() : body)
        let isSuccess = (200..<300).contains(status) || status == 304
        if code != CURLE_OK {
            // A refused error page is reported by its status, not by its size.
            if overCap, status >= 400, !isCancelled { return .failure(.httpStatus(response)) }
            let detail = String(cString: errorBuffer)
            let target = infoString(handle, CURLINFO_REDIRECT_URL) ?? locationOfLastResponse
            let osError = info(handle, CURLINFO_OS_ERRNO)
            return .failure(error(for: code, detail: detail, redirectURL: target, osError: Int32(truncatingIfNeeded: osError)))
        }
        return isSuccess ? .success(response) : .failure(.httpStatus(response))
    }

    /// Drives the easy handle through a private multi handle, which unlike `curl_easy_perform` can be
    /// woken from another thread, so a cancellation takes effect at once even when no byte moves.
    private func perform(_ handle: UnsafeMutableRawPointer) -> CURLcode {
        guard let created = curl_multi_init() else { return CURLE_OUT_OF_MEMORY }
        multi.withLock { $0 = MultiHandle(pointer: created) }
        defer {
            multi.withLock { $0 = nil }
            curl_multi_remove_handle(created, handle)
            curl_multi_cleanup(created)
        }
        guard curl_multi_add_handle(created, handle) == CURLM_OK else { return CURLE_FAILED_INIT }
        var running: Int32 = 1
        while running > 0 {
            if isCancelled { return CURLE_ABORTED_BY_CALLBACK }
            guard curl_multi_perform(created, &running) == CURLM_OK else { return CURLE_FAILED_INIT }
            if running > 0 { _ = curl_multi_poll(created, nil, 0, 1000, nil) }
        }
        var remaining: Int32 = 0
        while let message = curl_multi_info_read(created, &remaining) {
            if message.pointee.msg == CURLMSG_DONE { return message.pointee.data.result }
        }
        return CURLE_FAILED_INIT
    }

    // MARK: - Callbacks (called on the transfer thread)

    /// Takes decoded body bytes; false stops the transfer (cancelled, or over the cap).
    func received(_ bytes: UnsafeRawPointer?, count: Int) -> Bool {
        if isCancelled { return false }
        guard count > 0, let bytes else { return true }
        if body.count + count > request.maxBytes {
            overCap = true
            return false
        }
        body.append(bytes.assumingMemoryBound(to: UInt8.self), count: count)
        return true
    }

    /// Opens the socket for a connection libcurl is about to make, unless the access rules refuse its address.
    func openSocket(purpose: curlsocktype, address: UnsafeMutablePointer<curl_sockaddr>) -> curl_socket_t {
        var raw = [UInt8](repeating: 0, count: 16)
        let count = Int(cw_sockaddr_bytes(address, &raw))
        // A family other than IPv4/IPv6 (a Unix socket) is not a network address a feed could name.
        if count > 0, let target = NetworkAddress(bytes: Array(raw[0..<count])) {
            let hop = handle.flatMap { infoString($0, CURLINFO_EFFECTIVE_URL) } ?? request.url
            if let why = request.access.refusal(connecting: target, for: hop) {
                if refusedConnection == nil { refusedConnection = (hop, why) }
                return CURL_SOCKET_BAD
            }
        }
        return cw_socket_cloexec(address.pointee.family, address.pointee.socktype, address.pointee.protocol)
    }

    /// Takes one header line; a status line starts a new response (after a redirect or a 100 Continue).
    func receivedHeader(_ bytes: UnsafeRawPointer?, count: Int) {
        guard let bytes, count > 0 else { return }
        let buffer = UnsafeRawBufferPointer(start: bytes, count: count)
        // Header bytes are ISO-8859-1 by RFC 9110; decoding as Latin-1 never fails.
        let raw = String(bytes: buffer, encoding: .isoLatin1) ?? String(decoding: buffer, as: UTF8.self)
        let line = raw.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !line.isEmpty else { return }
        if line.hasPrefix("HTTP/") {
            headers = [:]
            let code = line.split(separator: " ").dropFirst().first.flatMap { Int($0) } ?? 0
            if code >= 200, let handle, let url = infoString(handle, CURLINFO_EFFECTIVE_URL) {
                responseURLs.append(url)
            }
            return
        }
        guard let colon = line.firstIndex(of: ":") else { return }
        let name = line[..<colon].trimmingCharacters(in: .whitespaces).lowercased()
        let value = line[line.index(after: colon)...].trimmingCharacters(in: .whitespaces)
        headers[name] = value
    }

    /// The Location of the last response, made absolute: libcurl forgets where a refused redirect pointed.
    var locationOfLastResponse: String? {
        guard let location = headers["location"] else { return nil }
        let base = responseURLs.last.flatMap { URL(string: $0) }
        return URL(string: location, relativeTo: base)?.absoluteString ?? location
    }

    // MARK: - getinfo

    func info(_ handle: UnsafeMutableRawPointer, _ item: CURLINFO) -> Int {
        var value = 0
        return cw_getinfo_long(handle, item, &value) == CURLE_OK ? value : 0
    }

    func infoString(_ handle: UnsafeMutableRawPointer, _ item: CURLINFO) -> String? {
        var value: UnsafeMutablePointer<CChar>?
        guard cw_getinfo_string(handle, item, &value) == CURLE_OK, let value else { return nil }
        return String(cString: value)
    }
}

/// libcurl's process-wide setup.
enum CurlGlobal {
    /// curl_global_init is not thread-safe; a Swift static `let` runs its initialiser exactly once.
    static let initialized: Bool = cw_global_init() == CURLE_OK
}
