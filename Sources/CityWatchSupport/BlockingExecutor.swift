import Foundation
import Synchronization

/// A task executor of its own threads for the work that blocks: parsing a feed or a page, extraction, the store's
/// writes and the alert log's fsync. A task run with this executor as its preference
/// (`BlockingExecutor.shared.run { … }`) does its synchronous work here, so the cooperative pool (the scheduler,
/// the watchdog ping, the dashboard, signal handling) never waits behind a 20 MB page or a slow disk.
package final class BlockingExecutor: TaskExecutor, @unchecked Sendable {
    /// The process's one executor: as many threads as cores, at least two.
    package static let shared = BlockingExecutor(threads: max(2, ProcessInfo.processInfo.activeProcessorCount))

    private struct Queue {
        var jobs: [UnownedJob] = []
        var head = 0
    }
    private let queue = Mutex(Queue())
    private let ready = NSCondition()
    private var pending = 0   // guarded by `ready`

    package init(threads: Int) {
        for index in 0..<max(1, threads) {
            let thread = Thread { [unowned self] in
                // Named for `top -H` and the journal's thread view (at most 15 bytes).
                Thread.current.name = "cw-blocking-\(index % 1000)"
                self.work()
            }
            thread.start()
        }
    }

    package func enqueue(_ job: consuming ExecutorJob) {
        let job = UnownedJob(job)
        queue.withLock { $0.jobs.append(job) }
        ready.lock()
        pending += 1
        ready.signal()
        ready.unlock()
    }

    /// Runs `body` with this executor as the task's preference: its synchronous parts run on these threads.
    /// (A preference applies at the task's next enqueue, so the task first yields: without it the body's first
    /// synchronous stretch could still run on the caller's thread.)
    package func run<T: Sendable>(_ body: @Sendable () async throws -> T) async rethrows -> T {
        try await withTaskExecutorPreference(self) {
            await Task.yield()
            return try await body()
        }
    }

    private func work() {
        while true {
            ready.lock()
            while pending == 0 { ready.wait() }
            pending -= 1
            ready.unlock()
            let job = queue.withLock { queue -> UnownedJob in
                let job = queue.jobs[queue.head]
                queue.head += 1
                if queue.head > 1024, queue.head * 2 > queue.jobs.count {
                    queue.jobs.removeFirst(queue.head); queue.head = 0
                }
                return job
            }
            job.runSynchronously(on: asUnownedTaskExecutor())
        }
    }
}
