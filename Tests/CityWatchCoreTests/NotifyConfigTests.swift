import Foundation
import Testing
@testable import CityWatchConfig

@Suite struct NotifyConfigTests {
    let folder = temporaryFolder()

    func parse(_ notify: String, environment: [String: String] = [:]) throws(ConfigError) -> Config {
        try Config.parse("""
            [storage]
            state_dir = "state"
            [alerts]
            atom = "public/alerts.atom"
            \(notify)
            """, file: folder + "/citywatch.toml", environment: environment)
    }

    func issues(_ notify: String, environment: [String: String] = [:]) -> [ConfigIssue] {
        do { _ = try parse(notify, environment: environment); return [] } catch { return error.issues }
    }

    @Test func readsEveryKindOfNotifier() throws {
        let config = try parse("""
            [[notify]]
            name = "newsroom"
            type = "slack"
            token_env = "CITYWATCH_SLACK_URL"
            kinds = ["new_city", "changed_figure"]
            states = ["il", "OR"]
            min_sources = 2
            [[notify]]
            name = "morning mail"
            type = "email"
            url = "smtps://mail.example.org:465"
            from = "citywatch@example.org"
            to = ["desk@example.org"]
            username = "citywatch"
            credential = "smtp-password"
            digest = "daily 07:00"
            timezone = "America/Chicago"
            html = true
            [[notify]]
            name = "room"
            type = "matrix"
            homeserver = "https://matrix.example.org"
            room = "!abc:example.org"
            token_env = "CITYWATCH_MATRIX_TOKEN"
            watched_only = true
            [[notify]]
            name = "phone"
            type = "ntfy"
            url = "https://ntfy.sh/citywatch-test"
            priority = 4
            tags = ["rotating_light"]
            [[notify]]
            name = "bot"
            type = "telegram"
            chat_id = -100123
            credential = "telegram-token"
            [[notify]]
            name = "hook"
            type = "webhook"
            url = "https://example.org/hook"
            """, environment: ["CITYWATCH_SLACK_URL": "https://hooks.slack.com/services/T/B/X", "CITYWATCH_MATRIX_TOKEN": "t"])
        #expect(config.atomFeed == folder + "/public/alerts.atom")
        #expect(config.notifiers.map(\.service) == [.slack, .email, .matrix, .ntfy, .telegram, .webhook])
        let slack = config.notifiers[0]
        #expect(slack.kinds == [.newCity, .changedFigure] && slack.states == ["IL", "OR"] && slack.minSources == 2)
        let mail = config.notifiers[1]
        #expect(mail.digest == DigestSchedule("daily 07:00") && mail.timezone == "America/Chicago" && mail.html)
        #expect(mail.secret == .init(credential: "smtp-password"))
        #expect(config.notifiers[2].watchedOnly)
        #expect(config.notifiers[3].priority == "4" && config.notifiers[4].chatID == "-100123")
    }

    @Test func refusesSecretsWrittenInTheConfig() {
        let found = issues("""
            [[notify]]
            name = "newsroom"
            type = "slack"
            url = "https://hooks.slack.com/services/T0/B0/XXXXXXXX"
            token_env = "SLACK"
            [[notify]]
            name = "bot"
            type = "telegram"
            chat_id = "1"
            token = "123:abc"
            """, environment: ["SLACK": "https://hooks.slack.com/services/T/B/X"])
        #expect(found.contains { $0.key == "[[notify]] #1 url" && $0.line == 8 && $0.message.contains("Slack incoming-webhook URL") })
        #expect(found.contains { $0.key == "[[notify]] #2 token" && $0.line == 14 && $0.fix.contains("token_env") })
        #expect(found.contains { $0.key == "[[notify]] #2 token_env" && $0.message.contains("needs a secret (the bot token)") })
    }

    @Test func namesAMissingSecretWithTheFix() {
        let found = issues("""
            [[notify]]
            name = "newsroom"
            type = "discord"
            token_env = "CITYWATCH_DISCORD_URL"
            """)
        let issue = found.first { $0.key == "[[notify]] #1 token_env" }
        #expect(issue?.line == 8)
        #expect(issue?.fix.contains("CITYWATCH_DISCORD_URL is not set") == true)
        #expect(issue?.fix.contains("Environment=") == true)
        // A credential is checked where systemd provides them.
        let credentials = temporaryFolder("creds")
        #expect(issues("""
            [[notify]]
            name = "newsroom"
            type = "discord"
            credential = "discord-url"
            """, environment: ["CREDENTIALS_DIRECTORY": credentials]).first?.fix.contains("LoadCredential=discord-url") == true)
    }

    @Test func badValuesNameTheKeyAndTheFix() {
        let found = issues("""
            [[notify]]
            name = "x"
            type = "pager"
            [[notify]]
            name = "y"
            type = "email"
            url = "https://mail.example.org"
            digest = "weekly"
            timezone = "Mars/Olympus"
            colour = "red"
            to = ["nobody"]
            [[notify]]
            name = "z"
            type = "ntfy"
            url = "http://ntfy.example.org/topic"
            priority = "loud"
            """)
        #expect(found.contains { $0.key == "[[notify]] #1 type" && $0.fix.contains("email, slack, discord, matrix, ntfy, telegram, webhook") })
        #expect(found.contains { $0.key == "[[notify]] #2 url" && $0.message.contains("smtp or smtps") })
        #expect(found.contains { $0.key == "[[notify]] #2 digest" && $0.line == 12 })
        #expect(found.contains { $0.key == "[[notify]] #2 timezone" })
        #expect(found.contains { $0.key == "[[notify]] #2 colour" && $0.message == "unknown key" })
        #expect(found.contains { $0.key == "[[notify]] #2 from" })
        #expect(found.contains { $0.key == "[[notify]] #2 to" && $0.message.contains("not an e-mail address") })
        #expect(found.contains { $0.key == "[[notify]] #3 priority" })
        #expect(found.contains { $0.key == "[[notify]] #3 url" && $0.message.contains("plain http") })
    }
}
