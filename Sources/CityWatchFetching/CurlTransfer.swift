import CCurl
import Foundation
import Synchronization

/// One libcurl transfer, run by the process's `TransferEngine`: `begin` makes its easy handle, the engine
/// moves its bytes, `finish` reads the outcome, `complete` hands it to whoever waits.
///
/// The mutable state is touched only by the engine's thread (in `begin`, `finish` and the C callbacks);
/// `cancel()` may be called from any thread: it sets an atomic flag and wakes the engine, which drops the
/// transfer at once, which is why the class can be `@unchecked Sendable`.
final class CurlTransfer: @unchecked Sendable {
    typealias Outcome = Result<FetchResponse, FetchError>
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
    /// What libcurl holds a pointer to while the easy handle lives: released in `finish`, after curl_easy_cleanup.
    private var errorBuffer: UnsafeMutablePointer<CChar>?
    private var headerList: UnsafeMutablePointer<curl_slist>?
    private var retained: Unmanaged<CurlTransfer>?
    /// Called once with the outcome.
    private let completion = Mutex<(@Sendable (Outcome) -> Void)?>(nil)

    init(request: FetchRequest, userAgent: String) {
        self.request = request
        self.userAgent = userAgent
    }

    /// Asks the transfer to stop: the engine wakes at once and the callbacks refuse to go on.
    func cancel() {
        cancelled.store(true, ordering: .relaxed)
        TransferEngine.shared.wake()
    }

    var isCancelled: Bool { cancelled.load(ordering: .relaxed) }

    var isFile: Bool { request.scheme == "file" }

    /// Performs the transfer on the process's engine and waits for its outcome.
    func run() async -> Outcome {
        await withCheckedContinuation { (continuation: CheckedContinuation<Outcome, Never>) in
            completion.withLock { $0 = { continuation.resume(returning: $0) } }
            TransferEngine.shared.submit(self)
        }
    }

    /// Hands the outcome to the waiting caller, once.
    func complete(_ outcome: Outcome) {
        let done = completion.withLock { completion in
            defer { completion = nil }
            return completion
        }
        done?(outcome)
    }

    /// Makes and configures the easy handle (on the engine's thread), or says why the transfer cannot start.
    func begin(share: UnsafeMutableRawPointer?) -> Result<UnsafeMutableRawPointer, FetchError> {
        if isCancelled { return .failure(cancelledError) }
        if isFile, let why = request.access.fileRefusal(request.url) {
            return .failure(FetchError(kind: .refused, message: "refused \(request.url): \(why)"))
        }
        guard let handle = curl_easy_init() else {
            return .failure(FetchError(kind: .other, message: "libcurl could not create a transfer"))
        }
        let buffer = UnsafeMutablePointer<CChar>.allocate(capacity: Int(CURL_ERROR_SIZE))
        buffer.initialize(repeating: 0, count: Int(CURL_ERROR_SIZE))
        // The callbacks reach `self` unretained: this reference keeps it alive until `finish`.
        let unmanaged = Unmanaged.passRetained(self)
        self.handle = handle
        errorBuffer = buffer
        retained = unmanaged
        configure(handle, context: unmanaged.toOpaque(), errorBuffer: buffer, headerList: &headerList)
        if let share { _ = cw_setopt_pointer(handle, CURLOPT_SHARE, share) }
        return .success(handle)
    }

    /// Reads the outcome of a transfer libcurl ended with `code` (it has left the multi handle), then frees
    /// the easy handle and what it pointed to.
    func finish(_ code: CURLcode) -> Outcome {
        guard let handle else { return .failure(cancelledError) }
        defer {
            curl_easy_cleanup(handle)
            self.handle = nil
            curl_slist_free_all(headerList)
            headerList = nil
            errorBuffer?.deallocate()
            errorBuffer = nil
            retained?.release()
            retained = nil
        }
        let status = isFile ? 200 : Int(info(handle, CURLINFO_RESPONSE_CODE))
        let finalURL = infoString(handle, CURLINFO_EFFECTIVE_URL) ?? request.url
        let response = FetchResponse(status: status, finalURL: finalURL, headers: headers,
                                     body: status == 304 ? Data() : body)
        let isSuccess = (200..<300).contains(status) || status == 304
        if code != CURLE_OK {
            // A refused error page is reported by its status, not by its size.
            if overCap, status >= 400, !isCancelled { return .failure(.httpStatus(response)) }
            let detail = errorBuffer.map { String(cString: $0) } ?? ""
            let target = infoString(handle, CURLINFO_REDIRECT_URL) ?? locationOfLastResponse
            let osError = info(handle, CURLINFO_OS_ERRNO)
            return .failure(error(for: code, detail: detail, redirectURL: target, osError: Int32(truncatingIfNeeded: osError)))
        }
        return isSuccess ? .success(response) : .failure(.httpStatus(response))
    }

    // MARK: - Callbacks (called on the engine's thread)

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
        if count > 0, let target = NetworkAddress(bytes: Array(raw[0..<count])), refuses(target) {
            return CURL_SOCKET_BAD
        }
        return cw_socket_cloexec(address.pointee.family, address.pointee.socktype, address.pointee.protocol)
    }

    /// Checks the address of the connection a request is about to be sent on, new or reused: a reused
    /// connection never passed through `openSocket`, and may have been opened for a feed the config trusts.
    func beforeRequest(primaryIP: UnsafePointer<CChar>?) -> Bool {
        guard let primaryIP, primaryIP.pointee != 0, let target = NetworkAddress(String(cString: primaryIP)) else { return true }
        return !refuses(target)
    }

    /// Whether the access rules refuse a connection to `target` for the current hop; the first refusal is kept.
    private func refuses(_ target: NetworkAddress) -> Bool {
        let hop = handle.flatMap { infoString($0, CURLINFO_EFFECTIVE_URL) } ?? request.url
        guard let why = request.access.refusal(connecting: target, for: hop) else { return false }
        if refusedConnection == nil { refusedConnection = (hop, why) }
        return true
    }

    /// Takes one header line (`HeaderLine` reads it); a status line starts a new response (after a redirect or a
    /// 100 Continue).
    func receivedHeader(_ bytes: UnsafeRawPointer?, count: Int) {
        guard let bytes, count > 0 else { return }
        switch HeaderLine(UnsafeBufferPointer(start: bytes.assumingMemoryBound(to: UInt8.self), count: count)) {
        case .status(let code):
            headers = [:]
            if code >= 200, let handle, let url = infoString(handle, CURLINFO_EFFECTIVE_URL) {
                responseURLs.append(url)
            }
        case .field(let name, let value):
            headers[name] = value
        case .none:
            break
        }
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
