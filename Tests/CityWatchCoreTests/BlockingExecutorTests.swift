import Foundation
import Testing
@testable import CityWatchSupport

@Suite struct BlockingExecutorTests {
    @Test func workRunsOnTheExecutorsOwnThreads() async {
        let executor = BlockingExecutor.shared
        for _ in 0..<200 {
            #expect(await executor.run { executor.runsOnCurrentThread() })
        }
        // The same code run by a task without it is on the cooperative pool's threads.
        #expect(await Task.detached { executor.runsOnCurrentThread() }.value == false)
    }

    @Test func everyQueuedJobRunsOnceInAnyOrder() async throws {
        let executor = BlockingExecutor(threads: 1)
        let results = await withTaskGroup(of: Int.self) { group in
            for k in 0..<2_000 {
                group.addTask { await executor.run { k * 2 } }
            }
            return await group.reduce(into: [Int]()) { $0.append($1) }
        }
        #expect(results.sorted() == (0..<2_000).map { $0 * 2 })
    }

    @Test func errorsComeBackToTheCaller() async {
        struct Broken: Error {}
        await #expect(throws: Broken.self) {
            try await BlockingExecutor.shared.run { () throws -> Int in throw Broken() }
        }
    }

    final class Gate: @unchecked Sendable {
        let condition = NSCondition()
        var open = false
        func wait() { condition.lock(); while !open { condition.wait() }; condition.unlock() }
        func release() { condition.lock(); open = true; condition.broadcast(); condition.unlock() }
    }

    @Test func blockedThreadsLeaveTheCooperativePoolFree() async {
        // Every thread of a small executor blocked: a task on the pool still runs and finishes meanwhile.
        let executor = BlockingExecutor(threads: 2)
        let gate = Gate()
        let blocked = (0..<2).map { _ in Task { await executor.run { gate.wait() } } }
        let answer = await Task.detached { 6 * 7 }.value
        #expect(answer == 42)
        gate.release()
        for task in blocked { await task.value }
    }
}
