#!/usr/bin/env python3
"""Check `citywatch extract` on the seeds against seeds.expected.json.

usage: scripts/check-seeds.py CITYWATCH_BINARY SEEDS_DIR EXPECTED_JSON

Per seed: every expected city, no other city; every expected figure (city, value, unit, measure words) and no
figure stating a not_figures number; every expected quote (speaker, text start). Last line: 'seeds: P/N checks'.
"""
import json, os, subprocess, sys

def main():
    binary, seeds, expected = sys.argv[1:4]
    exp = json.load(open(expected))["documents"]
    ok = total = 0
    for name, e in sorted(exp.items()):
        out = json.loads(subprocess.run([binary, "extract", os.path.join(seeds, name)], capture_output=True,
                                        text=True, check=True).stdout)
        problems = []
        got_cities = {c["city"] for c in out["cities"]}
        if got_cities != set(e["cities"]):
            problems.append(f"cities {sorted(got_cities)} != {sorted(e['cities'])}")
        for f in e["figures"]:
            if not any(g["city"] == f["city"] and abs(g["value"] - f["value"]) < 1e-9 and g["unit"] == f["unit"]
                       and all(w.lower() in g["measure"].lower() for w in f["measure_has"]) for g in out["figures"]):
                problems.append(f"missing figure {f}")
        for g in out["figures"]:
            if not any(g["city"] == f["city"] and abs(g["value"] - f["value"]) < 1e-9 for f in e["figures"]):
                problems.append(f"false figure {g['city']} {g['measure']} {g['value']}")
        for q in e["quotes"]:
            if not any(g["speaker"] == q["speaker"] and g["text"].startswith(q["text_starts"]) for g in out["quotes"]):
                problems.append(f"missing quote {q}")
        total += 1
        ok += not problems
        print(f"{name}: {'ok' if not problems else '; '.join(problems)}")
    print(f"seeds: {ok}/{total} documents right")

if __name__ == "__main__":
    main()
