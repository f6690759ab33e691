#!/usr/bin/env python3
"""List a city extractor's errors on an LGL-style corpus, grouped by reason and by name (analysis aid).

usage: scripts/places-errors.py CITYWATCH_BINARY CORPUS_JSONL CITIES_TSV [--context] [--name NAME] [--top N]

CORPUS_JSONL: articles {"id", "text", "places": [{"span", "start", "end", "geonameid", "fcode", "country", "us_city"}]}
(e.g. ../shared/corpora/places/lgl-us.jsonl, local test data: never copy its texts into the project).
CITIES_TSV: ../shared/data/us-cities.tsv. Scoring follows score_places.py (document level, display names).
Reasons for a false city: the span is annotated as a county, a state, another US city (wrong homonym), a foreign
place, or is not annotated at all. Reasons for a miss: the name was output in another state (wrong homonym), or not
at all. --context prints the first mention's surroundings of every error (for the analyst's eyes only).
"""
import argparse, collections, csv, json, re, subprocess


def run(binary, texts):
    stdin = "".join(json.dumps({"text": t}) + "\n" for t in texts)
    r = subprocess.run([binary, "extract", "--jsonl", "-"], input=stdin, capture_output=True, text=True, timeout=600)
    return [{c["city"] for c in (json.loads(l).get("cities") or [])} for l in r.stdout.splitlines() if l.strip()]


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("binary"); ap.add_argument("corpus"); ap.add_argument("cities")
    ap.add_argument("--context", action="store_true"); ap.add_argument("--name"); ap.add_argument("--top", type=int, default=40)
    a = ap.parse_args()
    display = {}
    with open(a.cities, encoding="utf-8") as f:
        for row in csv.DictReader(f, delimiter="\t"):
            display[int(row["geonameid"])] = row["display_name"]
    arts = [json.loads(l) for l in open(a.corpus, encoding="utf-8") if l.strip()]
    got = run(a.binary, [x["text"] for x in arts])
    reasons, names = collections.Counter(), collections.Counter()
    tp = fp = fn = 0
    lines = []
    for art, mine in zip(arts, got):
        gold = {display[p["us_city"]] for p in art["places"] if p.get("us_city") in display}
        neutral = {p["span"] for p in art["places"] if not p.get("us_city")
                   and (p.get("geonameid") is None
                        or ((p.get("fcode") or "").startswith("PPL") and p.get("country") == "United States"))}
        by_span = collections.defaultdict(list)
        for p in art["places"]:
            by_span[p["span"]].append(p)
        mine_names = {c.split(",")[0]: c for c in mine}
        for c in sorted(mine):
            name = c.split(",")[0]
            if c in gold:
                tp += 1; continue
            if name in neutral:
                continue
            fp += 1
            ann = by_span.get(name, [])
            if not ann:
                why = "unannotated"
            else:
                p = ann[0]; fc = p.get("fcode") or ""
                if p.get("us_city") in display:
                    why = "wrong homonym (gold %s)" % display[p["us_city"]].split(", ")[1]
                elif fc.startswith("ADM2"):
                    why = "county"
                elif fc.startswith("ADM1"):
                    why = "state"
                elif p.get("country") != "United States":
                    why = "foreign " + fc
                else:
                    why = "other " + fc
            key = why.split(" (")[0]
            reasons["FP " + key] += 1; names["FP " + name] += 1
            lines.append((art, "FP", c, why, name))
        for c in sorted(gold - mine):
            fn += 1
            name = c.split(",")[0]
            spans = sorted({p["span"] for p in art["places"] if p.get("us_city") in display and display[p["us_city"]] == c})
            if name in mine_names:
                why = "resolved elsewhere (%s)" % mine_names[name]
            elif any(s in mine_names for s in spans):
                why = "resolved elsewhere"
            else:
                why = "not found"
            key = why.split(" (")[0]
            reasons["FN " + key] += 1; names["FN " + name] += 1
            lines.append((art, "FN", c, why, spans[0] if spans else name))
    p = tp / max(tp + fp, 1); r = tp / max(tp + fn, 1)
    print(f"tp {tp} fp {fp} fn {fn}  precision {p:.3f} recall {r:.3f}")
    print("\nby reason:")
    for k, v in reasons.most_common():
        print(f"  {v:4d}  {k}")
    print("\nby name:")
    for k, v in names.most_common(a.top):
        print(f"  {v:4d}  {k}")
    if a.context or a.name:
        print()
        for art, kind, c, why, span in lines:
            if a.name and a.name not in c:
                continue
            text = art["text"]
            m = re.search(r"\b" + re.escape(span) + r"\b", text)
            ctx = text[max(0, m.start() - 80): m.end() + 60].replace("\n", " ") if m else ""
            print(f"{kind} {art['id']} {c} [{why}]  …{ctx}…")


if __name__ == "__main__":
    main()
