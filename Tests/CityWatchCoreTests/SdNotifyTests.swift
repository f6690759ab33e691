import Foundation
import Testing
@testable import CityWatchDaemon
import CityWatchTestSupport

@Suite struct SdNotifyTests {
    @Test func noSocketMeansNoOp() {
        let notify = SdNotify(environment: [:])
        #expect(!notify.isEnabled)
        #expect(notify.watchdogInterval == nil)
        #expect(!notify.ready())
    }

    @Test func sendsReadyAndStatusToAPathSocket() throws {
        let receiver = try NotifyReceiver()
        let notify = SdNotify(environment: ["NOTIFY_SOCKET": receiver.path])
        #expect(notify.ready(status: "3 feeds ok\n0 failing"))
        #expect(receiver.receive() == "READY=1\nSTATUS=3 feeds ok 0 failing")
        #expect(notify.stopping())
        #expect(receiver.receive() == "STOPPING=1")
    }

    @Test func sendsToAnAbstractSocket() throws {
        let receiver = try NotifyReceiver(abstract: true)
        let notify = SdNotify(environment: ["NOTIFY_SOCKET": receiver.path])
        #expect(notify.watchdog())
        #expect(receiver.receive() == "WATCHDOG=1")
    }

    @Test func reloadingCarriesTheMonotonicClock() throws {
        let receiver = try NotifyReceiver()
        let notify = SdNotify(environment: ["NOTIFY_SOCKET": receiver.path])
        let before = SdNotify.monotonicMicroseconds()
        #expect(notify.reloading())
        let lines = try #require(receiver.receive()).split(separator: "\n")
        #expect(lines.first == "RELOADING=1")
        let usec = try #require(lines.last.flatMap { UInt64($0.dropFirst("MONOTONIC_USEC=".count)) })
        #expect(usec >= before && usec <= SdNotify.monotonicMicroseconds())
    }

    @Test func watchdogIntervalIsHalfOfWatchdogUsec() {
        let notify = SdNotify(environment: ["NOTIFY_SOCKET": "/run/x", "WATCHDOG_USEC": "30000000"])
        #expect(notify.watchdogInterval == .seconds(15))
        let other = SdNotify(environment: ["NOTIFY_SOCKET": "/run/x", "WATCHDOG_USEC": "30000000",
                                           "WATCHDOG_PID": "\(getpid() + 1)"])
        #expect(other.watchdogInterval == nil)
    }

    @Test func unreachableSocketFailsQuietly() {
        let notify = SdNotify(environment: ["NOTIFY_SOCKET": "/nonexistent/dir/notify.sock"])
        #expect(notify.isEnabled)
        #expect(!notify.ready())
    }
}
