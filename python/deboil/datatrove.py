"""deboil as a datatrove extractor step.

Swap trafilatura for deboil in a datatrove pipeline in one line::

    from datatrove.pipeline.readers import WarcReader
    from datatrove.pipeline.writers import JsonlWriter
    from deboil.datatrove import Deboil

    pipeline = [
        WarcReader("s3://commoncrawl/crawl-data/...", glob_pattern="*/warc/*"),
        Deboil(),                     # was: Trafilatura(favour_precision=True)
        JsonlWriter("out/"),
    ]

Each document's ``text`` (the page, as the reader gave it) becomes the
article text, and deboil's metadata (title, author, date, site_name,
language, description, categories, tags, image, word_count, removed
counts, text_hash, ...) goes into ``doc.metadata["deboil"]`` (or straight
into ``doc.metadata`` with ``metadata_key=None``). Documents with no article
text are dropped (stat ``no_article``), as are pages deboil cannot take
(stat ``clean_error``, and one stat per reason such as ``error: binary
content``).

Unlike trafilatura's step, this one needs no sandbox subprocess with a
per-document timeout: deboil bounds each page's work and memory itself
(``max_bytes``, ``max_depth``, ``max_nodes``, and a cap on parsing work per
byte), and a panic comes back as an error for that page. So pages are not
pickled through a pipe, and a batch can use several threads.

Needs datatrove (``pip install datatrove``); ``import deboil`` alone does not.
"""

from __future__ import annotations

from typing import Any, Iterator, List, Optional

try:
    from datatrove.data import Document, DocumentsPipeline
    from datatrove.pipeline.extractors.base import BaseExtractor
    from datatrove.utils.logging import logger
    from datatrove.utils.typeshelper import StatHints
except ImportError as e:  # pragma: no cover - depends on the environment
    raise ImportError(
        "deboil.datatrove needs datatrove: pip install datatrove "
        "(or pip install './python[datatrove]')"
    ) from e

from . import DeboilError, extract, extract_many

# Record fields that are not the page's metadata: the text goes to
# doc.text; id and source are datatrove's own; duplicates and crawl fields
# are matters of a batch or a container, never set for one page.
NOT_METADATA = ("text", "id", "source", "duplicate_of", "source_url", "crawl_date")


class Deboil(BaseExtractor):
    """deboil's extractor step for datatrove pipelines.

    Args:
        format: ``"auto"`` (sniff each page), ``"html"`` or ``"text"`` (text
            dumps of rendered pages).
        metadata_key: the key of ``doc.metadata`` that receives deboil's
            metadata as a dict; None merges its fields into ``doc.metadata``
            itself (deboil's values win where a reader set the same key,
            such as ``url`` or ``date``).
        url_key: the ``doc.metadata`` key holding the page's URL (WarcReader
            sets ``url``); it goes to deboil as the page's ``url``.
        threads: worker threads per task (``deboil.extract_many``); 1 by
            default, since datatrove runs one task per core already.
        batch_size: documents handed to deboil at a time.
        max_bytes, max_depth, max_nodes: deboil's per-page limits (see
            ``deboil.extract``); None keeps the defaults.
    """

    name = "🧹 deboil"

    def __init__(
        self,
        *,
        format: str = "auto",
        metadata_key: Optional[str] = "deboil",
        url_key: str = "url",
        threads: int = 1,
        batch_size: int = 64,
        max_bytes: Optional[int] = None,
        max_depth: Optional[int] = None,
        max_nodes: Optional[int] = None,
    ):
        super().__init__()
        if batch_size < 1:
            raise ValueError("batch_size must be at least 1")
        self.format = format
        self.metadata_key = metadata_key
        self.url_key = url_key
        self.threads = threads
        self.batch_size = batch_size
        self.limits = {"max_bytes": max_bytes, "max_depth": max_depth, "max_nodes": max_nodes}

    def extract(self, text: str) -> str:
        """The article text of one page ("" when it has none), as
        BaseExtractor's contract asks; ``run`` does more (metadata,
        batches) and does not go through it."""
        record = extract(text, format=self.format, **self.limits)
        return record["text"] if record else ""

    def run(self, data: DocumentsPipeline, rank: int = 0, world_size: int = 1) -> DocumentsPipeline:
        """Extract every document's page, in batches, keeping their order."""
        batch: List[Document] = []
        for doc in data:
            batch.append(doc)
            if len(batch) == self.batch_size:
                yield from self._batch(batch)
                batch = []
        if batch:
            yield from self._batch(batch)

    def _batch(self, docs: List[Document]) -> Iterator[Document]:
        urls = [_url(d.metadata.get(self.url_key)) for d in docs]
        with self.track_time(unit="batch"):
            results = extract_many(
                [d.text for d in docs],
                threads=self.threads,
                errors="return",
                format=self.format,
                urls=urls,
                **self.limits,
            )
        for doc, result in zip(docs, results):
            self.stat_update(StatHints.total)
            if isinstance(result, DeboilError):
                self.stat_update("clean_error", f"error: {result.kind}")
                if not self._warned_error:
                    logger.warning(f'deboil: "{result.reason}" on document {doc.id}; skipped (logged once)')
                    self._warned_error = True
                self.stat_update(StatHints.dropped)
                continue
            if result is None:
                self.stat_update("no_article", StatHints.dropped)
                continue
            self.stat_update("extracted")
            doc.text = result["text"]
            meta = metadata(result)
            if self.metadata_key is None:
                doc.metadata.update(meta)
            else:
                doc.metadata[self.metadata_key] = meta
            self.stat_update(StatHints.forwarded)
            self.update_doc_stats(doc)
            yield doc


def metadata(record: dict) -> dict:
    """deboil's metadata of a record: every field but the text and those
    that belong to a batch or a container (:data:`NOT_METADATA`)."""
    return {k: v for k, v in record.items() if k not in NOT_METADATA}


def _url(value: Any) -> Optional[str]:
    return value if isinstance(value, str) and value else None


__all__ = ["Deboil", "NOT_METADATA", "metadata"]
