import CityWatchCore
import Foundation

/// Soak of the service layer: `feeds` feeds at `interval` seconds for `duration` seconds through the real
/// Scheduler (limits, backoff, failure reports), each poll simulated by a 5 ms sleep (a transfer's wait), so the
/// CPU per poll is the scheduler's own cost.
/// Reports resident memory at start and end and CPU time per poll; then measures CPU while idle.
enum SchedulerSoak {
    static func residentKB() -> Int {
        let text = (try? String(contentsOfFile: "/proc/self/status", encoding: .utf8)) ?? ""
        let line = text.split(separator: "\n").first { $0.hasPrefix("VmRSS:") } ?? ""
        return Int(line.split(separator: " ").dropFirst().first ?? "") ?? 0
    }

    static func cpuSeconds() -> Double {
        var usage = rusage()
        getrusage(Int32(RUSAGE_SELF.rawValue), &usage)
        return Double(usage.ru_utime.tv_sec + usage.ru_stime.tv_sec)
            + Double(usage.ru_utime.tv_usec + usage.ru_stime.tv_usec) / 1e6
    }

    actor Counter {
        var polls = 0
        func add() { polls += 1 }
    }

    static func run(feeds count: Int, interval: Double, duration: Double) async {
        let counter = Counter()
        let feeds = (0..<count).map { ScheduledFeed(id: "feed\($0)", url: "http://127.0.0.\($0 % 8 + 1)/feed\($0).xml") }
        let scheduler = Scheduler(feeds: feeds, policy: SchedulePolicy(defaultInterval: interval),
                                  limits: ConcurrencyLimits(global: 8, perHost: 2)) { feed in
            try? await Task.sleep(for: .milliseconds(5))
            await counter.add()
            // Every 10th feed fails now and then, so the backoff path is exercised too.
            if feed.id.hasSuffix("0"), Int.random(in: 0..<4) == 0 {
                return .failure(kind: "http-status", message: "http 503", retryAfter: interval)
            }
            return .success(items: 1)
        }
        let task = Task { await scheduler.run() }
        try? await Task.sleep(for: .seconds(min(5, duration / 10)))
        let rssStart = residentKB()
        let cpuStart = cpuSeconds()
        let pollsStart = await counter.polls
        var samples: [Int] = []
        let begin = Date()
        while Date().timeIntervalSince(begin) < duration {
            try? await Task.sleep(for: .seconds(min(30, duration / 10)))
            samples.append(residentKB())
        }
        let polls = await counter.polls - pollsStart
        let cpu = cpuSeconds() - cpuStart
        let rssEnd = residentKB()
        task.cancel()
        await task.value
        print("soak: \(count) feeds every \(interval) s for \(Int(duration)) s: \(polls) polls")
        print(String(format: "  RSS start %d KB, end %d KB (samples min %d, max %d KB)", rssStart, rssEnd,
                     samples.min() ?? 0, samples.max() ?? 0))
        print(String(format: "  CPU %.2f s total, %.1f µs per poll", cpu,
                     cpu / Double(max(polls, 1)) * 1e6))

        // Idle: feeds due in an hour; the process should sleep.
        let idle = Scheduler(feeds: feeds, policy: SchedulePolicy(defaultInterval: 3600),
                             limits: ConcurrencyLimits(global: 8, perHost: 2)) { _ in .success() }
        let idleTask = Task { await idle.run() }
        try? await Task.sleep(for: .seconds(2))
        let idleStart = cpuSeconds()
        try? await Task.sleep(for: .seconds(10))
        print(String(format: "  idle: %.3f s CPU over 10 s with %d feeds scheduled", cpuSeconds() - idleStart, count))
        idleTask.cancel()
        await idleTask.value
    }
}
