#!/usr/bin/env python3
"""Run deboil over many input shards with Apache Spark and write Parquet.

Each input file (a WARC, a JSON Lines file of pages, an HTML page...) is a
shard. Every shard not yet completed becomes one Spark partition, and
``RDD.pipe`` feeds its path to one ``deboil --inputs-from - --stdout``
process, which writes the shard's records as JSON Lines on stdout (errors
as records with an ``error`` field). Spark parses them with a fixed schema
and writes them with its own Parquet writer:

    OUT/articles/shard=KEY/part-*.parquet   one row per article
    OUT/errors/shard=KEY/part-*.parquet     one row per page that failed
    OUT/_shards/KEY.json                    completion marker of a shard

KEY is the first 16 hex digits of the SHA-1 of the shard's path. A run
first removes the partitions of the shards it is about to process (left by
a job that failed, or by an older version of a changed file), then appends
theirs; a shard's marker is written once both datasets are committed. A rerun
skips shards whose marker matches the file (path, size, modification time)
and the program (``--deboil-args``, ``deboil --version`` and the SHA-256 of
the binary as the driver sees it), so after a failed job only the unfinished
shards run again, and a run with other options or another build redoes all.

Retries are safe: deboil's records depend only on the shard (one process
per shard, ids from the path and record offsets, output identical for any
thread count), a corrupt shard yields error records and exit code 0
(``--exit-zero-on-page-errors``), and any other exit code (bad arguments,
I/O failure, a killed process) fails the task, which Spark retries
(``spark.task.maxFailures``) and, if it keeps failing, fails the job without
writing markers for it.

Usage (any Spark, local or cluster; deboil must be installed at the same
path on every worker, or shipped with ``--files`` and named by
``--deboil ./deboil``):

    spark-submit examples/spark/deboil_job.py --deboil /usr/local/bin/deboil \
        --output hdfs:///data/cleaned  /data/crawl/*.warc.gz
    spark-submit examples/spark/deboil_job.py ... --inputs-list shards.txt
"""

import argparse
import hashlib
import json
import os
import shlex
import shutil
import subprocess
import sys

from pyspark.sql import SparkSession
from pyspark.sql import functions as F
from pyspark.sql.types import (
    ArrayType,
    IntegerType,
    LongType,
    StringType,
    StructField,
    StructType,
)

REMOVED = [
    "navigation",
    "subscribe",
    "share",
    "related",
    "cookie",
    "comments",
    "footer",
    "other",
]

# The record deboil writes (articles.jsonl), in its column order, plus the
# `error` field of error records under --stdout.
RECORD = StructType(
    [
        StructField("id", StringType()),
        StructField("source", StringType()),
        StructField("format", StringType()),
        StructField("encoding", StringType()),
        StructField("url", StringType()),
        StructField("title", StringType()),
        StructField("author", StringType()),
        StructField("date", StringType()),
        StructField("site_name", StringType()),
        StructField("language", StringType()),
        StructField("description", StringType()),
        StructField("categories", ArrayType(StringType())),
        StructField("tags", ArrayType(StringType())),
        StructField("image", StringType()),
        StructField("reading_time_minutes", IntegerType()),
        StructField("text", StringType()),
        StructField("word_count", LongType()),
        StructField(
            "removed", StructType([StructField(k, IntegerType()) for k in REMOVED])
        ),
        StructField("text_hash", StringType()),
        StructField("duplicate_of", StringType()),
        StructField("source_url", StringType()),
        StructField("crawl_date", StringType()),
        StructField("error", StringType()),
    ]
)
ARTICLE_COLUMNS = [f.name for f in RECORD.fields if f.name != "error"]
ERROR_COLUMNS = ["id", "source", "error"]


def shard_key(path):
    """The partition value of a shard: from its path as deboil reports it."""
    return hashlib.sha1(path.encode("utf-8")).hexdigest()[:16]


def stamp(path):
    st = os.stat(path)
    return {"path": path, "size": st.st_size, "mtime_ns": st.st_mtime_ns}


def program(deboil, deboil_args):
    """What besides the file decides a shard's records: the options, and
    the binary (its version and the SHA-256 of its file, when the driver
    can read it)."""
    path = shutil.which(deboil) or deboil
    digest = None
    try:
        with open(path, "rb") as f:
            digest = hashlib.sha256(f.read()).hexdigest()
    except OSError:
        pass
    try:
        version = subprocess.run(
            [path, "--version"], capture_output=True, text=True, check=False
        ).stdout.strip()
    except OSError:
        version = None
    return {"args": list(deboil_args), "version": version, "sha256": digest}


class Markers:
    """Completion markers, through Hadoop's FileSystem (local, HDFS, S3...)."""

    def __init__(self, spark, output):
        jvm = spark.sparkContext._jvm
        conf = spark.sparkContext._jsc.hadoopConfiguration()
        self.jvm = jvm
        self.Path = jvm.org.apache.hadoop.fs.Path
        self.dir = self.Path(output.rstrip("/") + "/_shards")
        self.fs = self.dir.getFileSystem(conf)

    def remove_partition(self, output, dataset, key):
        p = self.Path(output.rstrip("/") + f"/{dataset}/shard={key}")
        if self.fs.exists(p):
            self.fs.delete(p, True)

    def _path(self, key):
        return self.Path(self.dir, key + ".json")

    def read(self, key):
        p = self._path(key)
        if not self.fs.exists(p):
            return None
        stream = self.fs.open(p)
        try:
            # Read on the JVM side: py4j copies byte arrays, so a Python
            # buffer handed to InputStream.read would stay empty.
            text = self.jvm.org.apache.commons.io.IOUtils.toString(stream, "UTF-8")
        finally:
            stream.close()
        try:
            return json.loads(text)
        except ValueError:
            return None

    def write(self, key, value):
        out = self.fs.create(self._path(key), True)
        try:
            out.write(bytearray(json.dumps(value, sort_keys=True).encode("utf-8")))
        finally:
            out.close()


def run(spark, deboil, output, inputs, deboil_args=()):
    """Process the shards of `inputs` not completed yet into `output`.

    Returns (processed, skipped): the shards run now and those skipped as
    complete.
    """
    markers = Markers(spark, output)
    prog = program(deboil, deboil_args)
    pending, skipped = [], []
    for path in inputs:
        want = stamp(path)
        done = markers.read(shard_key(path))
        complete = (
            done is not None
            and done.get("stamp") == want
            and done.get("program") == prog
        )
        (skipped if complete else pending).append(path)
    if not pending:
        return [], skipped

    command = [
        deboil,
        "--inputs-from",
        "-",
        "--stdout",
        "--quiet",
        "--exit-zero-on-page-errors",
        "--threads",
        "1",
        *deboil_args,
    ]
    sc = spark.sparkContext
    # One partition, hence one deboil process, per shard: a shard's records
    # never depend on which other shards ran beside it.
    lines = sc.parallelize(pending, len(pending)).pipe(
        " ".join(shlex.quote(c) for c in command), checkCode=True
    )
    records = spark.read.schema(RECORD).json(lines).withColumn(
        "shard", F.substring(F.sha1(F.col("source")), 1, 16)
    )
    records.persist()
    for path in pending:
        for dataset in ("articles", "errors"):
            markers.remove_partition(output, dataset, shard_key(path))
    (
        records.where(F.col("error").isNull())
        .select(*ARTICLE_COLUMNS, "shard")
        .write.mode("append")
        .partitionBy("shard")
        .parquet(output.rstrip("/") + "/articles")
    )
    (
        records.where(F.col("error").isNotNull())
        .select(*ERROR_COLUMNS, "shard")
        .write.mode("append")
        .partitionBy("shard")
        .parquet(output.rstrip("/") + "/errors")
    )
    counts = {
        r["shard"]: (r["articles"], r["errors"])
        for r in records.groupBy("shard")
        .agg(
            F.count(F.when(F.col("error").isNull(), 1)).alias("articles"),
            F.count(F.when(F.col("error").isNotNull(), 1)).alias("errors"),
        )
        .collect()
    }
    records.unpersist()
    for path in pending:
        key = shard_key(path)
        articles, errors = counts.get(key, (0, 0))
        markers.write(
            key,
            {
                "stamp": stamp(path),
                "program": prog,
                "articles": articles,
                "errors": errors,
            },
        )
    return pending, skipped


def main(argv=None):
    p = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    p.add_argument("inputs", nargs="*", help="input shards (files)")
    p.add_argument("--inputs-list", help="a file listing input shards, one per line")
    p.add_argument("--deboil", default="deboil", help="path of the deboil binary")
    p.add_argument("--output", required=True, help="output folder (any Hadoop path)")
    p.add_argument(
        "--deboil-args",
        default="",
        help="more deboil options, e.g. '--lang de,en --min-words 50 --dedup'",
    )
    args = p.parse_args(argv)
    inputs = list(args.inputs)
    if args.inputs_list:
        with open(args.inputs_list, encoding="utf-8") as f:
            inputs += [line.strip() for line in f if line.strip()]
    if not inputs:
        p.error("no input shards")
    spark = SparkSession.builder.appName("deboil").getOrCreate()
    processed, skipped = run(
        spark, args.deboil, args.output, inputs, shlex.split(args.deboil_args)
    )
    print(
        f"deboil_job: {len(processed)} shards processed, "
        f"{len(skipped)} complete already",
        file=sys.stderr,
    )
    spark.stop()


if __name__ == "__main__":
    main()
