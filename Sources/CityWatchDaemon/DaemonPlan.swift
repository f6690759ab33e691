import Foundation
import CityWatchNotify

/// What the daemon runs from one loaded config: the feeds, the schedule rules and how to poll a feed.
///
/// The run command builds a plan from the config (opening the store once) and builds a new one on each reload,
/// so the daemon never needs to know the config's shape.
package struct DaemonPlan: Sendable {
    package var feeds: [ScheduledFeed]
    package var policy: SchedulePolicy
    package var limits: ConcurrencyLimits
    /// Polls one feed with this config's settings (watch lists, fetch limits): one cycle for that feed.
    package var poll: Scheduler.Poll
    /// Where `citywatch status` finds the feeds' health (`<state_dir>/feed-status.json`); nil to keep none.
    package var statusFile: URL?
    /// Where alerts are POSTed (`[alerts] webhook`); read at each delivery, so a reload applies.
    package var webhook: String?
    /// `[[notify]]` entries, each delivering the outbox on its own; a reload that changes them restarts them.
    package var notifiers: [NotifierRunner]

    package init(feeds: [ScheduledFeed], policy: SchedulePolicy, limits: ConcurrencyLimits,
                statusFile: URL?, webhook: String? = nil, notifiers: [NotifierRunner] = [],
                poll: @escaping Scheduler.Poll) {
        self.notifiers = notifiers
        self.feeds = feeds
        self.policy = policy
        self.limits = limits
        self.statusFile = statusFile
        self.webhook = webhook
        self.poll = poll
    }

    /// The status file's conventional place inside a state directory.
    package static func statusFile(inStateDirectory directory: URL) -> URL {
        directory.appendingPathComponent("feed-status.json")
    }
}
