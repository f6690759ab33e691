import CCurl
import Foundation
import Synchronization

/// One libcurl easy transfer, run to completion by `run()` on a dedicated thread.
///
/// The mutable state is touched only by that thread (from inside `curl_easy_perform`, through the C
/// callbacks); `cancel()` may be called from any thread and only sets an atomic flag that the
/// callbacks read, which is why the class can be `@unchecked Sendable`.
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
    private var handle: UnsafeMutableRawPointer?

    init(request: FetchRequest, userAgent: String) {
        self.request = request
        self.userAgent = userAgent
    }

    /// Asks the transfer to stop; libcurl calls the progress callback at least once a second, so it does.
    func cancel() { cancelled.store(true, ordering: .relaxed) }

    var isCancelled: Bool { cancelled.load(ordering: .relaxed) }

    var isFile: Bool { request.scheme == "file" }

    /// Performs the transfer, blocking the calling thread until it ends.
    func run() -> Result<FetchResponse, FetchError> {
        guard CurlGlobal.initialized else {
            return .failure(FetchError(kind: .other, message: "libcurl could not be initialised"))
        }
        if isCancelled { return .failure(cancelledError) }
        let errorBuffer = UnsafeMutablePointer<CChar>.allocate(capacity: Int(CURL_ERROR_SIZE))
        errorBuffer.initialize(repeating: 0, count: Int(CURL_ERROR_SIZE))
        defer { errorBuffer.deallocate() }
        guard let handle = curl_easy_init() else {
            return .failure(FetchError(kind: .other, message: "libcurl could not create a transfer"))
        }
        self.handle = handle
        defer { curl_easy_cleanup(handle); self.handle = nil }
        // The callbacks reach `self` through this pointer; the retain keeps it alive until cleanup is done.
        let unmanaged = Unmanaged.passRetained(self)
        defer { unmanaged.release() }
        var headerList: UnsafeMutablePointer<curl_slist>?
        defer { curl_slist_free_all(headerList) }

        configure(handle, context: unmanaged.toOpaque(), errorBuffer: errorBuffer, headerList: &headerList)
        let code = curl_easy_perform(handle)
        let status = isFile ? 200 : Int(info(handle, CURLINFO_RESPONSE_CODE))
        let finalURL = infoString(handle, CURLINFO_EFFECTIVE_URL) ?? request.url
        let response = FetchResponse(status: status, finalURL: finalURL, headers: headers,
                                     body: status == 304 ? Data() : body)
        let isSuccess = (200..<300).contains(status) || status == 304
        if code != CURLE_OK {
            // A refused error page is reported by its status, not by its size.
            if overCap, status >= 400, !isCancelled { return .failure(.httpStatus(response)) }
            let detail = String(cString: errorBuffer)
            return .failure(error(for: code, detail: detail, redirectURL: infoString(handle, CURLINFO_REDIRECT_URL)))
        }
        return isSuccess ? .success(response) : .failure(.httpStatus(response))
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
