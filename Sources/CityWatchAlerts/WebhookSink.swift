import Foundation
import Logging
import CityWatchSupport
import CityWatchFetching
import CityWatchKnowledge

/// The alerts waiting for the webhook: the store's outbox (a protocol so tests can use a list).
package protocol WebhookOutbox: Sendable {
    /// Alerts the webhook has not taken yet, oldest first.
    func pendingWebhookAlerts(limit: Int) throws -> [OutboxEntry]
    /// Records a delivery, or one more failed attempt and when the next one is due.
    func recordWebhook(seq: Int64, delivered: Bool, next: Date?) throws
}

extension KnowledgeStore: WebhookOutbox {}

/// POSTs each alert as JSON to `[alerts] webhook`, oldest first, retrying with backoff until the endpoint takes it.
///
/// It works from the outbox, so an alert committed before a crash or restart is still delivered; it runs beside
/// the polls and the log, so a slow or dead endpoint never holds up either.
package struct WebhookSink: Sendable {
    /// One HTTP transfer (the Fetcher in production).
    package typealias Send = @Sendable (FetchRequest) async throws -> FetchResponse

    let outbox: any WebhookOutbox
    let url: @Sendable () -> String?
    let token: String?
    let send: Send
    let clock: any DaemonClock
    let logger: Logger
    /// The first retry delay; each consecutive failure doubles it up to `maxDelay`.
    let baseDelay: TimeInterval
    let maxDelay: TimeInterval

    /// `url` is read before each delivery, so a reloaded config applies without a restart.
    package init(outbox: any WebhookOutbox, url: @escaping @Sendable () -> String?, token: String?,
                send: @escaping Send = { request in try await Fetcher().fetch(request) },
                clock: any DaemonClock = SystemClock(), logger: Logger = Logger(label: "citywatch.webhook"),
                baseDelay: TimeInterval = 30, maxDelay: TimeInterval = 3600) {
        self.outbox = outbox
        self.url = url
        self.token = token
        self.send = send
        self.clock = clock
        self.logger = logger
        self.baseDelay = baseDelay
        self.maxDelay = maxDelay
    }

    /// The bearer token: `$CITYWATCH_WEBHOOK_TOKEN`, else the systemd credential `webhook-token`, else none.
    package static func token(environment: [String: String] = ProcessInfo.processInfo.environment) -> String? {
        if let token = environment["CITYWATCH_WEBHOOK_TOKEN"]?.trimmingCharacters(in: .whitespacesAndNewlines),
           !token.isEmpty {
            return token
        }
        guard let directory = environment["CREDENTIALS_DIRECTORY"], !directory.isEmpty,
              let data = FileManager.default.contents(atPath: directory + "/webhook-token") else { return nil }
        let token = String(decoding: data, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
        return token.isEmpty ? nil : token
    }

    /// What one delivery round did.
    package struct Round: Sendable, Equatable {
        package var delivered = 0
        /// Why the round stopped early (the endpoint failed); nil when the outbox is empty.
        package var failure: String?
    }

    /// Delivers pending alerts in order until the outbox is empty or the endpoint fails.
    package func deliverPending(batch: Int = 100) async -> Round {
        var round = Round()
        guard let target = url() else { return round }
        while !Task.isCancelled {
            let pending: [OutboxEntry]
            do {
                pending = try outbox.pendingWebhookAlerts(limit: batch)
            } catch {
                round.failure = "cannot read the outbox: \(error)"
                return round
            }
            guard !pending.isEmpty else { return round }
            for entry in pending {
                do {
                    _ = try await send(request(for: entry, to: target))
                    try outbox.recordWebhook(seq: entry.seq, delivered: true, next: nil)
                    round.delivered += 1
                } catch {
                    if Task.isCancelled { return round }
                    round.failure = (error as? FetchError)?.message ?? "\(error)"
                    return round
                }
            }
        }
        return round
    }

    /// The POST for one alert: its log line as the JSON body.
    func request(for entry: OutboxEntry, to url: String) -> FetchRequest {
        var headers = ["Content-Type": "application/json", "X-Citywatch-Alert-Id": entry.alertID]
        if let token { headers["Authorization"] = "Bearer \(token)" }
        return FetchRequest(url: url, method: "POST", body: Data(entry.line.utf8), headers: headers, timeout: 30,
                            maxBytes: 65_536, maxRedirects: 0)
    }

    /// Delivers whenever `wake` signals (new alerts) and retries failures with backoff, until cancelled.
    package func run(wake: WakeSignal) async {
        var failures = 0
        while !Task.isCancelled {
            let round = await deliverPending()
            if round.delivered > 0 { logger.info("webhook: delivered \(round.delivered) alert(s)") }
            guard let failure = round.failure else {
                if failures > 0 { logger.notice("webhook: delivering again after \(failures) failed attempt(s)") }
                failures = 0
                await wake.wait()
                continue
            }
            failures += 1
            let delay = min(baseDelay * pow(2, Double(min(failures - 1, 20))), maxDelay)
            let next = clock.now.addingTimeInterval(delay)
            if let first = try? outbox.pendingWebhookAlerts(limit: 1).first {
                try? outbox.recordWebhook(seq: first.seq, delivered: false, next: next)
            }
            // Once per outage at warning level; the retries in between are not news.
            if failures == 1 {
                logger.warning("webhook failed: \(failure); alerts stay queued and are retried with backoff")
            } else {
                logger.debug("webhook attempt \(failures) failed: \(failure); next at \(UTCTime.string(next))")
            }
            // New alerts do not cut the backoff short: they wait in the outbox with the others.
            try? await clock.sleep(until: next)
        }
    }
}
