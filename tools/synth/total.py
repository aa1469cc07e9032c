"""Sums per-page score lines (`NAME {json}` from score_split.py) into one total line."""
import collections
import json
import sys

total = collections.Counter()
for line in sys.stdin:
    _, js = line.split(" ", 1)
    page = json.loads(js)
    for key in ("articles_true", "articles_pred", "titles_found", "bodies_exact", "spacing_defects"):
        total[key] += page[key]
    for key in ("kicker", "subtitle", "authors", "paragraphs", "continued"):
        if key in page:
            ok, n = map(int, page[key].split("/"))
            total[key] += ok
            total[key + "_n"] += n
precision = total["titles_found"] / max(1, total["articles_pred"])
recall = total["titles_found"] / max(1, total["articles_true"])
f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
fields = " ".join(f"{k}={total[k]}/{total[k + '_n']}" for k in ("kicker", "subtitle", "authors", "paragraphs", "continued"))
print(f"articles={total['articles_pred']}/{total['articles_true']} found={total['titles_found']} "
      f"title_f1={f1:.3f} bodies_exact={total['bodies_exact']} spacing={total['spacing_defects']} {fields}")
