#!/usr/bin/env python3
"""How many of a synthetic page's true line joins the splitter's reading order keeps.

usage: joins.py PRESSROOM PAGE.txt [PAGE.txt ...] [--each]

Every printed line of at least four characters is found in the article texts (`src/*.txt`)
that `make.py` set; where it is found exactly once, the line that starts where it ends,
inside the same paragraph, is its true successor. A join is kept when the successor comes
right after it: in the dump as pdftotext printed it, and in the order `pressroom split
--roles` reads. Joins are counted by where pdftotext printed the successor (next line,
up to 8 lines on, further on, or before), since the reading-order stage only looks ahead
a few lines. Bodies are exact only when all of an article's joins are kept, so this shows
where an interleaved page goes wrong before the articles are cut.
"""
import collections
import glob
import os
import re
import subprocess
import sys

WS = re.compile(r"\s+")
HERE = os.path.dirname(os.path.abspath(__file__))
# Paragraphs of the source texts, one per line (lines starting "@" are headlines and marks).
TEXT = "\n".join(
    WS.sub("", line)
    for path in sorted(glob.glob(os.path.join(HERE, "src", "*.txt")))
    for line in open(path, encoding="utf-8").read().split("\n")
    if line.strip() and not line.startswith("@")
)


def locate(line):
    """(start, end) of the line in TEXT when it occurs there exactly once."""
    s = WS.sub("", line)
    if len(s) < 4:
        return None
    at = TEXT.find(s)
    if at < 0 or TEXT.find(s, at + 1) >= 0:
        return None
    return (at, at + len(s))


def true_joins(spans):
    """(from, to) positions of lines whose successor starts where they end, mid-paragraph."""
    starts = {span[0]: k for k, span in enumerate(spans) if span}
    return [(k, starts[span[1]]) for k, span in enumerate(spans)
            if span and span[1] in starts and TEXT[span[1] - 1] != "\n"]


def kind(distance):
    if distance == 1:
        return "next"
    if 1 < distance <= 8:
        return "ahead<=8"
    return "ahead>8" if distance > 8 else "before"


def count(binary, page):
    printed = [l for l in open(page, encoding="utf-8").read().split("\n") if l.strip()]
    roles = subprocess.run([binary, "split", page, "--roles"], capture_output=True,
                           text=True, check=True).stdout.split("\n")
    read = [r.split("\t", 4)[4] for r in roles if r.count("\t") >= 4]
    printed_spans = [locate(l) for l in printed]
    read_spans = [locate(l) for l in read]
    kept = {(read_spans[a], read_spans[b]) for a, b in true_joins(read_spans) if b == a + 1}
    out = collections.Counter()
    for a, b in true_joins(printed_spans):
        k = kind(b - a)
        out["joins"] += 1
        out["printed_kept"] += k == "next"
        out[k] += 1
        if (printed_spans[a], printed_spans[b]) in kept:
            out["read_kept"] += 1
            out[k + "_kept"] += 1
    return out


def show(name, c):
    n = max(1, c["joins"])
    parts = [f"joins={c['joins']}",
             f"printed={c['printed_kept']} ({100 * c['printed_kept'] / n:.1f} %)",
             f"read={c['read_kept']} ({100 * c['read_kept'] / n:.1f} %)"]
    parts += [f"{k}={c[k + '_kept']}/{c[k]}" for k in ("next", "ahead<=8", "ahead>8", "before")]
    print(name, " ".join(parts))


def main():
    args = [a for a in sys.argv[1:] if a != "--each"]
    if len(args) < 2:
        sys.exit(__doc__)
    binary, pages = args[0], args[1:]
    total = collections.Counter()
    for page in pages:
        c = count(binary, page)
        if "--each" in sys.argv:
            show(page, c)
        total += c
    show("total", total)


if __name__ == "__main__":
    main()
