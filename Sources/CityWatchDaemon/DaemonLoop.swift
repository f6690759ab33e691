import ServiceLifecycle

/// One of the daemon's long-running loops (scheduler, status writer, webhook, ...) as its own `Service`.
///
/// The loop runs until graceful shutdown reaches this service or the group is cancelled. The ServiceGroup shuts
/// its services down in reverse order, each once the one after it has ended, so a loop's place in
/// `Daemon.services` says what has already stopped when it stops. `starting` runs before the loop (and before a
/// shutdown is heeded), `stopping` as the loop is cancelled, `stopped` once it has ended: the scheduler announces
/// the start and the shutdown, the status writer writes the last status.
package struct DaemonLoop: Service, CustomStringConvertible {
    /// What the ServiceGroup does when a loop ends on its own (not at shutdown, which the loops never do unasked).
    package typealias WhenEnded = ServiceGroupConfiguration.ServiceConfiguration.TerminationBehavior

    /// The name in the group's logs ("scheduler", "status", ...).
    package let name: String
    /// `.gracefullyShutdownGroup` for a loop the daemon cannot run without, `.ignore` for upkeep it can.
    package let whenEnded: WhenEnded
    private let starting: @Sendable () async -> Void
    private let loop: @Sendable () async -> Void
    private let stopping: @Sendable () -> Void
    private let stopped: @Sendable () async -> Void

    package init(_ name: String, whenEnded: WhenEnded = .ignore, starting: @escaping @Sendable () async -> Void = {},
                 stopping: @escaping @Sendable () -> Void = {}, stopped: @escaping @Sendable () async -> Void = {},
                 loop: @escaping @Sendable () async -> Void) {
        self.name = name
        self.whenEnded = whenEnded
        self.starting = starting
        self.loop = loop
        self.stopping = stopping
        self.stopped = stopped
    }

    package var description: String { name }

    /// This loop's entry in a ServiceGroup: the loops do not throw, so both behaviours are `whenEnded`.
    package var configuration: ServiceGroupConfiguration.ServiceConfiguration {
        .init(service: self, successTerminationBehavior: whenEnded, failureTerminationBehavior: whenEnded)
    }

    /// Runs the loop until this service's graceful shutdown (or cancellation), then cancels it and waits for it.
    package func run() async {
        await starting()
        await withTaskGroup(of: Void.self) { group in
            group.addTask { await loop() }
            // Returns at graceful shutdown, or throws (ignored) when cancelled: either way the loop stops.
            group.addTask { try? await gracefulShutdown() }
            await group.next()
            stopping()
            group.cancelAll()
        }
        await stopped()
    }
}
