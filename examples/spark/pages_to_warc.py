#!/usr/bin/env python3
"""Pack a folder of HTML pages (.html, .htm, each also .gz) into .warc.gz
shards, one gzip member per record, as crawlers write them: for measuring
deboil and the Spark job on WARC input.

    python3 examples/spark/pages_to_warc.py PAGES_DIR OUT_DIR [--shards N] [--repeat R]

Every page becomes a `response` record (HTTP 200, text/html) preceded by
its `request` record; with --repeat R each page is stored R times (under
distinct URLs) to make a bigger set.
"""

import argparse
import gzip
import os
import uuid


def record(kind, uri, payload, date="2024-05-01T10:00:00Z"):
    head = (
        f"WARC/1.0\r\nWARC-Type: {kind}\r\nWARC-Target-URI: {uri}\r\n"
        f"WARC-Date: {date}\r\nWARC-Record-ID: <urn:uuid:{uuid.uuid4()}>\r\n"
        f"Content-Type: application/http; msgtype={kind}\r\n"
        f"Content-Length: {len(payload)}\r\n\r\n"
    )
    return gzip.compress(head.encode() + payload + b"\r\n\r\n", compresslevel=6)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("pages")
    ap.add_argument("out")
    ap.add_argument("--shards", type=int, default=4)
    ap.add_argument("--repeat", type=int, default=1)
    args = ap.parse_args()
    files = sorted(
        os.path.join(root, n)
        for root, _, names in os.walk(args.pages)
        for n in names
        if n.endswith((".html", ".htm", ".html.gz", ".htm.gz"))
    )
    os.makedirs(args.out, exist_ok=True)
    outs = [
        open(os.path.join(args.out, f"part-{i:05d}.warc.gz"), "wb")
        for i in range(args.shards)
    ]
    n = 0
    for r in range(args.repeat):
        for path in files:
            with open(path, "rb") as f:
                body = f.read()
            if path.endswith(".gz"):
                body = gzip.decompress(body)
            uri = f"http://bench.example/{r}/{os.path.basename(path)}"
            out = outs[n % args.shards]
            out.write(record("request", uri, f"GET {uri} HTTP/1.1\r\n\r\n".encode()))
            http = b"HTTP/1.1 200 OK\r\nContent-Type: text/html\r\n\r\n" + body
            out.write(record("response", uri, http))
            n += 1
    for o in outs:
        o.close()
    print(f"{n} pages in {args.shards} shards under {args.out}")


if __name__ == "__main__":
    main()
