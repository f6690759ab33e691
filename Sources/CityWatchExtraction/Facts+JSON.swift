import Foundation
import CityWatchSupport

/// The facts as one JSON line with the keys in the order INTERFACE.md shows (JSONEncoder on Linux orders keys by
/// hash, differently in every run) and fast enough for thousands of articles a second.
extension Facts {
    package func jsonLine() -> String {
        var w = JSONWriter()
        w.open()
        w.key("title"); w.string(title)
        w.key("relevant"); w.bool(relevant)
        w.key("cities"); w.array(cities) { w, c in
            w.open(); w.key("city"); w.string(c.city); w.key("role"); w.string(c.role.rawValue); w.key("mentions"); w.number(Double(c.mentions))
            w.key("evidence"); w.string(c.evidence); w.close()
        }
        w.key("figures"); w.array(figures) { w, f in
            w.open(); w.key("city"); w.string(f.city); w.key("scope"); w.string(f.scope.rawValue)
            w.key("state"); w.string(f.state); w.key("measure"); w.string(f.measure)
            w.key("value"); w.number(f.value); w.key("unit"); w.string(f.unit.rawValue)
            w.key("qualifier"); w.string(f.qualifier?.rawValue); w.key("plan"); w.bool(f.plan)
            w.key("evidence"); w.string(f.evidence); w.close()
        }
        w.key("quotes"); w.array(quotes) { w, q in
            w.open(); w.key("speaker"); w.string(q.speaker); w.key("role"); w.string(q.role)
            w.key("text"); w.string(q.text); w.close()
        }
        if let numbers {
            w.key("numbers"); w.array(numbers) { w, n in
                w.open(); w.key("value"); w.number(n.value); w.key("unit"); w.string(n.currency ?? n.unit.rawValue)
                w.key("span"); w.string(n.span); w.key("qualifier"); w.string(n.qualifier?.rawValue)
                w.key("range")
                if let r = n.range {
                    w.open(); w.key("min"); w.number(r.min); w.key("max"); w.number(r.max); w.close()
                } else { w.raw("null") }
                w.close()
            }
        }
        w.close()
        return w.string
    }
}
