import Foundation
import Logging
import CityWatchSupport
import CityWatchFetching
import CityWatchKnowledge
import CityWatchConfig

/// Delivers the outbox to one `[[notify]]` entry, as `WebhookSink` does for `[alerts] webhook`, generalised: its own
/// delivered state per alert, filters, digests, backoff that honours Retry-After, and crash safety.
///
/// Crash safety: an alert is marked "sending" before the send and "sent" after. A "sending" mark found at start
/// means the process died in between: the alert may or may not have arrived, so it is never sent again (marked
/// "uncertain"), except to a service where a repeat cannot post twice (Matrix: the transaction id is stable).
package struct NotifierRunner: Sendable {
    package let entry: Config.Notify
    /// The notifier, or why it cannot be built (a missing secret): then every attempt fails with that message.
    let notifier: Result<any Notifier, SecretError>
    let store: KnowledgeStore
    let logger: Logger
    /// The first retry delay; each consecutive failure doubles it up to `maxDelay`.
    var baseDelay: TimeInterval = 30
    var maxDelay: TimeInterval = 3600
    /// Alerts still short of `min_sources` are set aside after this long.
    var holdLimit: TimeInterval = 7 * 86_400
    /// How often alerts held for more sources are looked at again.
    var recheck: TimeInterval = 900
    /// Tests: stop right after a successful send, before recording it (a crash at the worst moment).
    var interruptAfterSend = false

    package init(entry: Config.Notify, notifier: Result<any Notifier, SecretError>, store: KnowledgeStore,
                logger: Logger = Logger(label: "citywatch.notify"), baseDelay: TimeInterval = 30, maxDelay: TimeInterval = 3600) {
        self.entry = entry
        self.notifier = notifier
        self.store = store
        self.logger = logger
        self.baseDelay = baseDelay
        self.maxDelay = maxDelay
    }

    /// The runner for a config entry, its secret read from `environment`.
    package static func make(_ entry: Config.Notify, store: KnowledgeStore, logger: Logger,
                            environment: [String: String] = ProcessInfo.processInfo.environment) -> NotifierRunner {
        NotifierRunner(entry: entry, notifier: Notifiers.make(entry, environment: environment), store: store, logger: logger)
    }

    package var name: String { entry.name }

    /// Records each notifier before the first poll of a run, so its queue starts with the alerts of this run:
    /// a notifier added to an existing installation is not flooded with the alerts raised before it existed.
    package static func register(_ entries: [Config.Notify], store: KnowledgeStore, now: Date = Date()) {
        for entry in entries { _ = try? store.registerNotifier(name: entry.name, type: entry.service.rawValue, now: now) }
    }

    /// What one round did.
    package struct Round: Sendable, Equatable {
        package var delivered = 0
        package var skipped = 0
        /// Alerts waiting for more independent sources.
        package var held = 0
        /// Why the round failed; nil when it did not.
        package var failure: String?
        /// When to look again (a retry, the next digest, a recheck of held alerts); nil: at the next alert.
        package var nextDue: Date?
        /// More alerts are waiting than one round takes.
        package var more = false
    }

    /// Settles sends that a crash interrupted; returns how many were set aside as uncertain.
    @discardableResult
    package func recoverInterrupted(now: Date = Date()) -> Int {
        guard let state = try? store.registerNotifier(name: name, type: entry.service.rawValue, now: now) else { return 0 }
        _ = state
        let idempotent = (try? notifier.get())?.idempotentRetries ?? false
        guard !idempotent, let pending = try? store.pendingNotify(name, limit: 10_000) else { return 0 }
        let interrupted = pending.filter { $0.state == "sending" }.map(\.entry.seq)
        guard !interrupted.isEmpty else { return 0 }
        try? store.markNotify(name, seqs: interrupted, state: "uncertain", now: now)
        logger.warning("notifier \"\(name)\": \(interrupted.count) alert(s) were being sent when citywatch stopped; not sent again, so they arrived at most once (they are in the alert log)")
        return interrupted.count
    }

    /// Delivers what is due: each eligible alert (or the digest, when its time has come), oldest first, until done
    /// or the service fails.
    package func deliverRound(now: Date = Date()) async -> Round {
        var round = Round()
        let state: NotifierState
        do {
            state = try store.registerNotifier(name: name, type: entry.service.rawValue, now: now)
        } catch {
            round.failure = "cannot read the knowledge store: \(error)"
            return round
        }
        if let next = state.nextAttempt.flatMap(UTCTime.date), next > now {
            round.nextDue = next
            round.failure = state.lastError
            return round
        }
        let batch = 1000
        let eligible: [(seq: Int64, alert: Alert, line: String)]
        var interrupted = Set<Int64>()
        do {
            let pending = try store.pendingNotify(name, limit: batch)
            round.more = pending.count == batch
            interrupted = Set(pending.filter { $0.state == "sending" }.map(\.entry.seq))
            eligible = try sift(pending, now: now, round: &round)
        } catch {
            round.failure = "cannot read the knowledge store: \(error)"
            return round
        }
        if round.held > 0 { round.nextDue = now.addingTimeInterval(recheck) }
        if let digest = entry.digest {
            return await deliverDigest(eligible, interrupted: interrupted, schedule: digest, state: state, now: now, round: round)
        }
        for item in eligible {
            let message = NotifyMessage(alert: item.alert, seq: item.seq, line: item.line)
            guard await attempt(message, state: state, now: now, round: &round) else { return round }
        }
        if !eligible.isEmpty { report(success: state, now: now) }
        return round
    }

    /// Marks alerts the filters reject as skipped; returns the ones to send now (others wait for sources).
    func sift(_ pending: [NotifyEntry], now: Date, round: inout Round) throws -> [(seq: Int64, alert: Alert, line: String)] {
        var skipped: [Int64] = []
        var out: [(seq: Int64, alert: Alert, line: String)] = []
        for item in pending {
            guard let alert = Alert(line: item.entry.line), entry.accepts(alert) else {
                skipped.append(item.entry.seq)
                continue
            }
            if entry.minSources > 1, try store.sourceCount(for: alert) < entry.minSources {
                let age = UTCTime.date(item.created).map { now.timeIntervalSince($0) } ?? 0
                if age > holdLimit { skipped.append(item.entry.seq) } else { round.held += 1 }
                continue
            }
            out.append((item.entry.seq, alert, item.entry.line))
        }
        try store.markNotify(name, seqs: skipped, state: "skipped", now: now)
        round.skipped = skipped.count
        return out
    }

    /// Sends one message, recording before and after; false when it failed (the round stops).
    func attempt(_ message: NotifyMessage, state: NotifierState, now: Date, round: inout Round) async -> Bool {
        do {
            let notifier = try self.notifier.get()
            try store.markNotify(name, seqs: message.seqs, state: "sending", now: now)
            _ = try await notifier.send(message)
            if interruptAfterSend { round.failure = "interrupted"; return false }
            try store.markNotify(name, seqs: message.seqs, state: "sent", now: now)
            round.delivered += message.seqs.count
            return true
        } catch {
            try? store.markNotify(name, seqs: message.seqs, state: "failed", now: now)
            // Stopping (shutdown, reload) is no failure of the service: the alert is simply sent next time.
            if Task.isCancelled { round.failure = "cancelled"; return false }
            let failure = Self.describe(error)
            let next = now.addingTimeInterval(delay(after: state.consecutiveFailures + 1, retryAfter: (error as? FetchError)?.retryAfter))
            try? store.recordNotifyAttempt(name, error: failure, next: next, now: now)
            if state.consecutiveFailures == 0 {
                logger.warning("notifier \"\(name)\" (\(entry.service.rawValue)) is failing: \(failure); alerts stay queued and are retried with backoff (next at \(UTCTime.string(next))), reported again when it recovers")
            } else {
                logger.debug("notifier \"\(name)\" attempt \(state.consecutiveFailures + 1) failed: \(failure); next at \(UTCTime.string(next))")
            }
            round.failure = failure
            round.nextDue = next
            round.more = false
            return false
        }
    }

    /// Clears the failure count after a success, saying once that the notifier works again.
    func report(success state: NotifierState, now: Date) {
        try? store.recordNotifyAttempt(name, error: nil, next: nil, now: now)
        if state.consecutiveFailures > 0 {
            logger.notice("notifier \"\(name)\" recovered after \(state.consecutiveFailures) failed attempt\(state.consecutiveFailures == 1 ? "" : "s")")
        }
    }

    /// The wait before the next attempt: the server's Retry-After when it gave one, else exponential backoff.
    func delay(after failures: Int, retryAfter: TimeInterval?) -> TimeInterval {
        if let retryAfter { return min(max(1, retryAfter), 86_400) }
        return min(baseDelay * pow(2, Double(min(max(0, failures - 1), 20))), maxDelay)
    }

    /// A failure as one line: the status and what the server said.
    static func describe(_ error: any Error) -> String {
        guard let fetch = error as? FetchError else { return "\(error)" }
        if let reply = fetch.reply, !reply.isEmpty, !fetch.message.contains(reply) { return "\(fetch.message): \(reply)" }
        return fetch.message
    }
}
