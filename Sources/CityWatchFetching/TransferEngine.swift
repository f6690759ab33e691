import CCurl
import Foundation
import Synchronization

/// The one libcurl multi handle every fetch of the process goes through, driven by one long-lived thread.
///
/// Connections stay open between transfers and are reused (by feeds on one host, by a feed and its pages),
/// DNS answers and TLS sessions are cached and shared, HTTP/2 streams share a connection where the server
/// offers it, and at most `maxHostConnections` connections are open to one host. No transfer gets a thread of
/// its own: the engine's thread runs every transfer's callbacks, so a transfer's state is touched by it alone.
///
/// A reused connection skips the socket-opening callback where the access rules are checked, so each request
/// is checked again on its connection's address just before it is sent (`CURLOPT_PREREQFUNCTION`): a
/// connection opened for a feed the config trusts is never lent to a link that may not reach that address.
final class TransferEngine: Sendable {
    /// The process's engine; its thread starts with the first transfer.
    static let shared = TransferEngine()

    /// Open connections to one host, at most (feeds and pages each keep to two transfers per host besides).
    static let maxHostConnections = 4
    /// Idle connections kept for reuse.
    static let maxConnections = 64

    /// The CURLM and CURLSH pointers; only `curl_multi_wakeup` is called on the multi handle from other threads,
    /// which libcurl allows, and the share handle is used only by the engine's thread.
    private struct Handles: @unchecked Sendable {
        let multi: UnsafeMutableRawPointer
        let share: UnsafeMutableRawPointer?
    }

    private let handles: Handles?
    /// Transfers handed in and not yet added to the multi handle; whether the thread runs.
    private let inbox = Mutex<(transfers: [CurlTransfer], started: Bool)>(([], false))

    private init() {
        guard CurlGlobal.initialized, let multi = curl_multi_init() else {
            handles = nil
            return
        }
        _ = cw_multi_setopt_long(multi, CURLMOPT_PIPELINING, Int(CURLPIPE_MULTIPLEX))
        _ = cw_multi_setopt_long(multi, CURLMOPT_MAX_HOST_CONNECTIONS, Self.maxHostConnections)
        _ = cw_multi_setopt_long(multi, CURLMOPT_MAXCONNECTS, Self.maxConnections)
        // The multi handle already shares connections and DNS answers among its transfers; TLS sessions need
        // a share handle. One thread uses it, so it needs no lock functions.
        let share = curl_share_init()
        if let share {
            _ = cw_share_setopt_long(share, CURLSHOPT_SHARE, Int(CURL_LOCK_DATA_SSL_SESSION.rawValue))
            _ = cw_share_setopt_long(share, CURLSHOPT_SHARE, Int(CURL_LOCK_DATA_DNS.rawValue))
        }
        handles = Handles(multi: multi, share: share)
    }

    /// Hands a transfer to the engine; `completion` is called once, on the engine's thread, when it ends.
    func submit(_ transfer: CurlTransfer) {
        guard let handles else {
            transfer.complete(.failure(FetchError(kind: .other, message: "libcurl could not be initialised")))
            return
        }
        let start = inbox.withLock { inbox -> Bool in
            inbox.transfers.append(transfer)
            defer { inbox.started = true }
            return !inbox.started
        }
        if start {
            let thread = Thread { [self] in run(handles) }
            thread.name = "citywatch-curl"
            thread.start()
        } else {
            _ = curl_multi_wakeup(handles.multi)
        }
    }

    /// Wakes the engine's thread (a transfer was cancelled).
    func wake() {
        if let handles { _ = curl_multi_wakeup(handles.multi) }
    }

    /// The engine's loop: adds what was handed in, drops what was cancelled, moves bytes, finishes what is done.
    private func run(_ handles: Handles) {
        let multi = handles.multi
        var active: [UnsafeMutableRawPointer: CurlTransfer] = [:]
        while true {
            for transfer in inbox.withLock({ inbox in defer { inbox.transfers = [] }; return inbox.transfers }) {
                switch transfer.begin(share: handles.share) {
                case .failure(let error):
                    transfer.complete(.failure(error))
                case .success(let easy):
                    if curl_multi_add_handle(multi, easy) == CURLM_OK {
                        active[easy] = transfer
                    } else {
                        transfer.complete(transfer.finish(CURLE_FAILED_INIT))
                    }
                }
            }
            for (easy, transfer) in active where transfer.isCancelled {
                active[easy] = nil
                curl_multi_remove_handle(multi, easy)
                transfer.complete(transfer.finish(CURLE_ABORTED_BY_CALLBACK))
            }
            var running: Int32 = 0
            _ = curl_multi_perform(multi, &running)
            var remaining: Int32 = 0
            while let message = curl_multi_info_read(multi, &remaining) {
                guard message.pointee.msg == CURLMSG_DONE, let easy = message.pointee.easy_handle else { continue }
                // The message is freed by curl_multi_remove_handle: its result is read first.
                let code = message.pointee.data.result
                guard let transfer = active.removeValue(forKey: easy) else { continue }
                curl_multi_remove_handle(multi, easy)
                transfer.complete(transfer.finish(code))
            }
            // libcurl shortens the wait to its own next timeout; a new or cancelled transfer wakes it at once.
            _ = curl_multi_poll(multi, nil, 0, active.isEmpty ? 60_000 : 1_000, nil)
        }
    }
}
