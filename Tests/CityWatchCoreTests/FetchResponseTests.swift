import Foundation
import Testing
@testable import CityWatchFetching

@Suite struct FetchResponseTests {
    private func response(date: String?, lastModified: String?) -> FetchResponse {
        var headers: [String: String] = [:]
        headers["date"] = date
        headers["last-modified"] = lastModified
        return FetchResponse(status: 200, finalURL: "http://127.0.0.1/feed", headers: headers, body: Data())
    }

    @Test func lastModifiedInTheSameSecondAsTheResponseIsWeak() {
        let r = response(date: "Sun, 22 Nov 2026 04:42:28 GMT", lastModified: "Sun, 22 Nov 2026 04:42:28 GMT")
        #expect(r.lastModified != nil)
        #expect(r.strongLastModified == nil)
    }

    @Test func lastModifiedASecondOrMoreBeforeIsStrong() {
        let r = response(date: "Sun, 22 Nov 2026 04:42:28 GMT", lastModified: "Sun, 22 Nov 2026 04:42:27 GMT")
        #expect(r.strongLastModified == "Sun, 22 Nov 2026 04:42:27 GMT")
    }

    @Test func withoutADateTheValidatorIsKept() {
        #expect(response(date: nil, lastModified: "Sun, 22 Nov 2026 04:42:27 GMT").strongLastModified != nil)
        #expect(response(date: "Sun, 22 Nov 2026 04:42:28 GMT", lastModified: nil).strongLastModified == nil)
    }
}
