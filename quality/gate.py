#!/usr/bin/env python3
"""Quality gate: run deboil on the annotated sets and fail below the pinned floors.

Usage:
    python3 quality/gate.py [--bench DIR] [--bin PATH] [--floors FILE] [--only NAME]

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


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--bench", default=os.path.join(ROOT, "..", "shared", "bench"))
    ap.add_argument("--bin", default=os.path.join(ROOT, "target", "release", "deboil"))
    ap.add_argument("--floors", default=os.path.join(HERE, "floors.json"))
    ap.add_argument("--only", help="run only the set with this name")
    args = ap.parse_args()

    if not os.path.isdir(args.bench):
        print(f"gate: bench folder not found: {args.bench}", file=sys.stderr)
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
