#!/usr/bin/env python3
"""Claim precision and recall on three news pages of Mozilla Readability's test suite whose
sentences were marked claim or not by hand (tests/eval/dev-claims/). These are development
pages: the quoted-view rule of stage 19 was written from wapo-1 and nytimes-3. The independent
figures are `make eval-entities`'.

    python3 scripts/eval/claims_dev.py [GLOSSA_BINARY]

A sentence counts as found when a claim Glossa reports overlaps it."""
import glob, json, os, subprocess, sys

here = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, here)
import agreement  # noqa: E402  (page_text: the same text the agreement figures use)

root = os.path.dirname(os.path.dirname(here))
glossa = sys.argv[1] if len(sys.argv) > 1 else os.path.join(root, "target/release/glossa")
total = [0, 0, 0]
for path in sorted(glob.glob(os.path.join(root, "tests/eval/dev-claims/*.json"))):
    labels = json.load(open(path, encoding="utf-8"))
    text = agreement.page_text(labels["page"])
    out = subprocess.run([glossa, "analyze", "-"], input=text.encode(), capture_output=True, check=True)
    claims = json.loads(out.stdout)["claims"]
    counts = [0, 0, 0]  # true, false positive, missed
    for s in labels["sentences"]:
        if text[s["start"]:s["end"]] != s["text"]:
            sys.exit(f"{path}: the page text changed; the labels no longer fit")
        found = any(c["start"] < s["end"] and s["start"] < c["end"] for c in claims)
        counts[0] += found and s["claim"]
        counts[1] += found and not s["claim"]
        counts[2] += s["claim"] and not found
    total = [x + y for x, y in zip(total, counts)]
    print(f"{labels['page']:10s} {len(labels['sentences']):3d} sentences   true {counts[0]}, "
          f"false positives {counts[1]}, missed {counts[2]}")
t, f, m = total
print(f"dev claims: P {t / (t + f):.2f} R {t / (t + m):.2f} ({t} true, {f} false positives, {m} missed)")
