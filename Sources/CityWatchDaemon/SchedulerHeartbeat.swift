import Foundation
import Synchronization

/// The scheduler's proof of life for `/healthz`: the daemon records a beat each time the scheduler's actor answers.
package final class SchedulerHeartbeat: Sendable {
    private let last = Mutex<Date?>(nil)

    package init() {}

    /// Records a beat at `time`.
    package func beat(at time: Date = Date()) { last.withLock { $0 = time } }

    /// The last beat; nil before the scheduler first answered.
    package var lastBeat: Date? { last.withLock { $0 } }

    /// How often the daemon beats, and the age past which `/healthz` reports the scheduler stuck.
    package static let interval: Duration = .seconds(5)
    package static let staleAfter: TimeInterval = 60
}

extension Daemon {
    /// Beats the heartbeat each time the scheduler's actor answers, until cancelled.
    func beatHeartbeat() async {
        while !Task.isCancelled {
            await scheduler.ping()
            heartbeat.beat(at: clock.now)
            try? await Task.sleep(for: SchedulerHeartbeat.interval)
        }
    }
}
