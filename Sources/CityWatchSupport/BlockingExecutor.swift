import Foundation
import Synchronization

/// Threads of their own for the work that blocks: parsing a feed or a page, extraction, the store's writes and the
/// alert log's fsync. `await BlockingExecutor.shared.run { … }` runs the closure on one of them and resumes the
/// caller when it is done, so the cooperative pool (the scheduler, the watchdog ping, the dashboard, signal
/// handling) never waits behind a 20 MB page or a slow disk. Only the blocking parts go here (the awaits around
/// them, fetches among them, stay where they are), so each handoff is explicit and testable.
package final class BlockingExecutor: @unchecked Sendable {
    /// The process's one pool: as many threads as cores, at least two.
    package static let shared = BlockingExecutor(threads: max(2, ProcessInfo.processInfo.activeProcessorCount))

    /// Jobs waiting, from `head` on; a slot is emptied when its job is taken, so what a job captured (a page's
    /// bytes) is released as soon as it has run. Guarded by `ready`, which the threads wait on.
    private var jobs: [(@Sendable () -> Void)?] = []
    private var head = 0
    private let ready = NSCondition()
    /// The threads' ids, for `runsOnCurrentThread`.
    private let threadIDs = Mutex(Set<UInt>())

    package init(threads: Int) {
        for index in 0..<max(1, threads) {
            // The threads keep their executor: it lives as long as the process.
            let thread = Thread { [self] in
                // Named for `top -H` (at most 15 bytes).
                Thread.current.name = "cw-blocking-\(index % 1000)"
                self.threadIDs.withLock { _ = $0.insert(UInt(pthread_self())) }
                self.work()
            }
            thread.start()
        }
    }

    /// Whether the calling code runs on one of this executor's threads.
    package func runsOnCurrentThread() -> Bool {
        let me = UInt(pthread_self())
        return threadIDs.withLock { $0.contains(me) }
    }

    /// Runs `body` on one of the threads and returns its result.
    package func run<T: Sendable>(_ body: @escaping @Sendable () -> T) async -> T {
        await withCheckedContinuation { (continuation: CheckedContinuation<T, Never>) in
            submit { continuation.resume(returning: body()) }
        }
    }

    /// The same, for a body that throws: its error comes back to the caller.
    package func run<T: Sendable>(_ body: @escaping @Sendable () throws -> T) async throws -> T {
        try await withCheckedThrowingContinuation { (continuation: CheckedContinuation<T, any Error>) in
            submit { continuation.resume(with: Result { try body() }) }
        }
    }

    private func submit(_ job: @escaping @Sendable () -> Void) {
        ready.lock()
        jobs.append(job)
        ready.signal()
        ready.unlock()
    }

    private func work() {
        while true {
            ready.lock()
            while head == jobs.count { ready.wait() }
            let job = jobs[head]
            jobs[head] = nil
            head += 1
            if head == jobs.count {
                jobs.removeAll(keepingCapacity: true); head = 0
            } else if head > 1024, head * 2 > jobs.count {
                jobs.removeFirst(head); head = 0
            }
            ready.unlock()
            job?()
        }
    }
}
