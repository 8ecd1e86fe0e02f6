"""deboil.extract gives the CLI's record on pages of every bench set
(../shared/bench): HTML pages in many charsets and sites, and w3m/lynx text
dumps.

A sample of each set by default (every page with DEBOIL_PARITY_ALL=1). HTML
pages go through the CLI in one run per set; each text dump runs alone, a
batch of one, since the CLI learns a site template from the dumps of a batch
and a single page has none (see the README: the template is a batch
matter).
"""

import os

import pytest

import deboil
from conftest import BENCH, cli_id, format_of

SETS = {
    "scrapinghub-html": "scrapinghub/html",
    "trafilatura-html": "trafilatura-dev/html",
    "wceb-html": "wceb-dev/html",
    "scrapinghub-w3m": "scrapinghub-text/w3m",
    "scrapinghub-lynx": "scrapinghub-text/lynx",
    "trafilatura-w3m": "trafilatura-dev/text/w3m",
    "trafilatura-lynx": "trafilatura-dev/text/lynx",
    "wceb-w3m": "wceb-dev/text/w3m",
    "wceb-lynx": "wceb-dev/text/lynx",
    "seeds": "seeds",
}
PAGE_SUFFIXES = (".html", ".html.gz", ".htm", ".txt", ".txt.gz")
# Pages per set in the default sample.
SAMPLE = 12


def pages_of(rel):
    folder = BENCH / rel
    if not folder.is_dir():
        pytest.fail(f"no bench set at {folder}: the bench data sits at ../shared/bench, or set DEBOIL_BENCH")
    files = sorted(p for p in folder.rglob("*") if p.is_file() and p.name.lower().endswith(PAGE_SUFFIXES))
    assert files, folder
    if os.environ.get("DEBOIL_PARITY_ALL") == "1":
        return files
    step = max(1, len(files) // SAMPLE)
    return files[::step][:SAMPLE]


def outcome(path):
    """What deboil.extract gives for a page file named like the CLI names it."""
    try:
        record = deboil.extract(path.read_bytes(), format=format_of(path), id=cli_id(path), source=str(path))
    except deboil.DeboilError as e:
        return e.reason
    return "no article text found" if record is None else record


@pytest.mark.parametrize("name", sorted(SETS))
def test_bench_set_equals_the_cli(name, cli):
    files = pages_of(SETS[name])
    html = [p for p in files if format_of(p) == "html"]
    text = [p for p in files if format_of(p) != "html"]
    want = {}
    if html:
        records, errors = cli.run(html)
        for p in html:
            got = records.get(str(p), errors.get(str(p)))
            if isinstance(got, dict):
                # Duplicate marks compare pages of one run: none for one page.
                got["duplicate_of"] = None
            want[p] = got
    for p in text:
        want[p] = cli.one(p)
    differ = [str(p) for p in files if outcome(p) != want[p]]
    assert not differ, f"{len(differ)} of {len(files)} pages differ from the CLI: {differ[:5]}"
    assert sum(isinstance(w, dict) for w in want.values()) >= len(files) // 2
