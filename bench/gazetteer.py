"""The gazetteer's load time and memory, each table size in a fresh process.

    .venv/bin/python bench/gazetteer.py                 # the configured table (data/places/gazetteer.yaml)
    .venv/bin/python bench/gazetteer.py --cities 15000 5000 1000

For each cities table: the seconds to build the gazetteer (after the imports; once per
process and knowledge set), the peak resident memory of the process (built twice: the second
time traced by tracemalloc for what the built gazetteer holds in memory afterwards), the names
and readings it holds, and the seconds per 10,000 look-ups.
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from measure import in_child  # noqa: E402


def _load(cities: int | None) -> dict:
    import tempfile
    import tracemalloc
    from collections import Counter

    import newsgraph.places  # noqa: F401  (imports first: they are not the gazetteer's cost)
    from newsgraph.gazetteer import gazetteer, settings
    from newsgraph.knowledge import Knowledge, using

    override = Path(tempfile.mkdtemp())
    if cities is not None:  # an override folder, merged over the shipped settings
        (override / "places").mkdir()
        (override / "places" / "gazetteer.yaml").write_text(f"cities: {cities}\n")
    with using(Knowledge([override])):
        start = time.perf_counter()
        gazetteer()
        seconds = time.perf_counter() - start
    with using(Knowledge([override])):  # built again, traced (tracing slows it down)
        table = settings()["cities"]
        tracemalloc.start()
        built = gazetteer()
        held = tracemalloc.get_traced_memory()[0] / 2**20
        tracemalloc.stop()
        from newsgraph.places import geocode

        names = list(built)[:10_000]
        start = time.perf_counter()
        for name in names:
            geocode(name, Counter({"USA": 3}))
        lookups = time.perf_counter() - start
    return {"cities": table, "seconds": seconds, "held_mb": held, "names": len(built),
            "readings": sum(len(r) for r in built.values()), "per_10k_lookups": lookups * 10_000 / len(names)}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--cities", type=int, nargs="*", default=[None], help="cities tables (500 1000 5000 15000)")
    args = parser.parse_args()
    print(f"{'cities':>7} {'load s':>7} {'peak RSS MiB':>13} {'held MiB':>9} {'names':>8} {'readings':>9} "
          f"{'s/10k look-ups':>15}")
    for cities in args.cities:
        r = in_child(_load, cities)
        if "error" in r:
            print(f"{cities}: {r['error']}")
            continue
        print(f"{r['cities']:>7} {r['seconds']:>7.2f} {r['peak_rss_mb']:>13.1f} {r['held_mb']:>9.1f} {r['names']:>8} "
              f"{r['readings']:>9} {r['per_10k_lookups']:>15.3f}")


if __name__ == "__main__":
    main()
