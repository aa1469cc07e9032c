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
where an interleaved page goes wrong before the articles are cut. Totals are given for
the pages that print columns row by row somewhere and for the others apart.
"""
import collections
import glob
import os
import re
import subprocess
import sys

WS = re.compile(r"\s+")
KINDS = ("next", "ahead<=8", "ahead>8", "before")
# The reading-order stage's look-ahead (WINDOW in src/edition/order/chain.rs).
AHEAD = 8
# Share of a page's long lines followed by a blank line above which it prints rows: a row of
# interleaved columns comes out one block a line, flowing columns as blocks of many lines.
ROW_SHARE = 0.15
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
    if 1 < distance <= AHEAD:
        return "ahead<=8"
    return "ahead>8" if distance > AHEAD else "before"


def prints_rows(lines):
    """Whether the page prints columns row by row somewhere (see ROW_SHARE)."""
    long = [k for k in range(len(lines) - 1) if len(lines[k]) >= 10]
    apart = sum(1 for k in long if not lines[k + 1].strip())
    return bool(long) and apart / len(long) >= ROW_SHARE


def count(binary, lines, page):
    printed = [l for l in lines if l.strip()]
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
        out[k] += 1
        if (printed_spans[a], printed_spans[b]) in kept:
            out[k + "_kept"] += 1
    return out


def show(name, c):
    n = max(1, c["joins"])
    read = sum(c[k + "_kept"] for k in KINDS)
    parts = [f"joins={c['joins']}",
             f"printed={c['next']} ({100 * c['next'] / n:.1f} %)",
             f"read={read} ({100 * read / n:.1f} %)"]
    parts += [f"{k}={c[k + '_kept']}/{c[k]}" for k in KINDS]
    print(name, " ".join(parts))


def main():
    args = [a for a in sys.argv[1:] if a != "--each"]
    if len(args) < 2:
        sys.exit(__doc__)
    binary, pages = args[0], args[1:]
    totals = {True: collections.Counter(), False: collections.Counter()}
    for page in pages:
        lines = open(page, encoding="utf-8").read().split("\n")
        rows = prints_rows(lines)
        c = count(binary, lines, page)
        if "--each" in sys.argv:
            show(page, c)
        totals[rows] += c
        totals[rows]["pages"] += 1
    for rows, name in ((True, "printed row by row"), (False, "flowing")):
        show(f"{name} ({totals[rows]['pages']} pages):", totals[rows])


if __name__ == "__main__":
    main()
