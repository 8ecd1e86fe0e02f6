#!/usr/bin/env python3
"""Quality gate: run deboil on the annotated sets and fail below the pinned floors.

Usage:
    python3 quality/gate.py [--bench DIR] [--bin PATH] [--floors FILE] [--only NAME]

The bench folder (the one holding score_articles.py) is `shared/bench` in the
repository's parent folder or the nearest ancestor that has one (../shared/bench
from a clone beside shared/, ../../shared/bench from a worktree one level
deeper); pass `--bench DIR` when it is elsewhere.

For every set in the floors file (quality/floors.json) this runs the deboil binary
on the set's inputs, scores the records with the bench's own scorer (score_articles.py,
score_segments.py or score_metadata.py, all in the bench folder), prints one line per
metric and exits 1 when any metric is below its floor (2 on a usage or setup error).

Raising a floor is a deliberate commit; lowering one needs a stated reason in the
commit message.

Standard library only.
"""

import argparse
import json
import os
import subprocess
import sys
import tempfile

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)


def score(bench, scorer, truth, records):
    out = subprocess.run(
        [sys.executable, os.path.join(bench, scorer), os.path.join(bench, truth), records, "--json"],
        check=True,
        capture_output=True,
        text=True,
    ).stdout
    return json.loads(out)


def lookup(result, path):
    """`fields.title.exact` -> result['fields']['title']['exact']."""
    for part in path.split("."):
        result = result[part]
    return result


def find_bench():
    """`shared/bench` beside the repository or beside one of its ancestors;
    None when there is none."""
    folder = os.path.dirname(ROOT)
    while True:
        candidate = os.path.join(folder, "shared", "bench")
        if os.path.isfile(os.path.join(candidate, "score_articles.py")):
            return candidate
        parent = os.path.dirname(folder)
        if parent == folder:
            return None
        folder = parent


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument(
        "--bench",
        help="the bench folder, holding score_articles.py "
        "(default: shared/bench beside the repository or an ancestor of it)",
    )
    ap.add_argument("--bin", default=os.path.join(ROOT, "target", "release", "deboil"))
    ap.add_argument("--floors", default=os.path.join(HERE, "floors.json"))
    ap.add_argument("--only", help="run only the set with this name")
    args = ap.parse_args()

    if args.bench is None:
        args.bench = find_bench()
        if args.bench is None:
            print(
                f"gate: no shared/bench folder beside {ROOT} or any folder above it; "
                "pass --bench DIR (the folder holding score_articles.py)",
                file=sys.stderr,
            )
            return 2
    if not os.path.isfile(os.path.join(args.bench, "score_articles.py")):
        print(
            f"gate: {args.bench} is not the bench folder (no score_articles.py in it); "
            "pass --bench DIR (the folder holding score_articles.py)",
            file=sys.stderr,
        )
        return 2
    if not os.access(args.bin, os.X_OK):
        print(f"gate: no deboil binary at {args.bin} (cargo build --release)", file=sys.stderr)
        return 2
    with open(args.floors, encoding="utf-8") as f:
        sets = json.load(f)["sets"]

    failed = []
    for s in sets:
        if args.only and s["name"] != args.only:
            continue
        with tempfile.TemporaryDirectory() as out:
            run = subprocess.run(
                [args.bin, os.path.join(args.bench, s["input"]), "-o", out, "--no-progress"],
                capture_output=True,
                text=True,
            )
            if run.returncode not in (0, 1):
                print(f"gate: deboil failed on {s['name']}: {run.stderr.strip()}", file=sys.stderr)
                return 2
            records = os.path.join(out, "articles.jsonl")
            for check in s["checks"]:
                result = score(args.bench, check["scorer"], s["truth"], records)
                for metric, floor in check["floors"].items():
                    value = lookup(result, metric)
                    ok = value is not None and value >= floor
                    mark = "ok  " if ok else "FAIL"
                    print(f"{mark} {s['name']:<28} {metric:<24} {value:.4f}  (floor {floor:.4f})")
                    if not ok:
                        failed.append(f"{s['name']} {metric}")
    if failed:
        print(f"gate: {len(failed)} metric(s) below their floor: {', '.join(failed)}", file=sys.stderr)
        return 1
    print("gate: all metrics at or above their floors")
    return 0


if __name__ == "__main__":
    sys.exit(main())
