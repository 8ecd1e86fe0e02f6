#!/usr/bin/env python3
"""Pages per second of deboil from Python, against trafilatura and the CLI.

On the same pages, held in memory as bytes (gunzipped) before any clock
starts:

  deboil.extract           one call per page, in a Python loop
  deboil.extract_many      the whole list, threads=1, 2 and 0 (one per core)
  trafilatura.extract      one call per page (its defaults), if installed
  deboil CLI -j1           the same pages as files (reads and writes its
                           outputs too), for the cost per page

Each row gives wall seconds, pages per second and CPU seconds per page
(process CPU time: on a busy machine CPU time is steadier than wall time).
Every deboil row is the best of --repeat runs; trafilatura runs once.

    python/bench/run.sh                  # makes its venv, then runs this
    python bench.py [--sets sh,tr] [--repeat 3] [--limit N] [--cli PATH]

Sets: sh = scrapinghub/html (181 pages), tr = trafilatura-dev/html (192),
wceb = wceb-dev/html (933), all under --bench (default ../shared/bench).
"""

import argparse
import gzip
import os
import subprocess
import tempfile
import time
from pathlib import Path

import deboil

REPO = Path(__file__).resolve().parents[2]
SETS = {"sh": "scrapinghub/html", "tr": "trafilatura-dev/html", "wceb": "wceb-dev/html"}


def load(bench, sets, limit):
    files = []
    for name in sets:
        folder = Path(bench) / SETS[name]
        files += sorted(p for p in folder.rglob("*") if p.is_file() and ".htm" in p.name)
    if limit:
        files = files[:limit]
    pages = []
    for p in files:
        data = p.read_bytes()
        pages.append(gzip.decompress(data) if data[:2] == b"\x1f\x8b" else data)
    return files, pages


def clock(fn, repeat):
    """Best (wall, cpu) seconds of `repeat` runs of fn."""
    best = None
    for _ in range(repeat):
        w, c = time.perf_counter(), time.process_time()
        fn()
        run = (time.perf_counter() - w, time.process_time() - c)
        best = run if best is None or run[0] < best[0] else best
    return best


def cli_run(cli, files, repeat):
    """Best (wall, cpu) of the CLI at -j1 on the page files (CPU: user+sys
    of the child, from wait4)."""
    best = None
    with tempfile.TemporaryDirectory() as tmp:
        listing = Path(tmp) / "inputs.txt"
        listing.write_text("".join(f"{p}\n" for p in files))
        for _ in range(repeat):
            w = time.perf_counter()
            proc = subprocess.Popen(
                [str(cli), "--inputs-from", str(listing), "-o", str(Path(tmp) / "out"), "-q", "-j1"],
            )
            _, status, usage = os.wait4(proc.pid, 0)
            proc.returncode = os.waitstatus_to_exitcode(status)
            wall = time.perf_counter() - w
            assert proc.returncode in (0, 1), proc.returncode
            run = (wall, usage.ru_utime + usage.ru_stime)
            best = run if best is None or run[0] < best[0] else best
    return best


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--bench", default=str(REPO.parent / "shared" / "bench"))
    ap.add_argument("--sets", default="sh,tr")
    ap.add_argument("--repeat", type=int, default=3)
    ap.add_argument("--limit", type=int, default=0, help="first N pages only")
    ap.add_argument("--cli", default=str(REPO / "target" / "release" / "deboil"))
    ap.add_argument("--no-trafilatura", action="store_true")
    args = ap.parse_args()

    files, pages = load(args.bench, args.sets.split(","), args.limit)
    n = len(pages)
    if not n:
        raise SystemExit(f"bench.py: no pages under {args.bench} (set --bench)")
    mb = sum(map(len, pages)) / 1e6
    print(f"{n} pages, {mb:.1f} MB (sets {args.sets}), {os.cpu_count()} cores, "
          f"load average {os.getloadavg()[0]:.2f}")
    rows = []
    # One untimed pass, so the first timed row does not pay the warm-up
    # (page faults of a growing heap, cold caches).
    deboil.extract_many(pages, threads=1, errors="ignore")

    def loop():
        for p in pages:
            try:
                deboil.extract(p)
            except deboil.DeboilError:
                pass

    rows.append(("deboil.extract, Python loop", *clock(loop, args.repeat)))
    for threads in (1, 2, 0):
        def many(threads=threads):
            deboil.extract_many(pages, threads=threads, errors="ignore")

        label = f"deboil.extract_many, threads={threads}" + (f" ({os.cpu_count()})" if threads == 0 else "")
        rows.append((label, *clock(many, args.repeat)))
    if Path(args.cli).exists():
        rows.append(("deboil CLI -j1 (files in, outputs written)", *cli_run(args.cli, files, args.repeat)))
    else:
        print(f"(no CLI at {args.cli}: build it with cargo build --release)")
    if not args.no_trafilatura:
        try:
            import trafilatura
        except ImportError:
            print("(trafilatura not installed: python/bench/run.sh makes a venv with it)")
        else:
            def traf():
                for p in pages:
                    trafilatura.extract(p)

            rows.append((f"trafilatura.extract {trafilatura.__version__}, Python loop", *clock(traf, 1)))

    base = rows[0][1]
    print(f"{'':48} {'wall s':>8} {'pages/s':>9} {'CPU ms/page':>12} {'speed-up':>9}")
    for label, wall, cpu in rows:
        print(f"{label:48} {wall:8.2f} {n / wall:9.1f} {1000 * cpu / n:12.2f} {base / wall:8.2f}x")


if __name__ == "__main__":
    main()
