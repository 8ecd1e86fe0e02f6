"""Shared helpers: where the repository's pages are, and the CLI to compare
the package with.

The CLI is ``$DEBOIL_BIN`` when set (CI passes the release build), else
``target/release/deboil`` at the repository root, built with cargo when it
is missing.
"""

import json
import os
import subprocess
import tempfile
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[2]
RAW = REPO / "raw"
FIXTURES = REPO / "tests" / "fixtures"
# The benchmark data sits beside the repository (../shared/bench), in CI too.
BENCH = Path(os.environ.get("DEBOIL_BENCH", REPO.parent / "shared" / "bench"))

# Type extensions as the CLI reads them (src/input/mod.rs), with the format
# each announces; anything else is sniffed.
FORMATS = {".html": "html", ".htm": "html", ".xhtml": "html", ".txt": "text"}


def format_of(path):
    """The format the CLI takes from a file's name ("auto" when it does not
    tell)."""
    name = path.name.lower()
    if name.endswith(".gz"):
        name = name[:-3]
    for ext, fmt in FORMATS.items():
        if name.endswith(ext) and len(name) > len(ext):
            return fmt
    return "auto"


def cli_id(path):
    """The record id the CLI gives a file named on its command line."""
    name = path.name
    if name.lower().endswith(".gz"):
        name = name[:-3]
    for ext in FORMATS:
        if name.lower().endswith(ext) and len(name) > len(ext):
            return name[: -len(ext)]
    return name


@pytest.fixture(scope="session")
def deboil_bin():
    path = Path(os.environ.get("DEBOIL_BIN") or REPO / "target" / "release" / "deboil")
    if not path.exists():
        subprocess.run(["cargo", "build", "--release", "--quiet"], cwd=REPO, check=True)
    assert path.exists(), f"no deboil CLI at {path}"
    return path


class Cli:
    """Runs the CLI on files and reads its records back."""

    def __init__(self, binary):
        self.binary = binary

    def run(self, files, *args):
        """Records and error records of one CLI run over `files`, by source
        path."""
        with tempfile.TemporaryDirectory() as out:
            p = subprocess.run(
                [str(self.binary), *map(str, files), "-o", out, "-q", "-j1", *args],
                capture_output=True,
                text=True,
            )
            assert p.returncode in (0, 1), p.stderr
            with open(os.path.join(out, "articles.jsonl"), encoding="utf-8") as f:
                records = {r["source"]: r for r in map(json.loads, f)}
            with open(os.path.join(out, "errors.jsonl"), encoding="utf-8") as f:
                errors = {e["source"]: e["reason"] for e in map(json.loads, f)}
        return records, errors

    def one(self, path, *args):
        """The CLI's outcome for one file run alone: its record, or its
        error reason as a str."""
        records, errors = self.run([path], *args)
        if str(path) in records:
            return records[str(path)]
        return errors[str(path)]


@pytest.fixture(scope="session")
def cli(deboil_bin):
    return Cli(deboil_bin)


def shipped_pages():
    """Every page the repository ships: raw/ and the golden fixtures."""
    pages = sorted(p for p in RAW.rglob("*") if p.is_file() and not p.name.startswith("."))
    pages += sorted(FIXTURES.glob("*/source.*"))
    assert pages, "no pages under raw/ and tests/fixtures/"
    return pages


def need(module):
    """Import an optional dependency of a test: skipped when missing, except
    in CI (CI=true), whose environment installs it, where a missing module
    fails the test."""
    if os.environ.get("CI") == "true":
        return __import__(module)
    return pytest.importorskip(module)
