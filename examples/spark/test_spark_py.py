#!/usr/bin/env python3
"""End-to-end test of deboil_py_job.py (the deboil package in
mapPartitions) in Spark's local mode (local[2]).

Writes its inputs itself from the pages the repository ships and a few
pages made here (JSON Lines, plain and gzipped, with HTML pages and text
dumps; a folder of page files in legacy charsets, gzipped, binary), runs
the plain ``deboil`` CLI over the same inputs, runs the Spark job, and
checks that the Parquet articles equal the CLI's articles.jsonl record for
record (every field but ``source``, which names the input file in each its
own way), and the Parquet errors its errors.jsonl.

Usage: python3 examples/spark/test_spark_py.py [PATH/TO/deboil]
(default: $DEBOIL_BIN, else target/release/deboil). Needs pyspark, Java 17
and the deboil package (pip install ./python) in the running Python.
"""

import gzip
import json
import os
import shutil
import subprocess
import sys
import tempfile

HERE = os.path.dirname(os.path.abspath(__file__))
REPO = os.path.dirname(os.path.dirname(HERE))
sys.path.insert(0, HERE)

from test_spark import article  # noqa: E402


def shipped():
    """(name, bytes) of the pages under raw/ and tests/fixtures/."""
    out = []
    raw = os.path.join(REPO, "raw")
    for root, _, files in os.walk(raw):
        for name in sorted(files):
            path = os.path.join(root, name)
            with open(path, "rb") as f:
                out.append((os.path.relpath(path, raw), f.read()))
    fixtures = os.path.join(REPO, "tests", "fixtures")
    for case in sorted(os.listdir(fixtures)):
        for name in ("source.html", "source.txt"):
            path = os.path.join(fixtures, case, name)
            if os.path.exists(path):
                with open(path, "rb") as f:
                    out.append((f"{case}.{name.split('.')[1]}", f.read()))
    return out


def jsonl_lines():
    lines = []
    for name, data in shipped():
        if name.endswith(".gz"):
            data, name = gzip.decompress(data), name[:-3]
        try:
            text = data.decode("utf-8")
        except UnicodeDecodeError:
            text = data.decode("cp1252")
        field = "text" if name.endswith(".txt") else "html"
        lines.append({"id": name, "url": f"https://example.org/{name}", field: text})
    for n, (lang, title) in enumerate([("en", "Budget"), ("de", "Haushalt"), ("en", "Library")]):
        lines.append({"id": f"made-{n}", "url": f"https://example.org/made/{n}", "html": article(lang, title, n)})
    lines.append({"id": "no-article", "html": "<html><body><script>go()</script></body></html>"})
    lines.append({"id": "too-deep", "html": "<html><body>" + "<div>" * 5000 + "<p>deep</p>"})
    return lines


def write_inputs(d):
    lines = jsonl_lines()
    jsonl = os.path.join(d, "pages.jsonl")
    with open(jsonl, "w", encoding="utf-8") as f:
        for line in lines[::2]:
            f.write(json.dumps(line) + "\n")
    jsonl_gz = os.path.join(d, "more.jsonl.gz")
    with open(jsonl_gz, "wb") as f:
        f.write(gzip.compress("".join(json.dumps(line) + "\n" for line in lines[1::2]).encode()))
    # Page files: HTML only (text dumps of one folder share a template in
    # the CLI, a batch matter the per-page API leaves out).
    files = os.path.join(d, "files")
    os.makedirs(os.path.join(files, "news"))
    for name, data in shipped():
        if ".txt" not in name:
            with open(os.path.join(files, name), "wb") as f:
                f.write(data)
    made = {
        "koeln-1252.html": article("de", "Grüße aus Köln", 4).replace(
            "<head>", "<head><meta charset=windows-1252>"
        ).encode("cp1252"),
        "tokyo-sjis.html": (
            "<html><head><title>新予算案</title></head><body><article><h1>新予算案</h1>"
            + "<p>市議会は火曜日、長い議論の末に来年度の新しい予算案を可決したと市長が記者団に明らかにした。</p>" * 4
            + "</article></body></html>"
        ).encode("shift_jis"),
        "picture.html": b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 8,
        "login.html": b"<html><body><script>go()</script></body></html>",
    }
    for name, data in made.items():
        with open(os.path.join(files, name), "wb") as f:
            f.write(data)
    return [jsonl, jsonl_gz], files


def plain_run(deboil, inputs, out):
    p = subprocess.run([deboil, *inputs, "-o", out, "-q"], capture_output=True, text=True)
    assert p.returncode == 1, (p.returncode, p.stderr)  # the bad pages
    with open(os.path.join(out, "articles.jsonl"), encoding="utf-8") as f:
        articles = [json.loads(line) for line in f]
    with open(os.path.join(out, "errors.jsonl"), encoding="utf-8") as f:
        errors = [json.loads(line) for line in f]
    return articles, errors


def rows(spark, path, drop=()):
    got = [r.asDict(recursive=True) for r in spark.read.parquet(path).collect()]
    for r in got:
        for k in drop:
            r.pop(k)
    return sorted(got, key=lambda r: r["id"])


def compare(spark, out, articles, errors, drop):
    want = sorted(({k: v for k, v in a.items() if k not in drop} for a in articles), key=lambda r: r["id"])
    got = rows(spark, os.path.join(out, "articles"), drop)
    assert len(got) == len(want), (len(got), len(want))
    for g, w in zip(got, want):
        assert g == w, f"{g['id']} differs from the plain run:\n{g}\n{w}"
    got_err = [(e["id"], e["error"]) for e in rows(spark, os.path.join(out, "errors"), ["source"])]
    want_err = sorted((e["id"], e["reason"]) for e in errors)
    assert got_err == want_err, (got_err, want_err)
    return len(got), len(got_err)


def check(deboil, tmp, SparkSession, job):
    jsonl, files = write_inputs(tmp)
    spark = (
        SparkSession.builder.master("local[2]")
        .appName("deboil-py-test")
        .config("spark.ui.enabled", "false")
        .config("spark.ui.showConsoleProgress", "false")
        .config("spark.sql.shuffle.partitions", "2")
        .getOrCreate()
    )
    spark.sparkContext.setLogLevel("ERROR")

    # JSON Lines pages: the same records as the CLI reading the same files.
    articles, errors = plain_run(deboil, jsonl, os.path.join(tmp, "plain-jsonl"))
    out = os.path.join(tmp, "spark-jsonl")
    counts = job.run(spark, jsonl, out, "jsonl", threads=2)
    assert counts == (len(articles), len(errors)), (counts, len(articles), len(errors))
    n = compare(spark, out, articles, errors, drop=["source"])
    assert any(a["format"] == "text" for a in articles)
    print(f"test_spark_py: jsonl: {n[0]} articles and {n[1]} errors equal the plain run")

    # Page files as bytes: charsets decoded as the CLI decodes files.
    articles, errors = plain_run(deboil, [files], os.path.join(tmp, "plain-files"))
    encodings = {a["encoding"] for a in articles}
    assert {"windows-1252", "Shift_JIS", "UTF-8"} <= encodings, encodings
    out = os.path.join(tmp, "spark-files")
    job.run(spark, [files], out, "files")
    n = compare(spark, out, articles, errors, drop=[])
    print(f"test_spark_py: files: {n[0]} articles and {n[1]} errors equal the plain run")
    spark.stop()


def main():
    deboil = os.path.abspath(
        sys.argv[1] if len(sys.argv) > 1 else os.environ.get("DEBOIL_BIN", "target/release/deboil")
    )
    os.environ.setdefault("PYSPARK_PYTHON", sys.executable)
    from pyspark.sql import SparkSession

    import deboil_py_job

    tmp = tempfile.mkdtemp(prefix="deboil-spark-py-")
    try:
        check(deboil, tmp, SparkSession, deboil_py_job)
    finally:
        shutil.rmtree(tmp, ignore_errors=True)
    print("test_spark_py: ok")


if __name__ == "__main__":
    main()
