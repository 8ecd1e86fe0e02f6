#!/usr/bin/env python3
"""deboil.extract over the page files of a folder, in a Python loop: the
program callgrind counts to compare the cost per page from Python with the
CLI's (see the README, "From Python").

    python loop.py DIR extract   # read every page, then extract each
    python loop.py DIR many      # one extract_many call, threads=1
    python loop.py DIR read      # the same without extracting (baseline)

    valgrind --tool=callgrind --callgrind-out-file=py.out python loop.py DIR extract
    valgrind --tool=callgrind --callgrind-out-file=base.out python loop.py DIR read
    valgrind --tool=callgrind --callgrind-out-file=cli.out deboil DIR -o OUT -j1 -q

The Python call's cost is py.out minus base.out (interpreter start-up,
imports and reading the files cancel out); the CLI's is cli.out whole
(start-up, reading, decompressing and writing its outputs included).
Pages are read gzipped as stored: extract unpacks them as the CLI does.
"""

import sys
from pathlib import Path

import deboil

folder, mode = Path(sys.argv[1]), sys.argv[2]
files = sorted(p for p in folder.rglob("*") if p.is_file() and not p.name.startswith("."))
FORMATS = {".html": "html", ".htm": "html", ".txt": "text"}
pages = []
for p in files:
    name = p.name[:-3] if p.name.endswith(".gz") else p.name
    pages.append((p.read_bytes(), FORMATS.get(Path(name).suffix, "auto")))
if mode == "extract":
    for data, fmt in pages:
        try:
            deboil.extract(data, format=fmt)
        except deboil.DeboilError:
            pass
elif mode == "many":
    deboil.extract_many([d for d, _ in pages], format=[f for _, f in pages], threads=1, errors="ignore")
elif mode != "read":
    raise SystemExit("mode: extract, many or read")
print(len(pages), "pages", file=sys.stderr)
