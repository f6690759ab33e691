import Foundation
import CityWatchSupport
import CityWatchKnowledge
import CityWatchDaemon

/// `/healthz`: healthy when the scheduler has answered recently and the knowledge store takes writes.
package struct HealthCheck: Sendable {
    /// The scheduler's last heartbeat (nil: it has not run yet).
    package var heartbeat: @Sendable () -> Date?
    /// nil when the store is writable, else what is wrong.
    package var storeProblem: @Sendable () -> String?
    package var staleAfter: TimeInterval
    package var clock: @Sendable () -> Date

    package init(heartbeat: @escaping @Sendable () -> Date?, storeProblem: @escaping @Sendable () -> String?,
                staleAfter: TimeInterval = SchedulerHeartbeat.staleAfter, clock: @escaping @Sendable () -> Date = { Date() }) {
        self.heartbeat = heartbeat
        self.storeProblem = storeProblem
        self.staleAfter = staleAfter
        self.clock = clock
    }

    /// The checks of a running daemon: its heartbeat, and a real write to its store.
    package static func live(heartbeat: SchedulerHeartbeat, store: KnowledgeStore) -> HealthCheck {
        HealthCheck(heartbeat: { heartbeat.lastBeat }, storeProblem: { Self.storeProblem(store) })
    }

    /// Whether the store can be written: the file and its folder must have a write bit (root ignores
    /// permissions, the daemon's user does not, and the WAL needs the folder), and a small write must commit.
    package static func storeProblem(_ store: KnowledgeStore) -> String? {
        let folder = (store.path as NSString).deletingLastPathComponent
        for (what, path) in [("the knowledge database", store.path), ("the state folder", folder)] {
            var info = stat()
            guard stat(path, &info) == 0 else { return "\(what) \(path) is missing: \(String(cString: strerror(errno)))" }
            if info.st_mode & 0o222 == 0 || access(path, W_OK) != 0 {
                return "\(what) \(path) is read-only: make it writable by the daemon's user"
            }
        }
        return store.writeProblem()
    }

    /// Runs the checks.
    package func report() -> HealthReport {
        let now = clock()
        var problems: [String] = []
        let beat = heartbeat()
        if let beat {
            let age = now.timeIntervalSince(beat)
            if age > staleAfter {
                problems.append("the scheduler has not answered for \(Int(age)) s (more than \(Int(staleAfter)) s)")
            }
        } else {
            problems.append("the scheduler has not started")
        }
        let store = storeProblem()
        if let store { problems.append(store) }
        return HealthReport(time: now, lastHeartbeat: beat, storeWritable: store == nil, problems: problems)
    }
}

/// The result of the health checks, and its JSON body.
package struct HealthReport: Sendable, Equatable {
    package var time: Date
    package var lastHeartbeat: Date?
    package var storeWritable: Bool
    package var problems: [String]

    package var healthy: Bool { problems.isEmpty }

    /// `{"status":"ok"|"unhealthy","time":...,"scheduler":{"last_heartbeat":...},"store":{"writable":...},"problems":[...]}`
    package var json: String {
        JSONWriter.text { w in
            w.open()
            w.key("status"); w.string(healthy ? "ok" : "unhealthy")
            w.key("time"); w.string(UTCTime.string(time))
            w.key("scheduler"); w.open(); w.key("last_heartbeat"); w.string(lastHeartbeat.map(UTCTime.string)); w.close()
            w.key("store"); w.open(); w.key("writable"); w.bool(storeWritable); w.close()
            w.key("problems"); w.array(problems) { w, problem in w.string(problem) }
            w.close()
        }
    }
}
