#!/usr/bin/env python3
"""Pages the corpus holds, in other orders: a page's stories moved as whole chunks.

    reorder.py PAGE.txt PAGE.expected.json OUTDIR FIRST LAST [--skip TITLE] [--starts PREFIX]

Cuts the page before the first line of each expected title (and before the line that
starts with --starts PREFIX, but not at the title starting --skip TITLE: for a story
printed text first, as the seed's last story, whose headline goes with its text),
keeps what comes before the first cut in place, shuffles the chunks with each seed from
FIRST to LAST, and writes OUTDIR/NAME_sSEED.txt with the page's truth beside it. The
splitter should find the same stories in any order; what it misses in some orders and
not others is a rule that leans on a neighbour. Lines are compared without whitespace;
a line of fewer than 6 characters cuts nothing (a scrap would match any title).
"""
import json
import os
import random
import re
import sys

WS = re.compile(r"\s+")


def chunk_starts(lines, truth, prefixes, skipped):
    squashed = [WS.sub("", line) for line in lines]
    titles = [WS.sub("", a["title"]) for a in truth["articles"] if a["title"]]
    keys = [t[:12] for t in titles if not any(t.startswith(s) for s in skipped)]
    keys += [WS.sub("", p) for p in prefixes]
    starts = set()
    for key in keys:
        for i, s in enumerate(squashed):
            if len(s) >= 6 and (s.startswith(key) or key.startswith(s)):
                starts.add(i)
                break
        else:
            print(f"not found: {key}", file=sys.stderr)
    return sorted(starts)


def main():
    args = sys.argv[1:]
    option = lambda flag: [args[args.index(flag) + 1]] if flag in args else []
    prefixes, skipped = option("--starts"), option("--skip")
    page, truth_path, outdir, first, last = args[:5]
    lines = open(page, encoding="utf-8").read().split("\n")
    truth = json.load(open(truth_path, encoding="utf-8"))
    starts = chunk_starts(lines, truth, prefixes, skipped)
    head = lines[: starts[0]]
    chunks = [lines[a:b] for a, b in zip(starts, starts[1:] + [len(lines)])]
    name = os.path.basename(page).removesuffix(".txt")
    os.makedirs(outdir, exist_ok=True)
    for seed in range(int(first), int(last) + 1):
        order = chunks[:]
        random.Random(seed).shuffle(order)
        out = os.path.join(outdir, f"{name}_s{seed}")
        with open(out + ".txt", "w", encoding="utf-8") as f:
            f.write("\n".join(head + [line for c in order for line in c]))
        with open(out + ".expected.json", "w", encoding="utf-8") as f:
            json.dump(truth, f, ensure_ascii=False)


if __name__ == "__main__":
    main()
