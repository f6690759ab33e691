import Foundation
import CityWatchSupport

/// Fetches http, https and file URLs with libcurl.
package final class Fetcher: Sendable {
    package let userAgent: String

    package init(userAgent: String = "citywatch/\(CityWatch.version) (+https://github.com/citywatch/citywatch)") {
        self.userAgent = userAgent
    }

    /// Performs one transfer; non-2xx/304 statuses come back as `.httpStatus` errors.
    package func fetch(_ request: FetchRequest) async throws(FetchError) -> FetchResponse {
        guard let scheme = request.scheme else {
            throw FetchError(kind: .badURL, message: "not a URL: \(request.url) (give an http://, https:// or file:// URL)")
        }
        // C sees a string up to its first NUL: libcurl would fetch a shorter URL than the one named.
        guard !request.url.utf8.contains(0) else {
            throw FetchError(kind: .badURL, message: "not a URL: \(FetchRequest.printable(request.url)) (it holds a NUL byte)")
        }
        guard Fetcher.schemes.contains(scheme) else {
            throw FetchError(kind: .unsupportedScheme,
                             message: "refused \(request.url): only http, https and file URLs are fetched, not \(scheme)")
        }
        let transfer = CurlTransfer(request: request, userAgent: userAgent)
        // The process's one transfer engine moves the bytes; cancellation reaches it through an atomic flag.
        let result = await withTaskCancellationHandler {
            await transfer.run()
        } onCancel: {
            transfer.cancel()
        }
        return try result.get()
    }

    static let schemes: Set<String> = ["http", "https", "file"]
}
