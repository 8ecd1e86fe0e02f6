#!/usr/bin/env python3
"""Load deboil's outputs as the README shows, with pandas, polars, DuckDB,
pyarrow and Hugging Face datasets, and check every value read against the
records themselves.

    python3 tests/load_outputs.py target/release/deboil [--bench DIR]

Runs deboil on bench pages (shared/bench: wceb-dev/html, where the
first `duplicate_of` comes after row 100, and scrapinghub-text/w3m) and on
pages it writes itself (numeric file names, so numeric-looking ids; a
title "NA" and an author "null", which readers take for missing values),
once with --format csv and once with --format parquet. Each reader must
give, for every record, the values of articles.jsonl as the json module
reads them (types included); every JSON line must validate against
`deboil schema`. Needs the packages of .ci/run's load stage (pandas,
polars, duckdb, pyarrow, datasets, jsonschema). Prints one line per reader
and `N passed, M failed`; exits 1 on any failure.
"""

import argparse
import io
import json
import math
import os
import shutil
import subprocess
import sys
import tempfile
import traceback

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
sys.path.insert(0, os.path.join(ROOT, "quality"))
from gate import find_bench  # noqa: E402


def write_edge_pages(folder):
    """Pages whose values trip readers that guess types."""
    os.makedirs(folder)
    body = (
        "<p>The council approved the new budget on Tuesday, after a long debate, "
        "and the mayor spoke at length about the plans for the town.</p>"
        "<p>Residents who had come to speak were heard one by one, late into the night.</p>"
    )
    pages = {
        "0001.html": "<html lang=en><head><title>NA</title><meta name=author content=null>"
        "</head><body><article>%s</article></body></html>" % body,
        # The same text: a duplicate of 0001, so duplicate_of is "0001".
        "0002.html": "<html lang=en><head><title>123</title></head><body><article>%s"
        "</article></body></html>" % body,
        "0003.html": "<html lang=de><head><title>None</title>"
        "<meta property=article:tag content=Rat><meta property=article:tag content=Haushalt>"
        "</head><body><article><p>Der Rat hat am Dienstag nach langer Debatte den neuen "
        "Haushalt beschlossen, und der Bürgermeister sprach lange über die Pläne.</p>"
        "<p>5 Min. Lesezeit</p></article></body></html>",
    }
    for name, html in pages.items():
        with open(os.path.join(folder, name), "w") as f:
            f.write(html)


def same(got, want):
    """Values equal, with NaN and pandas' missing values taken as None and
    integers of any width as ints."""
    if want is None:
        return got is None or (isinstance(got, float) and math.isnan(got)) or str(got) in ("<NA>", "nan")
    if isinstance(want, bool):
        return got is want
    if isinstance(want, int):
        return not isinstance(got, (bool, float, str)) and int(got) == want
    if isinstance(want, str):
        # DuckDB reads an ISO date as a DATE.
        if hasattr(got, "isoformat") and not isinstance(got, str):
            return got.isoformat() == want
        return isinstance(got, str) and got == want
    if isinstance(want, list):
        got = list(got) if got is not None and not isinstance(got, str) else got
        return isinstance(got, list) and len(got) == len(want) and all(
            same(a, b) for a, b in zip(got, want)
        )
    if isinstance(want, dict):
        return isinstance(got, dict) and set(got) == set(want) and all(
            same(got[k], want[k]) for k in want
        )
    return got == want


def csv_form(record):
    """A record as articles.csv holds it: `removed` flattened, lists joined."""
    out = {}
    for k, v in record.items():
        if k == "removed":
            for kind, n in v.items():
                out["removed_" + kind] = n
        elif k in ("categories", "tags"):
            # An empty list is an empty cell, which CSV readers take for null.
            out[k] = "; ".join(v) or None
        else:
            out[k] = v
    return out


def check_rows(name, rows, records):
    """rows: a list of dicts as a reader gave them."""
    if len(rows) != len(records):
        return "%d rows, want %d" % (len(rows), len(records))
    for i, (row, rec) in enumerate(zip(rows, records)):
        if list(row) != list(rec):
            return "row %d: columns %s, want %s" % (i, list(row), list(rec))
        for k, want in rec.items():
            if not same(row[k], want):
                return "row %d (%s) %s: got %r (%s), want %r" % (
                    i, rec["id"], k, row[k], type(row[k]).__name__, want)
    return None


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("deboil")
    ap.add_argument("--bench", default=find_bench(),
                    help="the bench folder (default: shared/bench beside the repository "
                    "or an ancestor of it)")
    args = ap.parse_args()
    if not args.bench or not os.path.isdir(args.bench):
        sys.exit("load_outputs: no bench folder found; pass --bench DIR")
    import datasets
    import duckdb
    import jsonschema
    import pandas as pd
    import polars as pl
    import pyarrow as pa
    import pyarrow.csv as pcsv
    import pyarrow.ipc
    import pyarrow.json as pjson
    import pyarrow.parquet as pq

    datasets.disable_progress_bars()
    datasets.logging.set_verbosity_error()
    deboil = os.path.abspath(args.deboil)
    tmp = tempfile.mkdtemp(prefix="deboil-load-")
    passed = failed = 0
    try:
        schema_json = json.loads(subprocess.check_output([deboil, "schema"]))
        for name, flags in (("article.arrows", []), ("article-csv.arrows", ["--csv"])):
            with open(os.path.join(tmp, name), "wb") as f:
                f.write(subprocess.check_output([deboil, "schema", "--arrow"] + flags))
        os.chdir(tmp)
        # The README's recipes, as they are written there.
        schema = pa.ipc.open_stream("article.arrows").schema
        csv_schema = pa.ipc.open_stream("article-csv.arrows").schema

        write_edge_pages(os.path.join(tmp, "edge"))
        b = args.bench
        sets = {
            "bench": [os.path.join(b, "wceb-dev", "html"),
                      os.path.join(b, "scrapinghub-text", "w3m")],
            "edge": [os.path.join(tmp, "edge")],
        }
        for set_name, inputs in sets.items():
            for table in ("csv", "parquet"):
                out = os.path.join(tmp, set_name + "-" + table)
                r = subprocess.run([deboil, *inputs, "-o", out, "-q", "--format", table])
                assert r.returncode in (0, 1), r
            os.chdir(os.path.join(tmp, set_name + "-csv"))
            with open("articles.jsonl") as f:
                records = [json.loads(line) for line in f]
            flat = [csv_form(r) for r in records]
            pq_path = os.path.join(tmp, set_name + "-parquet", "articles.parquet")

            def polars_rows(df):
                return df.to_dicts()

            def pandas_rows(df):
                return [
                    {k: (v.tolist() if hasattr(v, "tolist") and not isinstance(v, str) else v)
                     for k, v in row.items()}
                    for row in df.to_dict(orient="records")
                ]

            def arrow_rows(t):
                return t.to_pylist()

            def duck_rows(rel):
                cols = rel.columns
                return [dict(zip(cols, row)) for row in rel.fetchall()]

            def validate():
                v = jsonschema.Draft202012Validator(schema_json)
                for rec in records:
                    v.validate(rec)
                return records

            csv_types = {f.name: pd.ArrowDtype(f.type) for f in csv_schema}
            checks = [
                ("JSON Schema validates every line", validate, records),
                ("pandas read_json", lambda: pandas_rows(
                    pd.read_json("articles.jsonl", lines=True, dtype=False)), records),
                ("pandas read_csv", lambda: pandas_rows(pd.read_csv(
                    "articles.csv", dtype=csv_types, keep_default_na=False, na_values=[""])), flat),
                ("pandas read_parquet", lambda: pandas_rows(pd.read_parquet(pq_path)), records),
                ("polars read_ndjson", lambda: polars_rows(pl.read_ndjson(
                    "articles.jsonl", schema=pl.read_ipc_stream("../article.arrows").schema)), records),
                ("polars read_csv", lambda: polars_rows(pl.read_csv(
                    "articles.csv", schema=pl.read_ipc_stream("../article-csv.arrows").schema)), flat),
                ("polars read_parquet", lambda: polars_rows(pl.read_parquet(pq_path)), records),
                ("duckdb read_json", lambda: duck_rows(duckdb.sql(
                    "SELECT * FROM read_json('articles.jsonl', sample_size = -1)")), records),
                ("duckdb read_csv", lambda: duck_rows(duckdb.sql(
                    "SELECT * FROM read_csv('articles.csv', types = {'id': 'VARCHAR', "
                    "'title': 'VARCHAR', 'author': 'VARCHAR', 'duplicate_of': 'VARCHAR'})")), flat),
                ("duckdb read_parquet", lambda: duck_rows(duckdb.sql(
                    "SELECT * FROM '%s'" % pq_path)), records),
                ("pyarrow json", lambda: arrow_rows(pjson.read_json(
                    "articles.jsonl", parse_options=pjson.ParseOptions(explicit_schema=schema))), records),
                ("pyarrow csv", lambda: arrow_rows(pcsv.read_csv(
                    "articles.csv",
                    parse_options=pcsv.ParseOptions(newlines_in_values=True),
                    convert_options=pcsv.ConvertOptions(
                        column_types=csv_schema, strings_can_be_null=True,
                        null_values=[""]))), flat),
                ("pyarrow parquet", lambda: arrow_rows(pq.read_table(pq_path)), records),
                ("pyarrow parquet schema is deboil's", lambda: (
                    records if pq.read_schema(pq_path).equals(schema) else [pq.read_schema(pq_path)]),
                    records),
                ("datasets from pyarrow json", lambda: list(datasets.Dataset(pjson.read_json(
                    "articles.jsonl", parse_options=pjson.ParseOptions(explicit_schema=schema)))),
                    records),
                ("datasets parquet", lambda: list(datasets.load_dataset(
                    "parquet", data_files=pq_path, split="train",
                    cache_dir=os.path.join(tmp, "hf"))), records),
            ]
            for label, load, want in checks:
                try:
                    problem = check_rows(label, load(), want)
                except Exception:
                    problem = traceback.format_exc(limit=2).strip().splitlines()[-1]
                status = "ok  " if problem is None else "FAIL"
                print("%s %-6s %-36s %s" % (status, set_name, label,
                                            "%d records" % len(want) if problem is None else problem))
                if problem is None:
                    passed += 1
                else:
                    failed += 1
            os.chdir(tmp)
    finally:
        os.chdir(ROOT)
        shutil.rmtree(tmp, ignore_errors=True)
    print("%d passed, %d failed" % (passed, failed))
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
