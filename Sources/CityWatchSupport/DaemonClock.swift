import Foundation
import Synchronization

/// Time as the scheduler sees it: wall-clock instants and a cancellable sleep (a test clock replaces both).
///
/// Named `DaemonClock` so it does not shadow the standard library's `Clock` protocol.
package protocol DaemonClock: Sendable {
    /// The current instant.
    var now: Date { get }
    /// Suspends until `deadline`; throws `CancellationError` when the task is cancelled first.
    func sleep(until deadline: Date) async throws
}

/// The real clock: `Date()` and `Task.sleep`, so an idle daemon is suspended, not spinning.
package struct SystemClock: DaemonClock {
    package init() {}

    package var now: Date { Date() }

    package func sleep(until deadline: Date) async throws {
        let seconds = deadline.timeIntervalSinceNow
        if seconds > 0 { try await Task.sleep(for: .milliseconds(Int64((seconds * 1000).rounded(.up)))) }
        try Task.checkCancellation()
    }
}

/// A clock that only moves when a test advances it; sleepers wake when their deadline is passed.
package final class ManualClock: DaemonClock, Sendable {
    private struct Sleeper {
        var deadline: Date
        var continuation: CheckedContinuation<Void, Error>
    }
    private struct State {
        var now: Date
        var sleepers: [UInt64: Sleeper] = [:]
        var nextID: UInt64 = 0
    }
    private let state: Mutex<State>

    /// Starts at `start` (a fixed instant by default, so tests are reproducible).
    package init(start: Date = Date(timeIntervalSince1970: 1_800_000_000)) {
        state = Mutex(State(now: start))
    }

    package var now: Date { state.withLock { $0.now } }

    /// How many tasks are sleeping on this clock (a test waits for this to know the scheduler is idle).
    package var sleeperCount: Int { state.withLock { $0.sleepers.count } }

    /// The earliest deadline anyone sleeps until.
    package var nextDeadline: Date? { state.withLock { $0.sleepers.values.map(\.deadline).min() } }

    package func sleep(until deadline: Date) async throws {
        let id = state.withLock { state -> UInt64 in
            state.nextID += 1
            return state.nextID
        }
        try await withTaskCancellationHandler {
            try await withCheckedThrowingContinuation { (continuation: CheckedContinuation<Void, Error>) in
                let resume: Result<Void, Error>? = state.withLock { state in
                    if Task.isCancelled { return .failure(CancellationError()) }
                    if deadline <= state.now { return .success(()) }
                    state.sleepers[id] = Sleeper(deadline: deadline, continuation: continuation)
                    return nil
                }
                if let resume { continuation.resume(with: resume) }
            }
        } onCancel: {
            let sleeper = state.withLock { $0.sleepers.removeValue(forKey: id) }
            sleeper?.continuation.resume(throwing: CancellationError())
        }
    }

    /// Moves time forward and wakes every sleeper whose deadline has come.
    package func advance(by seconds: TimeInterval) {
        advance(to: now.addingTimeInterval(seconds))
    }

    /// Moves time to `instant` (never backwards) and wakes every sleeper whose deadline has come.
    package func advance(to instant: Date) {
        let due = state.withLock { state -> [Sleeper] in
            state.now = max(state.now, instant)
            let ready = state.sleepers.filter { $0.value.deadline <= state.now }
            for id in ready.keys { state.sleepers.removeValue(forKey: id) }
            return Array(ready.values)
        }
        for sleeper in due { sleeper.continuation.resume() }
    }
}
