#!/bin/sh
# End-to-end throughput and memory of the CLI on a folder of pages.
#
#   benches/cli.sh DIR [BIN]
#
# BIN defaults to target/release/deboil (or $CARGO_TARGET_DIR/release/deboil).
# Makes an 8x batch of DIR (every file under it, subfolders included,
# hard-linked under eight prefixes, so they are distinct inputs), then
# prints for the 1x and the 8x batch, at --threads 1 and --threads 2:
# pages, MB, seconds, MB/s, pages/s (from the run's summary.json), the CPU
# seconds (user + system) with the MB per CPU second, and the peak resident
# memory (/usr/bin/time -v). On a busy machine wall-clock figures swing; MB
# per CPU second is steadier, and figures from one invocation compare better
# than figures across runs.
set -eu
DIR=${1:?usage: benches/cli.sh DIR [BIN]}
BIN=${2:-${CARGO_TARGET_DIR:-target}/release/deboil}
[ -x "$BIN" ] || { echo "no binary at $BIN (cargo build --release)" >&2; exit 1; }
[ -x /usr/bin/time ] || { echo "needs /usr/bin/time (GNU time)" >&2; exit 1; }
WORK=$(mktemp -d)
trap 'rm -rf "$WORK"' EXIT

mkdir "$WORK/x8"
# Every file under DIR, subfolders included (as the CLI finds them), once
# per copy; the relative path becomes part of the name so that equal names
# in different subfolders stay distinct.
find "$DIR" -type f ! -path '*/.*' | sort >"$WORK/files"
for i in 0 1 2 3 4 5 6 7; do
    while IFS= read -r f; do
        name=c${i}_$(printf '%s' "${f#"$DIR"/}" | tr '/' '_')
        ln "$f" "$WORK/x8/$name" 2>/dev/null || cp "$f" "$WORK/x8/$name"
    done <"$WORK/files"
done

printf '%-6s %-8s %6s %8s %8s %8s %9s %8s %9s %9s\n' batch threads pages MB seconds MB/s pages/s cpu_s MB/cpu_s peakMiB
for batch in x1 x8; do
    if [ "$batch" = x1 ]; then in=$DIR; else in=$WORK/x8; fi
    for j in 1 2; do
        out=$WORK/out-$batch-$j
        /usr/bin/time -v "$BIN" "$in" -o "$out" --threads "$j" -q 2>"$WORK/time" || true
        rss=$(sed -n 's/.*Maximum resident set size (kbytes): //p' "$WORK/time")
        user=$(sed -n 's/.*User time (seconds): //p' "$WORK/time")
        sys=$(sed -n 's/.*System time (seconds): //p' "$WORK/time")
        python3 - "$out/summary.json" "$batch" "$j" "$rss" "$user" "$sys" <<'EOF'
import json, sys
s = json.load(open(sys.argv[1]))
mb = s["bytes"] / 1e6
sec = s["seconds"]
cpu = float(sys.argv[5]) + float(sys.argv[6])
print(f"{sys.argv[2]:<6} {sys.argv[3]:<8} {s['pages']:>6} {mb:>8.1f} {sec:>8.2f} "
      f"{mb / sec:>8.1f} {s['pages'] / sec:>9.0f} {cpu:>8.2f} {mb / cpu:>9.1f} "
      f"{int(sys.argv[4]) / 1024:>9.1f}")
EOF
    done
done
