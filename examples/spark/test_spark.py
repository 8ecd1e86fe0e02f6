#!/usr/bin/env python3
"""End-to-end test of deboil_job.py in Spark's local mode (local[2]).

Writes a few small shards itself (a WARC, a gzipped JSON Lines file, a
corrupt WARC, an HTML page), runs a plain `deboil` over them, runs the Spark
job, and checks that:
  - the Parquet articles equal the plain run's articles.jsonl, record for
    record (all fields), and the Parquet errors its errors.jsonl;
  - a rerun skips every completed shard and leaves the output untouched;
  - after one shard changes, only that shard runs again;
  - other --deboil-args, or another deboil binary, run every shard again.
The temporary folder is removed at the end, pass or fail.

Usage: python3 examples/spark/test_spark.py [PATH/TO/deboil]
(default: $DEBOIL_BIN, else target/release/deboil). Needs pyspark and Java 17.
"""

import gzip
import json
import os
import shutil
import subprocess
import sys
import tempfile

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)

EN = [
    "The council approved the new budget on Tuesday after a debate that lasted well into the night.",
    "Residents had come to speak about the plans for the harbour and the old market hall.",
    "The mayor said the money would be spent on schools, roads and a new library for the town.",
    "Several members of the opposition asked for more time to read the proposal before the vote.",
    "A local business owner told the meeting that the changes would help shops in the centre.",
]
DE = [
    "Der Stadtrat hat am Dienstag nach einer langen Debatte den neuen Haushalt beschlossen.",
    "Viele Bürgerinnen und Bürger waren gekommen, um über die Pläne für den Hafen zu sprechen.",
    "Die Bürgermeisterin sagte, das Geld werde für Schulen, Straßen und eine Bibliothek ausgegeben.",
    "Mehrere Mitglieder der Opposition verlangten mehr Zeit, um den Vorschlag zu lesen.",
]


def article(lang, title, n):
    pool = DE if lang == "de" else EN
    body = "".join(
        f"<p>{pool[(i + n) % len(pool)]} ({title}, part {i}, number {n}.)</p>\n"
        for i in range(len(pool))
    )
    return (
        f'<!doctype html><html lang="{lang}"><head><title>{title}</title></head><body>'
        f'<nav><a href="/">Home</a></nav><article><h1>{title}</h1>\n{body}</article></body></html>'
    )


def warc_record(kind, uri, payload):
    head = (
        f"WARC/1.0\r\nWARC-Type: {kind}\r\nWARC-Target-URI: {uri}\r\n"
        f"WARC-Date: 2024-05-01T10:00:00Z\r\nContent-Length: {len(payload)}\r\n\r\n"
    )
    return head.encode() + payload + b"\r\n\r\n"


def http(status, ctype, body):
    return f"HTTP/1.1 {status}\r\nContent-Type: {ctype}\r\n\r\n".encode() + body


def write_shards(d):
    recs = [
        warc_record("request", "http://a.example/1", b"GET /1 HTTP/1.1\r\n\r\n"),
        warc_record(
            "response",
            "http://a.example/1",
            http("200 OK", "text/html; charset=utf-8", article("en", "Budget", 1).encode()),
        ),
        warc_record("response", "http://a.example/2", http("404 Not Found", "text/html", b"gone")),
        warc_record(
            "response",
            "http://a.example/3",
            http("200 OK", "text/html; charset=iso-8859-1", article("de", "Haushalt", 2).encode("latin-1")),
        ),
    ]
    s1 = os.path.join(d, "s1.warc.gz")
    with open(s1, "wb") as f:
        for r in recs:
            f.write(gzip.compress(r))
    lines = [
        json.dumps({"id": "j1", "url": "http://j.example/1", "html": article("en", "Ferry", 3)}),
        "{broken",
        json.dumps({"url": "http://j.example/2", "html": article("de", "Radwege", 4)}),
    ]
    s2 = os.path.join(d, "s2.jsonl.gz")
    with open(s2, "wb") as f:
        f.write(gzip.compress(("\n".join(lines) + "\n").encode()))
    s3 = os.path.join(d, "s3.warc.gz")
    good = gzip.compress(warc_record(
        "response", "http://c.example/1",
        http("200 OK", "text/html", article("en", "Library", 5).encode())))
    bad = gzip.compress(warc_record(
        "response", "http://c.example/2",
        http("200 OK", "text/html", article("en", "Market", 6).encode())))
    with open(s3, "wb") as f:
        f.write(good + bad[: len(bad) // 2])
    s4 = os.path.join(d, "s4.html")
    with open(s4, "w", encoding="utf-8") as f:
        f.write(article("en", "Harbour", 7))
    return [s1, s2, s3, s4]


def plain_run(deboil, shards, out):
    p = subprocess.run([deboil, *shards, "-o", out, "-q"], capture_output=True, text=True)
    assert p.returncode == 1, (p.returncode, p.stderr)  # the corrupt shard
    with open(os.path.join(out, "articles.jsonl"), encoding="utf-8") as f:
        articles = [json.loads(l) for l in f]
    with open(os.path.join(out, "errors.jsonl"), encoding="utf-8") as f:
        errors = [json.loads(l) for l in f]
    return articles, errors


def parquet_rows(spark, path):
    rows = [r.asDict(recursive=True) for r in spark.read.parquet(path).collect()]
    for r in rows:
        del r["shard"]
    return sorted(rows, key=lambda r: r["id"])


def listing(path):
    out = {}
    for root, _, files in os.walk(path):
        for name in files:
            p = os.path.join(root, name)
            out[p] = os.stat(p).st_mtime_ns
    return out


def main():
    deboil = os.path.abspath(
        sys.argv[1] if len(sys.argv) > 1 else os.environ.get("DEBOIL_BIN", "target/release/deboil")
    )
    os.environ.setdefault("PYSPARK_PYTHON", sys.executable)
    from pyspark.sql import SparkSession

    import deboil_job

    tmp = tempfile.mkdtemp(prefix="deboil-spark-")
    try:
        check(deboil, tmp, SparkSession, deboil_job)
    finally:
        shutil.rmtree(tmp, ignore_errors=True)
    print("test_spark: ok")


def check(deboil, tmp, SparkSession, deboil_job):
    shards = write_shards(tmp)
    articles, errors = plain_run(deboil, shards, os.path.join(tmp, "plain"))
    assert len(articles) == 6 and len(errors) == 2, (articles, errors)

    spark = (
        SparkSession.builder.master("local[2]")
        .appName("deboil-test")
        .config("spark.ui.enabled", "false")
        .config("spark.ui.showConsoleProgress", "false")
        .config("spark.sql.shuffle.partitions", "2")
        .getOrCreate()
    )
    spark.sparkContext.setLogLevel("ERROR")
    out = os.path.join(tmp, "spark-out")
    processed, skipped = deboil_job.run(spark, deboil, out, shards)
    assert (len(processed), len(skipped)) == (4, 0), (processed, skipped)

    got = parquet_rows(spark, os.path.join(out, "articles"))
    want = sorted(articles, key=lambda r: r["id"])
    assert got == want, "Parquet articles differ from the plain run:\n%s\n%s" % (got, want)
    got_err = parquet_rows(spark, os.path.join(out, "errors"))
    want_err = sorted(
        ({"id": e["id"], "source": e["source"], "error": e["reason"]} for e in errors),
        key=lambda r: r["id"],
    )
    assert got_err == want_err, (got_err, want_err)
    print(f"test_spark: {len(got)} articles and {len(got_err)} errors equal the plain run")

    # A rerun skips every completed shard and touches nothing.
    before = listing(out)
    processed, skipped = deboil_job.run(spark, deboil, out, shards)
    assert (len(processed), len(skipped)) == (0, 4), (processed, skipped)
    assert listing(out) == before
    print("test_spark: the rerun skipped all 4 completed shards")

    # A changed shard runs again, alone; the others stay as they were.
    with open(shards[3], "w", encoding="utf-8") as f:
        f.write(article("en", "Harbour changed", 8))
    processed, skipped = deboil_job.run(spark, deboil, out, shards)
    assert processed == [shards[3]] and len(skipped) == 3, (processed, skipped)
    articles, errors = plain_run(deboil, shards, os.path.join(tmp, "plain2"))
    got = parquet_rows(spark, os.path.join(out, "articles"))
    assert got == sorted(articles, key=lambda r: r["id"]), got
    print("test_spark: a changed shard ran again alone; output equals the plain run")

    # Other deboil options: every shard runs again.
    processed, skipped = deboil_job.run(spark, deboil, out, shards, ["--min-words", "1"])
    assert (len(processed), len(skipped)) == (4, 0), (processed, skipped)
    processed, skipped = deboil_job.run(spark, deboil, out, shards, ["--min-words", "1"])
    assert (len(processed), len(skipped)) == (0, 4), (processed, skipped)
    # Another build (a copy of the binary one byte longer): again.
    other = os.path.join(tmp, "deboil-other")
    with open(deboil, "rb") as f, open(other, "wb") as g:
        g.write(f.read() + b"\0")
    os.chmod(other, 0o755)
    processed, skipped = deboil_job.run(spark, other, out, shards, ["--min-words", "1"])
    assert (len(processed), len(skipped)) == (4, 0), (processed, skipped)
    got = parquet_rows(spark, os.path.join(out, "articles"))
    assert got == sorted(articles, key=lambda r: r["id"]), got
    print("test_spark: other options and another build ran every shard again")
    spark.stop()


if __name__ == "__main__":
    main()
