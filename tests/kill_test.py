#!/usr/bin/env python3
"""Kill test of deboil's commit: SIGKILL at every step that changes the
output folder's names, and at random moments; after each kill the folder
must show one whole run, the one before or the one after, never a mix.

    python3 tests/kill_test.py target/release/deboil [--random N] [--seed S]

Each scenario starts from a known folder (the run before, "old"), runs one
command (the run after, "new") and knows both results: "new" from the same
command run to its end on the same starting folder. For every call of
rename, unlink, symlink, link, mkdir and rmdir (and their *at forms) that
command makes, one trial restores the starting folder and runs the command
under `strace -e inject=SYSCALL:signal=SIGKILL:when=N`, which kills it on
entering its N-th such call, before the call is made (so the trials see the
folder after every step but the last, and the run to its end shows the
state after the last). More trials kill it after a random delay. After each
kill the test reads every published name, as a reader would, following
links: the bytes must be those of the old run under every name or those of
the new run under every name (for a first run: no file at all, or the new
run); through `DIR/current`, when it exists, it must read the same. Then
the command is run again to its end: it must succeed, give the new run's
records and leave no leftover (versions not committed, links half made,
links that lead nowhere).

Needs strace (Debian: `apt-get install strace`); `--no-strace` keeps the
random kills only. Prints one line per scenario and `N passed, M failed`
(trials); exits 1 on any mixed state or failed recovery.
"""

import argparse
import json
import os
import random
import shutil
import subprocess
import sys
import tempfile
import time

# Every name deboil publishes in an output folder.
NAMES = [
    "articles.jsonl",
    "articles.jsonl.gz",
    "articles.jsonl.zst",
    "articles.csv",
    "articles.parquet",
    "errors.jsonl",
    "summary.json",
    "shard-complete.json",
    ".deboil-manifest.jsonl",
]
RECORDS = [n for n in NAMES if n.startswith(("articles", "errors"))]
SYSCALLS = [
    "rename",
    "renameat",
    "renameat2",
    "unlink",
    "unlinkat",
    "symlink",
    "symlinkat",
    "link",
    "linkat",
    "rmdir",
    "mkdir",
    "mkdirat",
]


def write_pages(folder, n, tag, seed=0):
    """n small pages, each with its own text; one in ten empty (an error)."""
    os.makedirs(folder, exist_ok=True)
    for i in range(n):
        path = os.path.join(folder, "p%04d.html" % i)
        if i % 10 == 4:
            body = ""
        else:
            body = (
                "<html><head><title>Page %d %s</title></head><body><nav><a href=/>Home</a>"
                "</nav><article><p>Paragraph %d of run %s (%d): the council approved the "
                "new budget on Tuesday, after a long debate, and the mayor spoke.</p>"
                "<p>A second paragraph, so that the page has some text to keep, with "
                "commas, clauses, and a closing sentence of its own.</p></article>"
                "</body></html>" % (i, tag, i, tag, seed)
            )
        with open(path, "w") as f:
            f.write(body)


def without_seconds(data):
    """summary.json and the shard marker hold the run's duration."""

    def strip(v):
        if isinstance(v, dict):
            return {k: strip(x) for k, x in v.items() if k != "seconds"}
        if isinstance(v, list):
            return [strip(x) for x in v]
        return v

    try:
        return json.dumps(strip(json.loads(data)), sort_keys=True).encode()
    except ValueError:
        return data


def view(folder, names=NAMES):
    """What a reader sees under each name (None: cannot be opened)."""
    seen = {}
    for name in names:
        try:
            with open(os.path.join(folder, name), "rb") as f:
                data = f.read()
        except (FileNotFoundError, NotADirectoryError):
            data = None
        if data is not None and name in ("summary.json", "shard-complete.json"):
            data = without_seconds(data)
        seen[name] = data
    return seen


EMPTY = {n: None for n in NAMES}


def leftovers(folder):
    """What a finished run must not leave behind in its folder."""
    found = []
    runs = os.path.join(folder, ".deboil-runs")
    if os.path.lexists(os.path.join(folder, "current")):
        committed = os.path.basename(os.readlink(os.path.join(folder, "current")))
        versions = sorted(os.listdir(runs)) if os.path.isdir(runs) else []
        if versions != [committed]:
            found.append("versions %s, committed %s" % (versions, committed))
    for name in os.listdir(folder):
        if name.startswith((".deboil-link-", ".deboil-tmp-", ".deboil-commit")):
            found.append(name)
    for name in NAMES:
        path = os.path.join(folder, name)
        if os.path.islink(path) and not os.path.exists(path):
            found.append(name + " leads nowhere")
    return found


def restore(backup, out):
    if os.path.lexists(out):
        shutil.rmtree(out)
    if backup is not None:
        shutil.copytree(backup, out, symlinks=True)


class Scenario:
    """One starting folder, one command, the two runs' views."""

    def __init__(self, name, out, cmd, view_dir=None, first=False):
        self.name = name
        self.out = out  # the -o folder
        self.cmd = cmd
        self.view_dir = view_dir or out  # the folder a reader reads
        self.first = first
        self.backup = None
        self.old = EMPTY
        self.new = None
        self.seconds = 0.0


def run(cmd, **kw):
    return subprocess.run(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, **kw)


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("deboil")
    ap.add_argument("--random", type=int, default=12, help="random kills per scenario")
    ap.add_argument("--seed", type=int, default=16)
    ap.add_argument("--no-strace", action="store_true", help="random kills only")
    ap.add_argument("--only", help="run one scenario")
    args = ap.parse_args()
    deboil = os.path.abspath(args.deboil)
    strace = shutil.which("strace")
    if not args.no_strace and not strace:
        sys.exit("kill_test: strace not found (apt-get install strace), or pass --no-strace")
    rng = random.Random(args.seed)
    tmp = tempfile.mkdtemp(prefix="deboil-kill-")
    try:
        return check(deboil, None if args.no_strace else strace, rng, args, tmp)
    finally:
        shutil.rmtree(tmp, ignore_errors=True)


def check(deboil, strace, rng, args, tmp):
    def path(*p):
        return os.path.join(tmp, *p)

    write_pages(path("in1"), 40, "one")
    write_pages(path("in2"), 40, "two", seed=1)
    write_pages(path("inc"), 40, "inc")
    base = [deboil, "-j", "2", "-q", "--no-progress"]
    parquet = run(base + [path("in1"), "-o", path("probe"), "--format", "parquet"]).returncode != 2

    def made(out, *extra, inputs="in1"):
        """The starting folder: the old run, by deboil itself."""
        r = run(base + [path(inputs), "-o", out, *extra])
        assert r.returncode in (0, 1), r.stderr

    scenarios = []

    def scenario(name, setup, cmd_extra, inputs="in2", sub=None, first=False):
        out = path(name)
        s = Scenario(
            name,
            out,
            base + [path(inputs), "-o", out, *cmd_extra],
            view_dir=os.path.join(out, sub) if sub else out,
            first=first,
        )
        if setup is not None:
            setup(out)
            s.backup = path(name + ".backup")
            shutil.copytree(out, s.backup, symlinks=True)
        scenarios.append(s)

    scenario("first-run", None, [], first=True)

    def legacy(out):
        # The layout deboil 0.1 wrote: the files themselves at the top.
        made(path("legacy-src"))
        os.makedirs(out)
        for name in NAMES + [".deboil.lock"]:
            src = path("legacy-src", name)
            if os.path.exists(src):
                shutil.copyfile(src, os.path.join(out, name))

    scenario("from-0.1-layout", legacy, [])
    scenario("rerun", lambda out: made(out), [])
    scenario("to-gzip", lambda out: made(out), ["--compress", "gzip"])
    if parquet:
        scenario(
            "zstd-to-parquet",
            lambda out: made(out, "--compress", "zstd"),
            ["--format", "parquet"],
        )
    scenario(
        "shard",
        lambda out: made(out, "--shard", "1/2"),
        ["--shard", "1/2"],
        sub="shard-00001-of-00002",
    )

    def dead_run(out):
        # The old run, and what a run killed before its switch leaves.
        made(out)
        runs = os.path.join(out, ".deboil-runs")
        os.makedirs(os.path.join(runs, "run-0-0-0"), exist_ok=True)
        with open(os.path.join(runs, "run-0-0-0", "articles.jsonl.gz"), "wb") as f:
            f.write(b"\x1f\x8b partial")
        os.symlink("current/articles.jsonl.gz", os.path.join(out, "articles.jsonl.gz"))
        os.symlink(".deboil-runs/run-0-0-0", os.path.join(out, ".deboil-link-current"))

    scenario("after-a-dead-run", dead_run, [])

    def incremental(out):
        made(out, "--incremental", inputs="inc")
        # Then: one page changed, one added, one deleted.
        with open(path("inc", "p0003.html"), "w") as f:
            f.write("<article><p>Rewritten: the council approved nothing at all today.</p></article>")
        with open(path("inc", "p9999.html"), "w") as f:
            f.write("<article><p>Brand new: a page that did not exist before, with words.</p></article>")
        os.remove(path("inc", "p0005.html"))

    scenario("incremental", incremental, ["--incremental"], inputs="inc")

    passed = failed = points_total = 0
    for s in scenarios:
        if args.only and s.name != args.only:
            continue
        restore(s.backup, s.out)
        s.old = view(s.view_dir) if s.backup else EMPTY
        start = time.monotonic()
        r = run(s.cmd)
        s.seconds = time.monotonic() - start
        assert r.returncode in (0, 1), (s.name, r.stderr)
        s.new = view(s.view_dir)
        assert s.new != s.old, s.name
        trials = []  # (label, argv prefix or delay)
        if strace:
            counts = count_calls(strace, s)
            for call, n in sorted(counts.items()):
                for i in range(1, n + 1):
                    trials.append(("%s#%d" % (call, i), call, i))
        for i in range(args.random):
            trials.append(("random#%d" % i, None, rng.uniform(0, s.seconds * 1.5)))
        states = {"old": 0, "new": 0, "none": 0, "MIXED": 0}
        bad = []
        for label, call, when in trials:
            restore(s.backup, s.out)
            if call:
                r = run(
                    [strace, "-f", "-qq", "-o", os.devnull, "-e", "trace=" + ",".join(SYSCALLS),
                     "-e", "inject=%s:signal=SIGKILL:when=%d" % (call, when)] + s.cmd
                )
            else:
                p = subprocess.Popen(s.cmd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
                time.sleep(when)
                p.kill()
                p.wait()
            state = classify(s)
            states[state] += 1
            problem = None
            if state == "MIXED":
                problem = "mixed state: %s" % describe(s)
            else:
                r = run(s.cmd)
                if r.returncode not in (0, 1):
                    problem = "the next run failed: %s" % r.stderr.decode(errors="replace")
                elif view(s.view_dir, RECORDS) != {n: s.new[n] for n in RECORDS}:
                    problem = "the next run's records differ from the new run's"
                elif leftovers(s.view_dir):
                    problem = "leftovers after the next run: %s" % leftovers(s.view_dir)
            if problem:
                failed += 1
                bad.append("%s: %s" % (label, problem))
            else:
                passed += 1
        points = sum(1 for t in trials if t[1])
        points_total += points
        print(
            "%-18s %3d kill points + %d random: old %d, new %d, no run %d, mixed %d"
            % (s.name, points, args.random, states["old"], states["new"], states["none"],
               states["MIXED"])
        )
        for line in bad[:10]:
            print("    " + line)
    print("kill test: %d kill points at calls, %d failed trials" % (points_total, failed))
    print("%d passed, %d failed" % (passed, failed))
    return 1 if failed else 0


def count_calls(strace, s):
    """How many times the command makes each call of SYSCALLS, per thread
    (strace counts `when` per thread and per call)."""
    restore(s.backup, s.out)
    log = s.out.rstrip("/") + ".strace"
    r = run([strace, "-f", "-qq", "-o", log, "-e", "trace=" + ",".join(SYSCALLS)] + s.cmd)
    assert r.returncode in (0, 1), r.stderr
    counts = {}
    with open(log) as f:
        for line in f:
            parts = line.split(None, 1)
            if len(parts) < 2 or "resumed>" in parts[1]:
                continue
            call = parts[1].split("(", 1)[0]
            if call in SYSCALLS:
                key = (parts[0], call)
                counts[key] = counts.get(key, 0) + 1
    os.remove(log)
    per_call = {}
    for (_, call), n in counts.items():
        per_call[call] = max(per_call.get(call, 0), n)
    return per_call


def classify(s):
    seen = view(s.view_dir)
    current = os.path.join(s.view_dir, "current")
    if os.path.exists(current) and view(current) != seen:
        return "MIXED"
    if seen == s.old:
        return "none" if s.first else "old"
    if seen == s.new:
        return "new"
    return "MIXED"


def describe(s):
    seen = view(s.view_dir)
    parts = []
    for n in NAMES:
        if seen[n] is None and s.old[n] is None and s.new[n] is None:
            continue
        which = "old" if seen[n] == s.old[n] else "new" if seen[n] == s.new[n] else "other"
        if s.old[n] == s.new[n]:
            which = "same"
        parts.append("%s=%s" % (n, which))
    return ", ".join(parts)


if __name__ == "__main__":
    sys.exit(main())
