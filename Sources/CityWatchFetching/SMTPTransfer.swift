import CCurl
import Foundation
import CityWatchSupport

/// One e-mail handed to an SMTP server by libcurl: smtps:// (TLS from the start) or smtp:// upgraded with STARTTLS
/// (required: CURLUSESSL_ALL), AUTH when a username is given, the message uploaded through the read callback.
package final class SMTPTransfer: @unchecked Sendable {
    package struct Settings: Sendable {
        var url: String
        var from: String
        var recipients: [String]
        var username: String?
        var password: String?
        var caFile: String?
        var timeout: TimeInterval = 60

        package init(url: String, from: String, recipients: [String], username: String? = nil, password: String? = nil,
                     caFile: String? = nil, timeout: TimeInterval = 60) {
            self.url = url
            self.from = from
            self.recipients = recipients
            self.username = username
            self.password = password
            self.caFile = caFile
            self.timeout = timeout
        }
    }

    let settings: Settings
    private let payload: [UInt8]
    private var offset = 0
    /// The server's reply lines, as libcurl passes them to the header callback.
    private(set) var replies: [String] = []

    init(settings: Settings, message: String) {
        self.settings = settings
        self.payload = Array(message.utf8)
    }

    /// Sends the message on a thread of its own (libcurl blocks); the reply is the server's last answer (250 ...).
    package static func send(_ settings: Settings, message: String) async throws -> NotifyReply {
        let transfer = SMTPTransfer(settings: settings, message: message)
        let result = await withCheckedContinuation { (continuation: CheckedContinuation<Result<NotifyReply, FetchError>, Never>) in
            let thread = Thread { continuation.resume(returning: transfer.run()) }
            thread.name = "citywatch-smtp"
            thread.start()
        }
        return try result.get()
    }

    func run() -> Result<NotifyReply, FetchError> {
        guard CurlGlobal.initialized, let handle = curl_easy_init() else {
            return .failure(FetchError(kind: .other, message: "libcurl could not create a transfer"))
        }
        let errorBuffer = UnsafeMutablePointer<CChar>.allocate(capacity: Int(CURL_ERROR_SIZE))
        errorBuffer.initialize(repeating: 0, count: Int(CURL_ERROR_SIZE))
        defer { errorBuffer.deallocate() }
        var recipients: UnsafeMutablePointer<curl_slist>?
        defer { curl_slist_free_all(recipients) }
        let unmanaged = Unmanaged.passRetained(self)
        defer { unmanaged.release() }
        defer { curl_easy_cleanup(handle) }

        _ = cw_setopt_string(handle, CURLOPT_URL, settings.url)
        _ = cw_setopt_string(handle, CURLOPT_PROTOCOLS_STR, "smtp,smtps")
        _ = cw_setopt_pointer(handle, CURLOPT_ERRORBUFFER, errorBuffer)
        _ = cw_setopt_long(handle, CURLOPT_NOSIGNAL, 1)
        _ = cw_setopt_long(handle, CURLOPT_TIMEOUT_MS, Int(settings.timeout * 1000))
        _ = cw_setopt_long(handle, CURLOPT_CONNECTTIMEOUT_MS, 15_000)
        // smtp:// must upgrade with STARTTLS or fail: the password and the message never cross in the clear.
        _ = cw_setopt_long(handle, CURLOPT_USE_SSL, Int(CURLUSESSL_ALL.rawValue))
        if let caFile = settings.caFile { _ = cw_setopt_string(handle, CURLOPT_CAINFO, caFile) }
        if let username = settings.username { _ = cw_setopt_string(handle, CURLOPT_USERNAME, username) }
        if let password = settings.password { _ = cw_setopt_string(handle, CURLOPT_PASSWORD, password) }
        _ = cw_setopt_string(handle, CURLOPT_MAIL_FROM, "<\(Self.address(settings.from))>")
        for recipient in settings.recipients {
            recipients = curl_slist_append(recipients, "<\(Self.address(recipient))>")
        }
        _ = cw_setopt_slist(handle, CURLOPT_MAIL_RCPT, recipients)
        _ = cw_setopt_long(handle, CURLOPT_UPLOAD, 1)
        _ = cw_setopt_off(handle, CURLOPT_INFILESIZE_LARGE, curl_off_t(payload.count))
        let context = unmanaged.toOpaque()
        _ = cw_setopt_read_function(handle) { buffer, size, count, context in
            Unmanaged<SMTPTransfer>.fromOpaque(context!).takeUnretainedValue().read(into: buffer, capacity: size * count)
        }
        _ = cw_setopt_pointer(handle, CURLOPT_READDATA, context)
        _ = cw_setopt_header_function(handle) { data, size, count, context in
            Unmanaged<SMTPTransfer>.fromOpaque(context!).takeUnretainedValue().reply(data, count: size * count)
            return size * count
        }
        _ = cw_setopt_pointer(handle, CURLOPT_HEADERDATA, context)

        let code = curl_easy_perform(handle)
        var status = 0
        _ = cw_getinfo_long(handle, CURLINFO_RESPONSE_CODE, &status)
        let last = replies.last ?? ""
        if code == CURLE_OK {
            return .success(NotifyReply(status: status, firstLine: last))
        }
        let detail = String(cString: errorBuffer)
        let why = detail.isEmpty ? String(cString: curl_easy_strerror(code)) : detail
        let kind: FetchError.Kind
        switch code {
        case CURLE_COULDNT_CONNECT, CURLE_COULDNT_RESOLVE_HOST, CURLE_SEND_ERROR, CURLE_RECV_ERROR, CURLE_GOT_NOTHING: kind = .connect
        case CURLE_OPERATION_TIMEDOUT: kind = .timeout
        case CURLE_LOGIN_DENIED, CURLE_USE_SSL_FAILED, CURLE_SSL_CONNECT_ERROR, CURLE_PEER_FAILED_VERIFICATION: kind = .tls
        default: kind = .other
        }
        let answer = last.isEmpty ? "" : " (the server said: \(last))"
        // 4xx SMTP replies are temporary (try later), 5xx permanent; both are retried with backoff.
        return .failure(FetchError(kind: kind, message: "smtp \(status > 0 ? "\(status) " : "")from \(host): \(why)\(answer)",
                                   status: status > 0 ? status : nil, reply: last.isEmpty ? nil : last))
    }

    private var host: String { URL(string: settings.url)?.host ?? settings.url }

    /// Copies the next piece of the message into libcurl's buffer; 0 at the end.
    func read(into buffer: UnsafeMutablePointer<CChar>?, capacity: Int) -> Int {
        guard let buffer, offset < payload.count else { return 0 }
        let count = min(capacity, payload.count - offset)
        payload.withUnsafeBufferPointer { bytes in
            UnsafeMutableRawPointer(buffer).copyMemory(from: bytes.baseAddress! + offset, byteCount: count)
        }
        offset += count
        return count
    }

    func reply(_ bytes: UnsafeRawPointer?, count: Int) {
        guard let bytes, count > 0 else { return }
        let line = String(decoding: UnsafeRawBufferPointer(start: bytes, count: count), as: UTF8.self)
            .trimmingCharacters(in: .whitespacesAndNewlines)
        if !line.isEmpty { replies.append(String(ControlCharacters.clean(line).prefix(200))) }
    }

    /// The bare address of "Desk <desk@example.org>".
    package static func address(_ text: String) -> String {
        if let open = text.lastIndex(of: "<"), let close = text.lastIndex(of: ">"), open < close {
            return String(text[text.index(after: open)..<close]).trimmingCharacters(in: .whitespaces)
        }
        return text.trimmingCharacters(in: .whitespaces)
    }
}
