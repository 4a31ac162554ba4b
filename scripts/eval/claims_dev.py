#!/usr/bin/env python3
"""Claim precision and recall on three news pages of Mozilla Readability's test suite whose
sentences were marked claim or not by hand (tests/eval/dev-claims/). These are development
pages: the quoted-view rule of stage 19 was written from wapo-1 and nytimes-3. The independent
figures are `make eval-entities`'.

    python3 scripts/eval/claims_dev.py [GLOSSA_BINARY]

Scored by the project's scorer (tests/eval/score.py): a sentence counts as found when a claim
Glossa reports overlaps it."""
import glob, importlib.util, json, os, subprocess, sys

here = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, here)
import agreement  # noqa: E402  (page_text: the same text the agreement figures use)

root = os.path.dirname(os.path.dirname(here))
glossa = sys.argv[1] if len(sys.argv) > 1 else os.path.join(root, "target/release/glossa")
spec = importlib.util.spec_from_file_location("score", os.path.join(root, "tests/eval/score.py"))
scorer = importlib.util.module_from_spec(spec)
spec.loader.exec_module(scorer)

total = [0, 0, 0]  # true, false positives, missed
for path in sorted(glob.glob(os.path.join(root, "tests/eval/dev-claims/*.json"))):
    labels = json.load(open(path, encoding="utf-8"))
    text = agreement.page_text(labels["page"])
    if any(text[s["start"]:s["end"]] != s["text"] for s in labels["sentences"]):
        sys.exit(f"{path}: the page text changed; the labels no longer fit")
    out = subprocess.run([glossa, "analyze", "-"], input=text.encode(), capture_output=True, check=True)
    gold = {"entities": [], "sentences": [dict(s, region="article") for s in labels["sentences"]]}
    counts = scorer.score(gold, json.loads(out.stdout), text, "article")["claims"][3:]
    total = [x + y for x, y in zip(total, counts)]
    print(f"{labels['page']:10s} {len(labels['sentences']):3d} sentences   true {counts[0]}, "
          f"false positives {counts[1]}, missed {counts[2]}")
t, f, m = total
print(f"dev claims: P {t / (t + f):.2f} R {t / (t + m):.2f} ({t} true, {f} false positives, {m} missed)")
