"""deboil.extract and deboil.extract_many on the pages the repository ships
and on pages written here: each page's record equals the CLI's, bytes in
legacy charsets decode as the CLI decodes them, bad input raises
DeboilError with the CLI's reason, and batches keep their order whatever
the threads."""

import gzip
import os
import random
import subprocess
import sys
import threading

import pytest

import deboil
from conftest import FIXTURES, RAW, cli_id, format_of, shipped_pages

# --- pages written here ---------------------------------------------------

DE = [
    "Der Stadtrat hat am Dienstag nach einer langen Debatte den neuen Haushalt für das "
    "kommende Jahr beschlossen, wie die Bürgermeisterin mitteilte.",
    "Viele Bürgerinnen und Bürger waren gekommen, um über die Pläne für den Hafen, die "
    "Straßen und die alte Markthalle zu sprechen; sie füllten den Saal bis zur Tür.",
    "Für die Schulen sind 4,5 Millionen € vorgesehen, für die Radwege weitere zwei "
    "Millionen, die über drei Jahre verteilt ausgegeben werden sollen.",
]
RU = [
    "Городской совет во вторник после долгих обсуждений утвердил новый бюджет на "
    "следующий год, сообщила мэр города журналистам.",
    "Многие жители пришли, чтобы высказаться о планах по реконструкции гавани, улиц и "
    "старого рынка; зал был заполнен до самых дверей.",
    "На школы предусмотрено четыре с половиной миллиона рублей, на велосипедные дорожки "
    "ещё два миллиона, которые будут потрачены за три года.",
]
JA = [
    "市議会は火曜日、長い議論の末に来年度の新しい予算案を可決したと市長が記者団に明らかにした。",
    "多くの住民が港や道路、古い市場の再開発計画について意見を述べるために集まり、会場は入り口まで人で埋まった。",
    "学校には四百五十万円、自転車道にはさらに二百万円が計上され、三年間にわたって支出される予定だという。",
]


def page(title, paragraphs, head=""):
    body = "".join(f"<p>{p}</p>\n" for p in paragraphs)
    return (
        f"<!DOCTYPE html><html><head>{head}<title>{title}</title></head><body>"
        f"<nav><a href='/'>Start</a> <a href='/a'>Archiv</a></nav>"
        f"<article><h1>{title}</h1>\n{body}</article>"
        f"<footer>Impressum</footer></body></html>"
    )


LEGACY = {
    # name: (bytes, encoding the record names, a phrase of the text)
    "windows-1252 declared": (
        page("Haushalt beschlossen", DE, '<meta charset="windows-1252">').encode("cp1252"),
        "windows-1252",
        "4,5 Millionen € vorgesehen",
    ),
    "koi8-r declared by http-equiv": (
        page(
            "Бюджет утверждён",
            RU,
            '<meta http-equiv="Content-Type" content="text/html; charset=koi8-r">',
        ).encode("koi8_r"),
        "KOI8-R",
        "велосипедные дорожки",
    ),
    "shift_jis undeclared": (
        page("新予算案を可決", JA).encode("shift_jis"),
        "Shift_JIS",
        "自転車道にはさらに二百万円",
    ),
    "utf-16 with a byte-order mark": (
        page("Haushalt beschlossen", DE, '<meta charset="utf-16">').encode("utf-16"),
        "UTF-16LE",
        "Straßen und die alte Markthalle",
    ),
}


# --- the pages the repository ships ----------------------------------------


@pytest.mark.parametrize("path", shipped_pages(), ids=lambda p: str(p.relative_to(p.parents[1])))
def test_shipped_page_equals_the_cli(path, cli):
    """Each page of raw/ and tests/fixtures/, run alone through the CLI
    (a batch of one: no batch template), gives the same record."""
    want = cli.one(path)
    got = deboil.extract(path.read_bytes(), format=format_of(path), id=cli_id(path), source=str(path))
    assert got == want


def test_shipped_pages_have_titles_and_text():
    garden = deboil.extract((RAW / "garden-blog.html").read_bytes())
    assert garden["title"] == "Why Your Tomatoes Split After Rain"
    assert garden["format"] == "html" and garden["language"] == "en"
    assert garden["removed"]["navigation"] >= 1
    # A gzipped page is unpacked, as the CLI unpacks .html.gz files.
    ferry = (RAW / "news" / "harbour-ferry.html.gz").read_bytes()
    assert ferry[:2] == b"\x1f\x8b"
    assert deboil.extract(ferry) == deboil.extract(gzip.decompress(ferry))
    # The golden fixtures' expected text (what `cargo test golden` checks).
    for case in sorted(FIXTURES.iterdir()):
        source = next(case.glob("source.*"))
        record = deboil.extract(source.read_bytes(), format=format_of(source))
        assert record["text"] + "\n" == (case / "expected.txt").read_text(encoding="utf-8"), case.name


def test_text_dump():
    dump = RAW / "000_a1dff7ca44dfd5da.txt"
    text = dump.read_text(encoding="utf-8")
    record = deboil.extract(text, format="text")
    assert record["format"] == "text"
    assert record["title"].startswith("U.S. Military Strikes")
    assert "Overview of U.S. Military Action" in record["text"]
    # A dump sniffs as a dump; str and bytes give one record.
    assert deboil.extract(text) == record
    assert deboil.extract(dump.read_bytes(), format="text") == record
    # The same bytes read as HTML are another page.
    assert deboil.extract(text, format="html")["format"] == "html"


# --- charsets ---------------------------------------------------------------


@pytest.mark.parametrize("name", sorted(LEGACY))
def test_legacy_charset_bytes_decode_as_the_cli(name, cli, tmp_path):
    data, encoding, phrase = LEGACY[name]
    record = deboil.extract(data, format="html")
    assert record["encoding"] == encoding
    assert phrase in record["text"]
    # The same bytes as a page file.
    path = tmp_path / "page.html"
    path.write_bytes(data)
    assert deboil.extract(data, format="html", id="page", source=str(path)) == cli.one(path)
    # The text decoded by Python gives the same article.
    decoded = data.decode({"KOI8-R": "koi8_r", "UTF-16LE": "utf-16"}.get(encoding, encoding))
    assert deboil.extract(decoded, format="html")["text"] == record["text"]


def test_str_with_lone_surrogates_is_read_lossily():
    text = page("Haushalt beschlossen", DE).replace("Dienstag", "Dienstag\ud800")
    record = deboil.extract(text)
    assert "Dienstag\ufffd" in record["text"]


# --- no article, bad input ----------------------------------------------------


def test_page_without_article_gives_none(cli, tmp_path):
    html = "<html><head><title>Login</title></head><body><script>go()</script></body></html>"
    assert deboil.extract(html) is None
    path = tmp_path / "login.html"
    path.write_text(html)
    assert cli.one(path) == "no article text found"


def bad_pages():
    ferry = (RAW / "news" / "harbour-ferry.html.gz").read_bytes()
    deep = b"<html><body>" + b"<div>" * 5000 + b"<p>deep</p>"
    return {
        "empty": (b"", {}),
        "whitespace": (b"  \n\t ", {}),
        "binary": (b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 8, {}),
        "truncated gzip": (ferry[: len(ferry) // 2], {}),
        "over max_bytes": ((RAW / "garden-blog.html").read_bytes(), {"max_bytes": 1000}),
        "deeper than max_depth": (deep, {}),
        "more nodes than max_nodes": ((RAW / "garden-blog.html").read_bytes(), {"max_nodes": 20}),
    }


CLI_FLAGS = {"max_bytes": "--max-bytes", "max_depth": "--max-depth", "max_nodes": "--max-nodes"}


@pytest.mark.parametrize("name", sorted(bad_pages()))
def test_bad_input_raises_with_the_cli_reason(name, cli, tmp_path):
    data, options = bad_pages()[name]
    with pytest.raises(deboil.DeboilError) as caught:
        deboil.extract(data, **options)
    err = caught.value
    assert isinstance(err, ValueError)
    path = tmp_path / "page.html"
    path.write_bytes(data)
    flags = [a for k, v in options.items() for a in (CLI_FLAGS[k], str(v))]
    assert err.reason == cli.one(path, *flags)
    assert str(err) == err.reason
    assert err.kind == err.reason.split(":")[0]
    assert err.index is None


def test_bad_options():
    for options, reason in (
        ({"max_bytes": 0}, "max_bytes must be at least 1"),
        ({"max_depth": -1}, "max_depth must be at least 1"),
        ({"max_nodes": 0}, "max_nodes must be at least 1"),
        ({"format": "pdf"}, 'format "pdf": use "auto", "html" or "text"'),
    ):
        with pytest.raises(deboil.DeboilError) as caught:
            deboil.extract("<p>x</p>", **options)
        assert (caught.value.reason, caught.value.index) == (reason, None)
    with pytest.raises(TypeError):
        deboil.extract(42)
    with pytest.raises(TypeError):
        deboil.extract("<p>x</p>", "html")  # options are keyword-only
    with pytest.raises(deboil.DeboilError, match="threads"):
        deboil.extract_many(["<p>x</p>"], threads=-1)
    with pytest.raises(deboil.DeboilError, match="urls has 1 values for 2 pages"):
        deboil.extract_many(["a", "b"], urls=["u"])
    with pytest.raises(TypeError):
        deboil.extract_many(["a"], urls="https://example.org/")
    with pytest.raises(TypeError, match="for one page use extract"):
        deboil.extract_many("<p>one page</p>")


def test_options_reach_the_record():
    html = (RAW / "garden-blog.html").read_bytes()
    record = deboil.extract(html, url="https://example.org/x", id="g1", source="crawl-7")
    assert (record["source_url"], record["id"], record["source"]) == (
        "https://example.org/x",
        "g1",
        "crawl-7",
    )
    assert record["duplicate_of"] is None and record["crawl_date"] is None
    plain = deboil.extract(html)
    assert (plain["source_url"], plain["id"], plain["source"]) == (None, "", "")
    assert deboil.MAX_BYTES == 64 * 1024 * 1024
    assert deboil.extract(html, max_bytes=deboil.MAX_BYTES) == plain


PANIC_SCRIPT = r"""
import deboil
good = open(r"{garden}", "rb").read()
bad = b"<html><body><p>DEBOIL-TEST-PANIC and enough words to be an article here</p></body></html>"
try:
    deboil.extract(bad)
except deboil.DeboilError as e:
    assert e.reason.startswith("internal error (panic): test panic requested"), e.reason
else:
    raise SystemExit("no error")
out = deboil.extract_many([good, bad, good] * 4, threads=2, errors="return")
assert [isinstance(r, deboil.DeboilError) for r in out] == [False, True, False] * 4
assert [r.index for r in out if isinstance(r, deboil.DeboilError)] == [1, 4, 7, 10]
assert deboil.extract(good)["title"]
print("survived")
"""


def test_a_panic_becomes_deboil_error_and_the_interpreter_goes_on():
    # The test hook is read once per process: a child with it switched on.
    env = dict(os.environ, DEBOIL_TEST_PANIC="1")
    script = PANIC_SCRIPT.format(garden=RAW / "garden-blog.html")
    p = subprocess.run([sys.executable, "-c", script], env=env, capture_output=True, text=True)
    assert p.returncode == 0, p.stderr
    assert p.stdout.strip() == "survived"


# --- batches ------------------------------------------------------------------


def batch():
    """Real pages of both formats, repeated and interleaved with a page
    without article and a bad one, so that order matters."""
    pages = [(p.read_bytes(), format_of(p)) for p in shipped_pages()]
    pages.append(("<html><body><script>x()</script></body></html>", "html"))
    pages.append((b"\x00\x01\x02" * 100, "auto"))
    out = pages * 3
    random.Random(17).shuffle(out)
    return out


def test_extract_many_equals_extract_in_a_loop_in_order():
    pages = batch()
    data = [p for p, _ in pages]
    formats = [f for _, f in pages]
    ids = [f"p{i}" for i in range(len(pages))]
    want = []
    for i, (p, f) in enumerate(pages):
        try:
            want.append(deboil.extract(p, format=f, id=ids[i]))
        except deboil.DeboilError as e:
            want.append(("error", e.reason, i))
    assert any(w is None for w in want) and any(isinstance(w, tuple) for w in want)
    for threads in (0, 1, 2, 3):
        got = deboil.extract_many(data, threads=threads, format=formats, ids=ids, errors="return")
        got = [("error", g.reason, g.index) if isinstance(g, deboil.DeboilError) else g for g in got]
        assert got == want, threads
    # The default raises for the first bad page, naming it.
    with pytest.raises(deboil.DeboilError) as caught:
        deboil.extract_many(data, format=formats, threads=2)
    first = next(w for w in want if isinstance(w, tuple))
    assert (caught.value.reason, caught.value.index) == first[1:]
    assert str(caught.value) == f"pages[{first[2]}]: {first[1]}"
    ignored = deboil.extract_many(data, format=formats, ids=ids, errors="ignore")
    assert ignored == [None if isinstance(w, tuple) else w for w in want]
    # Any iterable, per-page URLs and sources; empty batches.
    urls = [f"https://example.org/{i}" for i in range(len(pages))]
    got = deboil.extract_many(iter(data), format=formats, urls=urls, sources=ids, errors="ignore")
    for i, g in enumerate(got):
        if g is not None:
            assert (g["source_url"], g["source"]) == (urls[i], ids[i])
    assert deboil.extract_many([]) == []


def test_extract_many_from_many_python_threads():
    """Python threads calling extract and extract_many at once, each on its
    own rayon pool size, all get the results of a lone call."""
    pages = [p for p, f in batch() if f != "auto"]
    want = deboil.extract_many(pages, threads=1, errors="ignore")
    results = {}

    def work(k):
        if k % 3 == 0:
            got = [deboil.extract(p) for p in pages]
        else:
            got = deboil.extract_many(pages, threads=k % 4, errors="ignore")
        results[k] = got

    threads = [threading.Thread(target=work, args=(k,)) for k in range(8)]
    for t in threads:
        t.start()
    for t in threads:
        t.join(timeout=300)
    assert sorted(results) == list(range(8))
    for k, got in results.items():
        assert got == want, k


FORK_SCRIPT = r"""
import os, deboil
pages = [open(r"{garden}", "rb").read()] * 8
want = deboil.extract_many(pages, threads=2)
pid = os.fork()
if pid == 0:
    # The parent's pool threads do not exist here: a new pool serves.
    ok = deboil.extract_many(pages, threads=2) == want
    os._exit(0 if ok else 1)
_, status = os.waitpid(pid, 0)
assert os.waitstatus_to_exitcode(status) == 0, status
print("forked")
"""


@pytest.mark.skipif(not hasattr(os, "fork"), reason="needs fork")
def test_extract_many_after_fork():
    script = FORK_SCRIPT.format(garden=RAW / "garden-blog.html")
    p = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, timeout=120)
    assert p.returncode == 0, p.stderr
    assert p.stdout.strip() == "forked"
