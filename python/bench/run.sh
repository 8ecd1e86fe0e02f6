#!/usr/bin/env bash
# Run python/bench/bench.py in its own virtual environment (under the cache
# folder), with trafilatura and this checkout's deboil package installed:
#   python/bench/run.sh [bench.py options]
# Needs python3 -m venv, PyPI and a Rust toolchain; builds the CLI too.
set -euo pipefail
cd "$(dirname "$0")/../.."
venv="${XDG_CACHE_HOME:-$HOME/.cache}/deboil-bench/venv"
if ! "$venv/bin/python" -c "import trafilatura" 2>/dev/null; then
    python3 -m venv "$venv"
    "$venv/bin/pip" install --quiet --upgrade pip
    "$venv/bin/pip" install --quiet trafilatura
fi
"$venv/bin/pip" install --quiet --force-reinstall --no-deps ./python
cargo build --release --quiet
"$venv/bin/python" python/bench/bench.py "$@"
