import Foundation
import CityWatchSupport
import CityWatchKnowledge
import CityWatchConfig

extension NotifierRunner {
    /// The digest: when its time has come, every eligible alert in one message, grouped by city.
    func deliverDigest(_ eligible: [(seq: Int64, alert: Alert, line: String)], interrupted: Set<Int64>,
                       schedule: DigestSchedule, state: NotifierState, now: Date, round: Round) async -> Round {
        var round = round
        let zone = TimeZone(identifier: entry.timezone) ?? TimeZone(identifier: "UTC")!
        // A digest interrupted by a crash (only left for an idempotent service) goes again at once, exactly as it
        // was: the same alerts give the same key, so the service keeps one copy.
        let resend = eligible.filter { interrupted.contains($0.seq) }
        if !resend.isEmpty {
            let message = NotifyMessage(digest: resend, schedule: schedule.description)
            guard await attempt(message, state: state, now: now, round: &round) else { return round }
            report(success: state, now: now)
            // That was this period's digest: newer alerts wait for the next one.
            try? store.setLastDigest(name, now)
            round.more = false
            round.nextDue = schedule.next(after: now, timeZone: zone)
            return round
        }
        let last = state.lastDigest.flatMap(UTCTime.date) ?? now
        let due = schedule.next(after: last, timeZone: zone)
        guard due <= now else {
            round.nextDue = min(round.nextDue ?? due, due)
            round.more = false
            return round
        }
        let next = schedule.next(after: now, timeZone: zone)
        guard !eligible.isEmpty else {
            try? store.setLastDigest(name, now)
            round.nextDue = min(round.nextDue ?? next, next)
            return round
        }
        // A long backlog goes out over several digests rather than as one enormous message.
        let message = NotifyMessage(digest: Array(eligible.prefix(200)), schedule: schedule.description)
        guard await attempt(message, state: state, now: now, round: &round) else { return round }
        if eligible.count <= 200 && !round.more {
            try? store.setLastDigest(name, now)
            round.nextDue = min(round.nextDue ?? next, next)
        } else {
            round.more = true
        }
        report(success: state, now: now)
        return round
    }

    /// Delivers at start, whenever `wake` signals (new alerts) and when something falls due, until cancelled.
    package func run(wake: WakeSignal, clock: any DaemonClock) async {
        recoverInterrupted(now: clock.now)
        if case .failure(let error) = notifier {
            logger.error("\(error.message)")
        }
        while !Task.isCancelled {
            let round = await deliverRound(now: clock.now)
            if round.delivered > 0 {
                logger.info("notifier \"\(name)\": delivered \(round.delivered) alert(s)")
                if round.more { continue }
            }
            // New alerts do not cut a backoff short: the round sees the retry time and waits on.
            await wake.wait(until: round.nextDue, clock: clock)
        }
    }

    /// `run --once`: settle interrupted sends, then one round (a Retry-After or backoff is recorded, never waited).
    package func deliverOnce(now: Date = Date()) async -> Round {
        recoverInterrupted(now: now)
        var total = Round()
        while true {
            let round = await deliverRound(now: now)
            total.delivered += round.delivered
            total.skipped += round.skipped
            total.held = round.held
            total.failure = round.failure
            total.nextDue = round.nextDue
            guard round.more, round.delivered > 0 else { return total }
        }
    }
}
