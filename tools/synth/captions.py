#!/usr/bin/env python3
"""Which story each expected photo caption ends up in: score_split.py does not score captions.

usage: captions.py OUTDIR EXPECTED.json [EXPECTED.json ...] [--each]

For every caption of an expected split (`captions` of an article), looks in the
predicted split OUTDIR/NAME.json (NAME from EXPECTED's file name, as `pressroom split
--json` wrote it) for a caption block with the same text (spaces removed; the first ten
characters of either found in the other) and counts it `home` when it sits in the article
whose title is the expected one, `elsewhere` when it sits in another, and `lost` when no
caption block holds it (read as a paragraph, or dropped). `--each` lists the ones
elsewhere.
"""
import json
import os
import re
import sys

WS = re.compile(r"\s+")


def flat(s):
    return WS.sub("", s or "")


def main(argv):
    each = "--each" in argv
    args = [a for a in argv if a != "--each"]
    out, truths = args[0], args[1:]
    home = elsewhere = lost = 0
    for truth_path in truths:
        name = os.path.basename(truth_path).replace(".expected.json", "")
        truth = json.load(open(truth_path))
        pred = json.load(open(os.path.join(out, name + ".json")))["articles"]
        where = {}
        for i, a in enumerate(pred):
            for b in a.get("blocks", []):
                if b.get("kind") == "caption":
                    where.setdefault(flat(b.get("text")), []).append(i)
        for a in truth["articles"]:
            for c in a.get("captions") or []:
                text = flat(c if isinstance(c, str) else c.get("text"))
                at = [i for k, ix in where.items() if text[:10] in k or k[:10] in text for i in ix]
                if not at:
                    lost += 1
                elif any(flat(pred[i].get("title")) == flat(a["title"]) for i in at):
                    home += 1
                else:
                    elsewhere += 1
                    if each:
                        print(name, a["title"], "->", [pred[i].get("title") for i in at], text[:20])
    print(f"captions={home + elsewhere + lost} home={home} elsewhere={elsewhere} lost={lost}")


if __name__ == "__main__":
    main(sys.argv[1:])
