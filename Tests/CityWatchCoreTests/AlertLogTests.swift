import Foundation
import Testing
@testable import CityWatchSupport
@testable import CityWatchKnowledge
@testable import CityWatchAlerts

@Suite struct AlertLogTests {
    let folder = temporaryFolder()
    var logPath: String { folder + "/log/alerts.jsonl" }

    func sample(kind: Alert.Kind = .changedFigure, value: Double = 200, previous: Double? = 150) -> Alert {
        Alert(kind: kind, city: "Portland, OR", watched: false, measure: "national guard troops",
              measureKey: MeasureKey.canonical("national guard troops"), value: value, unit: .count, previous: previous,
              article: .init(url: "https://example.org/a", title: "Troops \"arrive\"", feed: "Example wire", published: "2026-11-18T17:00:00Z"),
              evidence: "About 200 troops arrived.", time: Date(timeIntervalSince1970: 1_795_003_205))
    }

    @Test func lineFollowsTheInterfaceFieldOrderAndNumberForms() throws {
        let line = sample().jsonLine
        let id = sample().id
        #expect(line == """
            {"id":"\(id)","time":"2026-11-18T12:00:05Z","kind":"changed_figure","city":"Portland, OR","watched":false,\
            "measure":"national guard troops","value":200,"unit":"count","previous":150,\
            "article":{"url":"https://example.org/a","title":"Troops \\"arrive\\"","feed":"Example wire","published":"2026-11-18T17:00:00Z"},\
            "evidence":"About 200 troops arrived."}
            """)
        let parsed = try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any]
        #expect(parsed?["value"] as? Int == 200)
        let fresh = Alert(kind: .newCity, city: "Portland, OR", watched: true, measure: nil, measureKey: nil, value: nil,
                          unit: nil, previous: nil, article: sample().article, evidence: "x", time: Date())
        #expect(fresh.jsonLine.contains("\"measure\":null,\"value\":null,\"unit\":null,\"previous\":null"))
        #expect(JSONWriter.number(1_200_000) == "1200000")
        #expect(JSONWriter.number(2.5) == "2.5")
    }

    @Test func idsAreStableHashesOfTheFact() {
        #expect(sample().id == sample().id)
        #expect(sample().id.count == 16)
        #expect(sample(value: 201).id != sample().id)
        #expect(sample(previous: 100).id != sample().id)
        #expect(sample(kind: .newFigure, previous: nil).id != sample(previous: nil).id)
        // Not the time, the article or the wording: the fact itself.
        let reworded = Alert(kind: .changedFigure, city: "Portland, OR", watched: true, measure: "troops deployed",
                             measureKey: MeasureKey.canonical("troops deployed"), value: 200, unit: .count, previous: 150,
                             article: .init(url: nil, title: nil, feed: nil, published: nil), evidence: "", time: Date())
        #expect(reworded.id == sample().id)
        // FNV-1a 64 reference values.
        #expect(AlertID.fnv1a64("") == 0xcbf2_9ce4_8422_2325)
        #expect(AlertID.fnv1a64("a") == 0xaf63_dc4c_8601_ec8c)
    }

    @Test func tornLastLineIsTrimmedBeforeAppending() throws {
        let log = AlertLog(path: logPath)
        try log.checkWritable()
        FileManager.default.createFile(atPath: logPath, contents: Data("{\"id\":\"1\"}\n{\"id\":\"2\",\"ti".utf8))
        try log.withLock { fd in
            #expect(try AlertLog.trimTornLine(fd: fd) == 13)
            try AlertLog.append(fd: fd, lines: ["{\"id\":\"3\"}"])
        }
        #expect(try String(contentsOfFile: logPath, encoding: .utf8) == "{\"id\":\"1\"}\n{\"id\":\"3\"}\n")
        #expect(try log.readLines().count == 2)
        // A log that is one torn line is emptied.
        FileManager.default.createFile(atPath: logPath, contents: Data("{\"id\":".utf8))
        try log.withLock { fd in _ = try AlertLog.trimTornLine(fd: fd) }
        #expect(try Data(contentsOf: URL(fileURLWithPath: logPath)).isEmpty)
    }

    @Test func deliveryIsIdempotent() throws {
        let store = try KnowledgeStore(stateDir: folder)
        let echoed = Shared<[String]>([])
        let delivery = AlertDelivery(store: store, log: AlertLog(path: logPath), echo: { line in echoed.mutex.withLock { $0.append(line) } })
        _ = try store.ingest(article("A"), facts: madeFacts("A", cities: ["Reno, NV"], figures: [figure("Reno, NV", "arrests", 12)]), policy: DiffPolicy())
        #expect(try delivery.deliverPending() == 2)
        #expect(try delivery.deliverPending() == 0)
        let lines = try AlertLog(path: logPath).readLines()
        #expect(lines.count == 2)
        #expect(echoed.mutex.withLock { $0 }.count == 2)
        #expect(echoed.mutex.withLock { $0 }.allSatisfy { $0.hasPrefix("<4>") })
        // The same fact from another article never alerts again.
        _ = try store.ingest(article("B"), facts: madeFacts("B", cities: ["Reno, NV"], figures: [figure("Reno, NV", "arrests", 12)]), policy: DiffPolicy())
        #expect(try delivery.deliverPending() == 0)
    }

    @Test func crashBetweenCommitAndDeliveryLosesNothingAndRepeatsNothing() throws {
        let store = try KnowledgeStore(stateDir: folder)
        let log = AlertLog(path: logPath)
        // Crash 1: knowledge and outbox committed, nothing written to the log.
        _ = try store.ingest(article("A"), facts: madeFacts("A", cities: ["Reno, NV", "Boise, ID"]), policy: DiffPolicy())
        // Crash 2: lines appended, but not yet marked delivered, and a torn half line written after them.
        _ = try store.ingest(article("B"), facts: madeFacts("B", figures: [figure("Reno, NV", "arrests", 12)]), policy: DiffPolicy())
        let pending = try store.pendingLogAlerts()
        #expect(pending.count == 3)
        try log.withLock { fd in try AlertLog.append(fd: fd, lines: [pending[0].line, pending[1].line]) }
        let handle = try #require(FileHandle(forWritingAtPath: logPath))
        handle.seekToEndOfFile()
        handle.write(Data(pending[2].line.prefix(30).utf8))
        try handle.close()
        // The next run delivers what is missing, once.
        let delivery = AlertDelivery(store: store, log: log, echo: { _ in })
        #expect(try delivery.deliverPending() == 1)
        let ids = try log.readLines().compactMap(AlertLog.id(ofLine:))
        #expect(ids == pending.map(\.alertID))
        #expect(try store.pendingLogAlerts().isEmpty)
    }

    @Test func readingFiltersBySinceAndKind() throws {
        let log = AlertLog(path: logPath)
        let old = sample(kind: .newFigure, previous: nil)
        var recent = Alert(kind: .newCity, city: "Reno, NV", watched: false, measure: nil, measureKey: nil, value: nil, unit: nil,
                           previous: nil, article: sample().article, evidence: "Reno.", time: Date(timeIntervalSince1970: 1_795_010_000))
        recent.time = "2026-11-18T14:00:00Z"
        try log.withLock { fd in try AlertLog.append(fd: fd, lines: [old.jsonLine, "not json", recent.jsonLine]) }
        let handle = try #require(FileHandle(forWritingAtPath: logPath))
        handle.seekToEndOfFile(); handle.write(Data("{\"id\":\"torn".utf8)); try handle.close()
        #expect(try log.lines().count == 2)   // "not json" and the torn line are not alerts
        #expect(try log.lines(kind: .newCity) == [recent.jsonLine])
        let now = try #require(UTCTime.date("2026-11-18T15:00:00Z"))
        #expect(try log.lines(since: AlertLog.cutoff("2h", now: now)) == [recent.jsonLine])
        #expect(try log.lines(since: AlertLog.cutoff("2026-11-18T12:00:00Z")).count == 2)
        #expect(AlertLog.cutoff("yesterday") == nil)
    }

    @Test func logLineFieldsReadWithoutAFullParse() {
        let line = AlertLogLine(bytes: ArraySlice(Array(sample().jsonLine.utf8)))
        #expect(line.string("kind") == "changed_figure")
        #expect(line.string("title") == "Troops \"arrive\"")
        #expect(line.number("value") == 200 && line.number("previous") == 150)
        #expect(line.bool("watched") == false)
        #expect(line.string("feed") == "Example wire")
        let city = AlertLogLine(bytes: ArraySlice(Array(Alert(kind: .newCity, city: "Reno, NV", watched: true, measure: nil, measureKey: nil,
            value: nil, unit: nil, previous: nil, article: sample().article, evidence: "", time: Date()).jsonLine.utf8)))
        #expect(city.string("measure") == nil && city.number("value") == nil && city.bool("watched"))
    }
}
