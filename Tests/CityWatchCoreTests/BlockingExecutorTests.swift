import Foundation
import Testing
@testable import CityWatchSupport

@Suite struct BlockingExecutorTests {
    static func threadName() -> String { Thread.current.name ?? "" }

    @Test func workRunsOnTheExecutorsOwnThreads() async {
        // From the first statement on, every time (the preference alone applies only at the next enqueue).
        for _ in 0..<200 {
            let name = await BlockingExecutor.shared.run { Self.threadName() }
            #expect(name.hasPrefix("cw-blocking-"))
        }
        // Without the preference the same code runs on the cooperative pool's threads.
        let pool = await Task.detached { Self.threadName() }.value
        #expect(!pool.hasPrefix("cw-blocking-"))
    }

    @Test func everyQueuedJobRunsOnceInAnyOrder() async throws {
        let executor = BlockingExecutor(threads: 1)
        let results = await withTaskGroup(of: Int.self) { group in
            for k in 0..<2_000 {
                group.addTask(executorPreference: executor) { k * 2 }
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
}
