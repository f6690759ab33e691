import Foundation

/// A notifier's secret (webhook URL, token, password), read from the environment or from a systemd credential
/// (`$CREDENTIALS_DIRECTORY/<name>`, as `LoadCredential=` provides), never from the config file.
package enum NotifySecret {
    /// The secret, or why it cannot be had (a message naming the variable or file and the fix).
    package static func resolve(_ source: Config.Notify.Secret, notifier: String,
                               environment: [String: String] = ProcessInfo.processInfo.environment) -> Result<String, SecretError> {
        if let name = source.environment,
           let value = environment[name]?.trimmingCharacters(in: .whitespacesAndNewlines), !value.isEmpty {
            return .success(value)
        }
        if let credential = source.credential, let directory = environment["CREDENTIALS_DIRECTORY"], !directory.isEmpty {
            let path = (directory as NSString).appendingPathComponent(credential)
            if let data = FileManager.default.contents(atPath: path) {
                let value = String(decoding: data, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
                if !value.isEmpty { return .success(value) }
            }
        }
        return .failure(SecretError(message: missing(source, notifier: notifier, environment: environment)))
    }

    /// Says which places were tried and how to fill one.
    static func missing(_ source: Config.Notify.Secret, notifier: String, environment: [String: String]) -> String {
        var tried: [String] = []
        var fixes: [String] = []
        if let name = source.environment {
            tried.append("the environment variable \(name) is not set")
            fixes.append("set \(name) in the daemon's environment (systemd: Environment= or EnvironmentFile= in a drop-in)")
        }
        if let credential = source.credential {
            if let directory = environment["CREDENTIALS_DIRECTORY"], !directory.isEmpty {
                tried.append("there is no credential \(directory)/\(credential)")
            } else {
                tried.append("the credential \"\(credential)\" cannot be read here ($CREDENTIALS_DIRECTORY is not set; systemd sets it for the service)")
            }
            fixes.append("add LoadCredential=\(credential):/etc/credstore/citywatch-\(credential) to the unit (systemctl edit citywatch)")
        }
        if tried.isEmpty {
            tried.append("no secret is named")
            fixes.append("add token_env = \"CITYWATCH_...\" or credential = \"...\" to this [[notify]]")
        }
        return "notifier \"\(notifier)\": its secret is missing: \(tried.joined(separator: " and ")); \(fixes.joined(separator: ", or "))"
    }
}

/// A notifier's secret could not be found.
package struct SecretError: Error, Sendable, CustomStringConvertible {
    package var message: String

    package init(message: String) { self.message = message }
    package var description: String { message }
}
