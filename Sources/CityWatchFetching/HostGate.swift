/// At most `perHost` transfers at once to one host, shared by every poll: a feed's article pages go through the
/// same politeness limit as the feeds themselves, and one feed's thousand links wait their turn instead of
/// opening a thousand connections.
package actor HostGate {
    package let perHost: Int
    private var running: [String: Int] = [:]
    private var waiting: [String: [CheckedContinuation<Void, Never>]] = [:]

    package init(perHost: Int = 2) { self.perHost = max(1, perHost) }

    /// Runs `body` once a slot for `url`'s host is free.
    package func withSlot<T: Sendable>(for url: String, _ body: @Sendable () async throws -> T) async rethrows -> T {
        let host = URLOrigin(url)?.host ?? "file:"
        await acquire(host)
        defer { release(host) }
        return try await body()
    }

    private func acquire(_ host: String) async {
        if running[host, default: 0] < perHost {
            running[host, default: 0] += 1
            return
        }
        await withCheckedContinuation { waiting[host, default: []].append($0) }
    }

    private func release(_ host: String) {
        if var queue = waiting[host], !queue.isEmpty {
            // The slot passes straight to the next waiter: the count stays the same.
            let next = queue.removeFirst()
            waiting[host] = queue.isEmpty ? nil : queue
            next.resume()
            return
        }
        running[host, default: 1] -= 1
        if running[host] == 0 { running[host] = nil }
    }
}
