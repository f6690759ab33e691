import Foundation
import CityWatchSupport
import CityWatchKnowledge

/// Moves committed alerts from the outbox to the log: after the commit, idempotently, so a crash at any
/// point leaves every alert in the log exactly once after the next run.
package struct AlertDelivery: Sendable {
    package let store: KnowledgeStore
    package let log: AlertLog
    /// Receives each newly logged alert's journald line (stderr by default).
    package let echo: @Sendable (String) -> Void
    /// `[alerts] atom`: rewritten after each delivery that added alerts (and when missing).
    package let atom: AtomFeedFile?

    package init(store: KnowledgeStore, log: AlertLog, atom: AtomFeedFile? = nil,
                echo: @escaping @Sendable (String) -> Void = { StandardError.write($0 + "\n") }) {
        self.store = store; self.log = log; self.atom = atom; self.echo = echo
    }

    /// Writes every pending alert not already in the log, then marks them delivered; returns how many were written.
    @discardableResult
    package func deliverPending() throws -> Int {
        let written = try appendPending()
        if let atom, written > 0 || !FileManager.default.fileExists(atPath: atom.path) {
            // The feed is a view of the log: a failure to write it never holds up the alerts.
            do { try atom.update(from: log) } catch {
                StandardError.write("<4>citywatch: \(error)")
            }
        }
        return written
    }

    private func appendPending() throws -> Int {
        try log.withLock { fd in
            try AlertLog.trimTornLine(fd: fd)
            let pending = try store.pendingLogAlerts()
            guard !pending.isEmpty else { return 0 }
            // Lines appended before a crash (but not yet marked) are the newest ones in the log: its tail suffices.
            let tail = pending.reduce(4096) { $0 + $1.line.utf8.count + 1 }
            let present = try AlertLog.recentIDs(fd: fd, bytes: tail)
            let fresh = pending.filter { !present.contains($0.alertID) }
            try AlertLog.append(fd: fd, lines: fresh.map(\.line))
            try store.markLogDelivered(pending.map(\.seq))
            for entry in fresh { echo(entry.summary) }
            CityWatchMetrics.recordAlerts(kinds: fresh.map(\.kind))
            return fresh.count
        }
    }
}
