import Foundation
import Testing
@testable import CityWatchSupport
@testable import CityWatchExtraction
@testable import CityWatchConfig

@Suite struct ConfigTests {
    let folder = temporaryFolder()

    func write(_ text: String, name: String = "citywatch.toml") -> String {
        let path = (folder as NSString).appendingPathComponent(name)
        FileManager.default.createFile(atPath: path, contents: Data(text.utf8))
        return path
    }

    @Test func fullConfigResolvesPathsAndDurations() throws {
        try FileManager.default.createDirectory(atPath: folder + "/seeds", withIntermediateDirectories: true)
        let path = write("""
            [storage]
            state_dir = "state"
            seeds_dir = "seeds"
            [alerts]
            log = "/var/log/citywatch/alerts.jsonl"
            webhook = "https://example.org/hook"
            [schedule]
            interval = "15m"
            concurrency = 3
            [fetch]
            timeout = "90s"
            max_bytes = 2048
            max_redirects = 2
            [watch]
            keywords = ["ICE"]
            cities = ["chicago, il"]
            ignore_cities = ["Washington, DC"]
            [[feed]]
            name = "Wire"
            url = "https://example.org/rss"
            interval = "1h"
            fetch_articles = false
            [[feed]]
            name = "Local"
            url = "file:demo/feed.xml"
            """)
        let config = try Config.load(path: path)
        #expect(config.stateDir == folder + "/state")
        #expect(config.seedsDir == folder + "/seeds")
        #expect(config.alertLog == "/var/log/citywatch/alerts.jsonl")
        #expect(config.webhook == "https://example.org/hook")
        #expect(config.interval == 900)
        #expect(config.concurrency == 3)
        #expect(config.fetchTimeout == 90)
        #expect(config.maxBytes == 2048)
        #expect(config.maxRedirects == 2)
        #expect(config.keywords == ["ICE"])
        #expect(config.watchedCities == ["Chicago, IL"])
        #expect(config.ignoredCities == ["Washington, DC"])
        #expect(config.feeds.count == 2)
        #expect(config.feeds[0] == Config.Feed(name: "Wire", url: "https://example.org/rss", interval: 3600, fetchArticles: false))
        #expect(config.feeds[1].url == "file://" + folder + "/demo/feed.xml")
        #expect(config.feeds[1].fetchArticles)
        #expect(config.interval(of: config.feeds[1]) == 900)
    }

    @Test func defaultsApplyWhenSectionsAreMissing() throws {
        let config = try Config.load(path: write("[storage]\nstate_dir = \"/tmp/cw\"\n"))
        #expect(config.alertLog == "/tmp/cw/alerts.jsonl")
        #expect(config.interval == 900)
        #expect(config.concurrency == 4)
        #expect(config.fetchTimeout == 30)
        #expect(config.maxBytes == 10_485_760)
        #expect(config.maxRedirects == 5)
        #expect(config.keywords == Extractor.defaultKeywords)
        #expect(config.feeds.isEmpty)
    }

    @Test func errorsNameKeyLineAndFix() throws {
        let path = write("""
            [storage]
            state_dir = "state"
            seeds_dir = "missing-seeds"
            colour = "blue"
            [schedule]
            interval = "soon"
            [[feed]]
            name = "A"
            url = "ftp://example.org/feed"
            [[feed]]
            name = "B"
            url = "https://example.org/b"
            fetch_articles = "yes"
            """)
        do {
            _ = try Config.load(path: path)
            Issue.record("a bad config was accepted")
        } catch {
            let byKey = Dictionary(error.issues.map { ($0.key, $0) }, uniquingKeysWith: { a, _ in a })
            #expect(byKey["[storage] colour"]?.line == 4)
            #expect(byKey["[storage] seeds_dir"]?.line == 3)
            #expect(byKey["[schedule] interval"]?.line == 6)
            #expect(byKey["[[feed]] #1 url"]?.line == 9)
            #expect(byKey["[[feed]] #2 fetch_articles"]?.line == 13)
            #expect(error.issues.count == 5)
            #expect(error.issues.allSatisfy { $0.file == path && !$0.fix.isEmpty })
            #expect(error.description.contains("\(path):4: [storage] colour"))
        }
    }

    @Test func syntaxErrorsCarryTheParsersLine() {
        do {
            _ = try Config.parse("[storage]\nstate_dir = \"x\"\n[watch\n", file: "/x/c.toml")
            Issue.record("broken TOML was accepted")
        } catch {
            #expect(error.issues.first?.line == 3)
        }
    }

    /// toml++ aborted the process on these (found by the config fuzz target): now a syntax issue with its line.
    @Test func headersWithoutAKeyAreSyntaxErrorsNotAborts() {
        for (text, line) in [("[#", 1), ("[storage]\nstate_dir = \"x\"\n[ =\n", 3), ("[[ [feed]]", 1), ("[[\t#]]", 1),
                             ("a = [}", 1), ("[watch]\ncities = [\"X, IL\",\n  # c\n  }]", 4),
                             ("\u{FEFF}[#citywatch]\n", 1)] {
            do {
                _ = try Config.parse(text, file: "/x/c.toml")
                Issue.record("accepted \(text)")
            } catch {
                #expect(error.issues.map(\.line) == [line], "\(text)")
                #expect(error.issues.first?.key == "(syntax)")
            }
        }
        // A "[" opening a line inside an array, a string or an inline table is no header.
        #expect(TOMLPrecheck.abortingLine("a = [\n[+1],\n{x = 1},\n]\nb = \"\"\"\n[#\n\"\"\"\nc = '''\n[=\n'''\n[ok]\n[ \"q\" ]\n") == nil)
        #expect(TOMLPrecheck.abortingLine("# [#\nx = \"[#\"\n[t] # [#\n") == nil)
        #expect(TOMLPrecheck.abortingLine("a = [{x = 1}, {}, [], [[1], {y = [2]}]]\nb = [1 }\nc = \"[}\"\n") == nil)
    }

    @Test func wrongTypesAndBadCitiesAreRejected() {
        do {
            _ = try Config.parse("""
                [storage]
                state_dir = 5
                [watch]
                cities = ["Chicago"]
                keywords = "ICE"
                [alerts]
                webhook = "not a url"
                """, file: "/x/c.toml")
            Issue.record("accepted")
        } catch {
            let keys = Set(error.issues.map(\.key))
            #expect(keys == ["[storage] state_dir", "[watch] cities", "[watch] keywords", "[alerts] webhook"])
        }
    }

    @Test func durations() {
        #expect(DurationText.parse("90s") == 90)
        #expect(DurationText.parse("15m") == 900)
        #expect(DurationText.parse("1h") == 3600)
        #expect(DurationText.parse("1h30m") == 5400)
        #expect(DurationText.parse("2d") == 172_800)
        #expect(DurationText.parse("45") == 45)
        #expect(DurationText.parse("soon") == nil)
        #expect(DurationText.parse("15") == 15)
        #expect(DurationText.parse("m") == nil)
        #expect(DurationText.format(5400) == "1h30m")
    }

    @Test func configPathFallsBackToEnvironmentThenEtc() {
        #expect(Config.defaultPath(explicit: "a.toml", environment: ["CITYWATCH_CONFIG": "b.toml"]) == "a.toml")
        #expect(Config.defaultPath(explicit: nil, environment: ["CITYWATCH_CONFIG": "b.toml"]) == "b.toml")
        #expect(Config.defaultPath(explicit: nil, environment: [:]) == "/etc/citywatch/citywatch.toml")
    }

    @Test func theShippedDemoConfigIsValidAndPointsAtTheDemoFeed() throws {
        let repo = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        let config = try Config.load(path: repo.appendingPathComponent("config/demo.toml").path)
        #expect(config.feeds.count == 1)
        let feed = try #require(URL(string: config.feeds[0].url))
        #expect(feed.isFileURL && FileManager.default.fileExists(atPath: feed.path))
        #expect(config.seedsDir == repo.appendingPathComponent("seeds").standardizedFileURL.path)
        #expect(config.watchedCities == ["Chicago, IL"])
    }
}
