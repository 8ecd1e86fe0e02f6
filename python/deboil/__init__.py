"""deboil: clean article text and metadata from scraped pages.

HTML pages in any charset (plain, gzip or zstd) and plain-text dumps of
rendered pages (w3m, lynx, "save as text") go in; the record deboil's CLI
writes to ``articles.jsonl`` comes out, as a dict::

    import deboil

    record = deboil.extract(open("page.html", "rb").read(), url="https://example.org/a")
    if record is not None:
        print(record["title"], record["date"], record["text"][:200])

    records = deboil.extract_many(pages, threads=0)   # in parallel, in order

``extract`` returns None for a page with no article text and raises
:class:`DeboilError` (a ``ValueError``) for a page it cannot take, with the
reason the CLI writes to ``errors.jsonl``. ``deboil.datatrove.Deboil`` is an
extractor step for datatrove pipelines (``pip install deboil[datatrove]``).
"""

from ._deboil import MAX_BYTES, MAX_DEPTH, MAX_NODES, NO_ARTICLE, DeboilError, extract, extract_many

__all__ = [
    "DeboilError",
    "MAX_BYTES",
    "MAX_DEPTH",
    "MAX_NODES",
    "NO_ARTICLE",
    "extract",
    "extract_many",
]
