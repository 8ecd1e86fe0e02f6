#!/usr/bin/env python3
"""Clean pages with the deboil Python package inside Spark tasks.

No external process: every partition is handed to ``deboil.extract_many``
in ``mapPartitions`` (a batch at a time, the GIL released while deboil
works), and the records come back as rows of the same schema as the CLI's
``articles.jsonl`` (see ``deboil_job.RECORD``). Spark writes them as Parquet:

    OUT/articles/part-*.parquet   one row per article
    OUT/errors/part-*.parquet     one row per page that gave no article
                                  (id, source, error: the CLI's reason,
                                  "no article text found" included)

Inputs:

  --input-format jsonl    JSON Lines of scraped pages (also .gz): the page
  --input-format parquet  under ``html`` (an HTML page) or ``text`` (a text
                          dump), or under ``--content-field``; ``--id-field``
                          (default ``id``) and ``url`` go to the record
  --input-format files    page files (``.html``, ``.txt``, each also
                          ``.gz``; anything else is sniffed), read as bytes
                          with ``binaryFiles``, so every charset is decoded
                          as the CLI decodes files

Usage (any Spark; ``pip install ./python`` on every worker, as the CLI job
needs the binary there):

    spark-submit examples/spark/deboil_py_job.py --output hdfs:///data/cleaned \\
        --input-format jsonl /data/crawl/*.jsonl.gz

This job cleans every input on each run; for resumable runs over many
shards with completion markers, see deboil_job.py (the CLI under
``RDD.pipe``). The CLI's batch options have no per-page meaning here: mark
duplicates with ``text_hash`` (``dropDuplicates(["text_hash"])``), and filter
on ``language`` and ``word_count`` instead of ``--lang`` / ``--min-words``.
"""

import argparse
import os
import sys
from urllib.parse import urlparse

from pyspark.sql import SparkSession
from pyspark.sql import functions as F

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from deboil_job import ARTICLE_COLUMNS, ERROR_COLUMNS, RECORD, REMOVED  # noqa: E402

COLUMNS = [f.name for f in RECORD.fields]
# Pages handed to deboil at a time, per partition.
BATCH = 256
# Type extensions as the CLI reads them, with the format each announces.
FORMATS = {".html": "html", ".htm": "html", ".xhtml": "html", ".txt": "text"}


def row(record):
    """A deboil record (dict) as a tuple in RECORD's column order."""
    values = [record.get(c) for c in COLUMNS]
    removed = record["removed"]
    values[COLUMNS.index("removed")] = tuple(removed[k] for k in REMOVED)
    return tuple(values)


def error_row(page_id, source, reason):
    values = [None] * len(COLUMNS)
    values[COLUMNS.index("id")] = page_id
    values[COLUMNS.index("source")] = source
    values[COLUMNS.index("error")] = reason
    return tuple(values)


def clean(pages, options, threads):
    """Clean an iterator of (page, format, id, source, url) in batches;
    yields rows (articles and errors), in input order."""
    import deboil

    batch = []

    def flush():
        results = deboil.extract_many(
            [p[0] for p in batch],
            threads=threads,
            errors="return",
            format=[p[1] for p in batch],
            ids=[p[2] for p in batch],
            sources=[p[3] for p in batch],
            urls=[p[4] for p in batch],
            **options,
        )
        for (_, _, page_id, source, _), result in zip(batch, results):
            if isinstance(result, deboil.DeboilError):
                yield error_row(page_id or "", source or "", result.reason)
            elif result is None:
                yield error_row(page_id or "", source or "", deboil.NO_ARTICLE)
            else:
                yield row(result)

    for page in pages:
        batch.append(page)
        if len(batch) == BATCH:
            yield from flush()
            batch = []
    if batch:
        yield from flush()


def format_of(name):
    """The format a file's name announces ("auto" when it does not tell),
    and its id: the name minus ``.gz`` and the type extension."""
    lower = name.lower()
    if lower.endswith(".gz"):
        name, lower = name[:-3], lower[:-3]
    for ext, fmt in FORMATS.items():
        if lower.endswith(ext) and len(lower) > len(ext):
            return fmt, name[: -len(ext)]
    return "auto", name


def file_pages(sc, inputs):
    """(page, format, id, source, url) of page files: id relative to the
    folder given, as the CLI names them."""
    roots = [os.path.abspath(p) for p in inputs]

    def describe(item):
        uri, data = item
        path = urlparse(uri).path if uri.startswith("file:") else uri
        rel = os.path.basename(path)
        for root in roots:
            if path.startswith(root.rstrip("/") + "/"):
                rel = path[len(root.rstrip("/")) + 1 :]
        fmt, page_id = format_of(rel)
        return (bytes(data), fmt, page_id, path, None)

    # Walk folders recursively, as the CLI does.
    sc._jsc.hadoopConfiguration().set("mapreduce.input.fileinputformat.input.dir.recursive", "true")
    rdds = [sc.binaryFiles(p) for p in inputs]
    return sc.union(rdds).map(describe)


def table_pages(df, content_field, id_field):
    """(page, format, id, source, url) of a DataFrame of scraped pages."""
    fields = [content_field] if content_field else ["html", "text"]
    present = [f for f in fields if f in df.columns]
    if not present:
        raise SystemExit(f"deboil_py_job: the input has no field {' or '.join(fields)}")
    page = F.coalesce(*[F.col(f) for f in present])
    # The field the page came from names its format, as in the CLI.
    named = {"html": "html", "text": "text"}
    fmt = F.coalesce(*[F.when(F.col(f).isNotNull(), F.lit(named.get(f, "auto"))) for f in present])
    pid = F.col(id_field).cast("string") if id_field in df.columns else F.lit(None).cast("string")
    url = F.col("url").cast("string") if "url" in df.columns else F.lit(None).cast("string")
    return df.select(page.alias("p"), fmt.alias("f"), pid.alias("i"), F.input_file_name().alias("s"), url.alias("u")).rdd.map(
        tuple
    )


def run(spark, inputs, output, input_format="jsonl", options=None, threads=1, content_field=None, id_field="id"):
    """Clean `inputs` into `output` (articles/ and errors/ Parquet);
    returns (articles, errors) counts."""
    options = dict(options or {})
    sc = spark.sparkContext
    # The executors import this module to run `clean`.
    sc.addPyFile(os.path.abspath(__file__))
    sc.addPyFile(os.path.join(os.path.dirname(os.path.abspath(__file__)), "deboil_job.py"))
    if input_format == "files":
        pages = file_pages(sc, inputs)
    elif input_format == "jsonl":
        pages = table_pages(spark.read.json(inputs), content_field, id_field)
    elif input_format == "parquet":
        pages = table_pages(spark.read.parquet(*inputs), content_field, id_field)
    else:
        raise ValueError(f"input format {input_format!r}: use jsonl, parquet or files")
    rows = pages.mapPartitions(lambda part: clean(part, options, threads))
    records = spark.createDataFrame(rows, RECORD)
    records.persist()
    out = output.rstrip("/")
    records.where(F.col("error").isNull()).select(*ARTICLE_COLUMNS).write.mode("overwrite").parquet(out + "/articles")
    records.where(F.col("error").isNotNull()).select(*ERROR_COLUMNS).write.mode("overwrite").parquet(out + "/errors")
    counts = records.agg(
        F.count(F.when(F.col("error").isNull(), 1)).alias("articles"),
        F.count(F.when(F.col("error").isNotNull(), 1)).alias("errors"),
    ).first()
    records.unpersist()
    return counts["articles"], counts["errors"]


def main(argv=None):
    p = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    p.add_argument("inputs", nargs="+", help="input files or folders")
    p.add_argument("--output", required=True, help="output folder (any Hadoop path)")
    p.add_argument("--input-format", choices=["jsonl", "parquet", "files"], default="jsonl")
    p.add_argument("--content-field", help="the field holding the page (default: html, then text)")
    p.add_argument("--id-field", default="id", help="the field holding the page's id")
    p.add_argument("--threads", type=int, default=1, help="deboil threads per task (default 1)")
    p.add_argument("--max-bytes", type=int)
    p.add_argument("--max-depth", type=int)
    p.add_argument("--max-nodes", type=int)
    args = p.parse_args(argv)
    options = {"max_bytes": args.max_bytes, "max_depth": args.max_depth, "max_nodes": args.max_nodes}
    spark = SparkSession.builder.appName("deboil-py").getOrCreate()
    articles, errors = run(
        spark, args.inputs, args.output, args.input_format, options, args.threads, args.content_field, args.id_field
    )
    print(f"deboil_py_job: {articles} articles, {errors} errors", file=sys.stderr)
    spark.stop()


if __name__ == "__main__":
    main()
