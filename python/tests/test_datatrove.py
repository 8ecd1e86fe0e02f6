"""deboil.datatrove.Deboil in a small local datatrove pipeline:
JsonlReader -> Deboil -> JsonlWriter over the pages the repository ships
(one of them in a legacy charset, decoded by the reader), a page without
article and two bad ones, run by
LocalPipelineExecutor on two worker processes."""

import gzip
import json

import pytest

import deboil
from conftest import RAW, format_of, need, shipped_pages

need("datatrove")
need("orjson")

from datatrove.executor import LocalPipelineExecutor  # noqa: E402
from datatrove.pipeline.extractors.base import BaseExtractor  # noqa: E402
from datatrove.pipeline.readers import JsonlReader  # noqa: E402
from datatrove.pipeline.writers import JsonlWriter  # noqa: E402

from deboil.datatrove import NOT_METADATA, Deboil  # noqa: E402


def documents():
    """The documents a reader would give: pages as text (HTML only: a
    datatrove extractor step gets HTML), with the URL in the metadata."""
    docs = []
    for p in shipped_pages():
        if format_of(p) != "html":
            continue
        data = p.read_bytes()
        if data[:2] == b"\x1f\x8b":
            data = gzip.decompress(data)
        try:
            text = data.decode("utf-8")
        except UnicodeDecodeError:
            # As datatrove's WarcReader does: UTF-8, else the detected
            # charset (here the one the page declares, iso-8859-1).
            text = data.decode("cp1252")
        name = p.parent.name if p.stem == "source" else p.stem
        docs.append({"id": name, "text": text, "url": f"https://example.org/{name}"})
    docs.append({"id": "no-article", "text": "<html><body><script>go()</script></body></html>"})
    docs.append({"id": "blank", "text": "   \n "})
    docs.append({"id": "binary", "text": "\x00\x01\x02\x03" * 200})
    return docs


def test_deboil_is_a_datatrove_extractor():
    step = Deboil()
    assert isinstance(step, BaseExtractor)
    garden = (RAW / "garden-blog.html").read_text(encoding="utf-8")
    assert step.extract(garden) == deboil.extract(garden)["text"]
    assert step.extract("<html><body><script>x()</script></body></html>") == ""


@pytest.mark.parametrize("metadata_key", ["deboil", None])
def test_pipeline_reader_deboil_writer(tmp_path, metadata_key):
    docs = documents()
    src = tmp_path / "in"
    src.mkdir()
    with open(src / "pages.jsonl", "w", encoding="utf-8") as f:
        for d in docs:
            f.write(json.dumps(d) + "\n")
    out = tmp_path / "out"
    executor = LocalPipelineExecutor(
        pipeline=[
            JsonlReader(str(src)),
            Deboil(metadata_key=metadata_key, threads=2, batch_size=3),
            JsonlWriter(str(out), compression=None),
        ],
        tasks=1,
        workers=1,
        logging_dir=str(tmp_path / "logs"),
    )
    executor.run()

    written = {}
    for path in sorted(out.glob("*.jsonl")):
        with open(path, encoding="utf-8") as f:
            for line in f:
                r = json.loads(line)
                written[r["id"]] = r
    expected = {}
    for d in docs:
        try:
            record = deboil.extract(d["text"], url=d.get("url"))
        except deboil.DeboilError:
            continue
        if record is not None:
            expected[d["id"]] = record
    assert sorted(written) == sorted(expected)
    assert len(written) == len(docs) - 3
    for doc_id, record in expected.items():
        got = written[doc_id]
        assert got["text"] == record["text"], doc_id
        meta = {k: v for k, v in record.items() if k not in NOT_METADATA}
        assert "title" in meta and "text" not in meta
        if metadata_key:
            assert got["metadata"][metadata_key] == meta, doc_id
            # What the reader set stays.
            assert got["metadata"].get("url") == next(d for d in docs if d["id"] == doc_id).get("url")
        else:
            assert {k: got["metadata"][k] for k in meta} == meta, doc_id
    stadtrat = expected["stadtrat-radwege"]
    assert stadtrat["title"].startswith("Stadtrat beschlie\u00dft neue Radwege")

    with open(tmp_path / "logs" / "stats.json", encoding="utf-8") as f:
        stats = next(s["stats"] for s in json.load(f) if "deboil" in s["name"])
    count = {k: v["total"] if isinstance(v, dict) else v for k, v in stats.items()}
    assert count["total"] == len(docs)
    assert count["extracted"] == count["forwarded"] == len(docs) - 3
    assert count["no_article"] == 1
    assert count["clean_error"] == 2
    assert count["error: empty file"] == 1
    assert count["error: binary content, not a text or HTML page"] == 1


def test_pipeline_on_worker_processes(tmp_path):
    """Two tasks on two worker processes (the step is pickled to them)."""
    docs = documents()
    src = tmp_path / "in"
    src.mkdir()
    for k in range(2):
        with open(src / f"pages{k}.jsonl", "w", encoding="utf-8") as f:
            for d in docs[k::2]:
                f.write(json.dumps(d) + "\n")
    out = tmp_path / "out"
    LocalPipelineExecutor(
        pipeline=[JsonlReader(str(src)), Deboil(threads=2), JsonlWriter(str(out), compression=None)],
        tasks=2,
        workers=2,
        logging_dir=str(tmp_path / "logs"),
    ).run()
    ids = []
    for path in sorted(out.glob("*.jsonl")):
        with open(path, encoding="utf-8") as f:
            ids += [json.loads(line)["id"] for line in f]
    assert len(ids) == len(docs) - 3
