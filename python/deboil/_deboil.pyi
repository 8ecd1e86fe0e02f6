"""Type stubs and documentation of the native module ``deboil._deboil``
(re-exported by ``deboil``)."""

from typing import Any, Iterable, Literal, Optional, Sequence, Union

Page = Union[str, bytes, bytearray]
"""One page: ``bytes`` as stored (plain, gzip or zstd, any charset, decoded
as the CLI decodes a page file), or a ``str`` holding its text already
decoded."""

Format = Literal["auto", "html", "text"]
"""``"html"`` for an HTML page, ``"text"`` for a text dump of a rendered
page, ``"auto"`` to sniff the bytes as the CLI does for a file whose name
does not tell (markup near the start means HTML)."""

Record = dict[str, Any]
"""The record, exactly as one line of the CLI's ``articles.jsonl`` (same
keys in the same order): ``id``, ``source``, ``format``, ``encoding``,
``url``, ``title``, ``author``, ``date``, ``site_name``, ``language``,
``description``, ``categories`` (list), ``tags`` (list), ``image``,
``reading_time_minutes``, ``text``, ``word_count``, ``removed`` (dict of
boilerplate blocks dropped, by kind: ``navigation``, ``subscribe``,
``share``, ``related``, ``cookie``, ``comments``, ``footer``, ``other``),
``text_hash``, ``duplicate_of`` (always None here: duplicates are a batch
matter, see the README), ``source_url``, ``crawl_date``. A field with no
value is None; metadata is never invented."""

MAX_BYTES: int
"""Default of ``max_bytes``: 64 MiB, as the CLI's ``--max-bytes``."""
MAX_DEPTH: int
"""Default of ``max_depth``: 4096, as the CLI's ``--max-depth``."""
MAX_NODES: int
"""Default of ``max_nodes``: 1,000,000, as the CLI's ``--max-nodes``."""

NO_ARTICLE: str
"""``"no article text found"``: the reason the CLI writes to ``errors.jsonl``
for a page where :func:`extract` returns None."""

class DeboilError(ValueError):
    """A page deboil cannot take, or an option out of range.

    The message is the reason the CLI writes to ``errors.jsonl`` (prefixed
    with ``pages[i]: `` when raised by :func:`extract_many`)."""

    reason: str
    """The CLI's reason, e.g. ``"binary content, not a text or HTML page"``,
    ``"page is larger than the limit of 100 bytes"``, ``"gzip: ..."``,
    ``"internal error (panic): ..."``."""
    kind: str
    """``reason`` up to its first ``:``, for counting errors by kind."""
    index: Optional[int]
    """The page's position in an :func:`extract_many` batch, else None."""

def extract(
    page: Page,
    *,
    format: Format = "auto",
    url: Optional[str] = None,
    id: Optional[str] = None,
    source: Optional[str] = None,
    max_bytes: Optional[int] = None,
    max_depth: Optional[int] = None,
    max_nodes: Optional[int] = None,
) -> Optional[Record]:
    """Extract the article of one page.

    Args:
        page: the page's bytes as stored (plain, gzip or zstd; any charset,
            found as the CLI finds it: byte-order mark, the charset the page
            declares, valid UTF-8, then detection), or its text as ``str``,
            handed over as its UTF-8 bytes (so it reads as UTF-8; only a page
            of plain ASCII that declares another charset keeps that
            charset's name in ``encoding``, its text being the same).
        format: ``"html"``, ``"text"`` (a text dump) or ``"auto"`` (sniff).
        url: the URL the page was fetched from; goes to ``source_url``.
        id: the record's ``id`` (default ``""``).
        source: the record's ``source`` (default ``""``).
        max_bytes: largest page accepted, as given and after decompression
            (default :data:`MAX_BYTES`), as the CLI's ``--max-bytes``.
        max_depth: deepest element nesting accepted in an HTML page
            (default :data:`MAX_DEPTH`), as ``--max-depth``.
        max_nodes: most HTML elements accepted in a page (default
            :data:`MAX_NODES`), as ``--max-nodes``.

    Returns:
        The record dict (see :data:`Record`), or None when the page holds no
        article text (the CLI's ``no article text found``).

    Raises:
        DeboilError: the page is empty, binary, over a limit, or its
            compression is corrupt; an option is out of range. A panic
            inside deboil comes out as this error too.
        TypeError: ``page`` is neither ``str`` nor ``bytes``.

    The GIL is released while deboil works, so Python threads calling
    ``extract`` run in parallel. The CLI's batch options have no per-page
    meaning here: ``--dedup`` (compare ``record["text_hash"]``), ``--lang``
    (filter on ``record["language"]``), ``--min-words`` (filter on
    ``record["word_count"]``).
    """

def extract_many(
    pages: Iterable[Page],
    *,
    threads: int = 0,
    errors: Literal["raise", "return", "ignore"] = "raise",
    format: Union[Format, Sequence[Format], None] = None,
    urls: Optional[Sequence[Optional[str]]] = None,
    ids: Optional[Sequence[Optional[str]]] = None,
    sources: Optional[Sequence[Optional[str]]] = None,
    max_bytes: Optional[int] = None,
    max_depth: Optional[int] = None,
    max_nodes: Optional[int] = None,
) -> list[Any]:
    """Extract a batch of pages in parallel, results in input order.

    Each result is what :func:`extract` gives for that page with the same
    options: the same record, or None for no article text.

    Args:
        pages: the pages (``str`` or ``bytes`` each).
        threads: worker threads (a rayon pool, the GIL released); 0 means
            one per core, 1 works in the calling thread.
        errors: what a page deboil cannot take gives: ``"raise"`` raises
            :class:`DeboilError` for the first such page (after the whole
            batch ran; ``index`` says which), ``"return"`` puts the
            ``DeboilError`` instance in its place in the list, ``"ignore"``
            puts None there.
        format: one format for all pages, or a sequence with one per page
            (default ``"auto"``).
        urls, ids, sources: None, or a sequence with one value (or None) per
            page: each page's ``url``, ``id`` and ``source`` as in
            :func:`extract`.
        max_bytes, max_depth, max_nodes: as in :func:`extract`, for every
            page.

    Returns:
        A list of record dicts, None, and (with ``errors="return"``)
        :class:`DeboilError` instances, one per page in input order.
    """
