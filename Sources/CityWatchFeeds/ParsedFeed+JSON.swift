import CityWatchSupport
/// Writes a ParsedFeed as INTERFACE.md's `citywatch feed --json` line, by hand: every key, nulls as null, "" as null.
extension ParsedFeed {
    /// The JSON object on one line, without the newline.
    package var jsonLine: String {
        var out = JSONWriter()
        appendJSON(to: &out)
        return out.string
    }

    /// Appends the JSON object (no newline) to a writer; the CLI reuses one writer for a whole batch.
    package func appendJSON(to out: inout JSONWriter) {
        out.raw("{\"input\":"); out.nonEmptyString(input)
        out.raw(",\"parse_ok\":"); out.bool(parseOK)
        out.raw(",\"format\":"); out.nonEmptyString(format)
        out.raw(",\"version\":"); out.nonEmptyString(version)
        out.raw(",\"encoding\":"); out.nonEmptyString(encoding)
        out.raw(",\"feed\":{\"title\":"); out.nonEmptyString(feed.title)
        out.raw(",\"link\":"); out.nonEmptyString(feed.link)
        out.raw(",\"updated\":"); out.nonEmptyString(feed.updated)
        out.raw(",\"language\":"); out.nonEmptyString(feed.language)
        out.raw("},\"items\":[")
        for (index, item) in items.enumerated() {
            if index > 0 { out.raw(",") }
            out.raw("{\"title\":"); out.nonEmptyString(item.title)
            out.raw(",\"link\":"); out.nonEmptyString(item.link)
            out.raw(",\"id\":"); out.nonEmptyString(item.id)
            out.raw(",\"published\":"); out.nonEmptyString(item.published)
            out.raw(",\"updated\":"); out.nonEmptyString(item.updated)
            out.raw(",\"author\":"); out.nonEmptyString(item.author)
            out.raw(",\"author_email\":"); out.nonEmptyString(item.authorEmail)
            out.raw(",\"summary\":"); out.nonEmptyString(item.summary)
            out.raw(",\"content\":"); out.nonEmptyString(item.content)
            out.raw("}")
        }
        out.raw("],\"error\":"); out.nonEmptyString(error)
        out.raw("}")
    }
}
