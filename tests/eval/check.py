#!/usr/bin/env python3
"""Quality floors for analysis, scored by the project's scorer (score.py, copied from
shared/eval) on the hand-labelled sample. Fails when a figure drops below the floor the
product promises. Prints a cargo-style summary line so `scripts/test.sh` can count it.

    python3 tests/eval/check.py [path/to/glossa]
"""
import json, os, subprocess, sys

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
import score  # noqa: E402

# (name, region, what, floor): spaCy en_core_web_sm's figures and the claim targets.
FLOORS = [
    ("entities, article, exact typed F1", "article", "exact_typed", 0.91),
    ("entities, whole page, exact typed F1", "all", "exact_typed", 0.78),
    ("claims, content, precision", "content", "claims_p", 0.90),
    ("claims, content, recall", "content", "claims_r", 0.90),
]


def main():
    glossa = sys.argv[1] if len(sys.argv) > 1 else os.path.join(HERE, "..", "..", "target", "release", "glossa")
    gold_path = os.path.join(HERE, "kim-train-article.gold.json")
    gold = json.load(open(gold_path, encoding="utf-8"))
    text_path = os.path.join(HERE, gold["text_file"])
    text = open(text_path, encoding="utf-8").read()
    out = subprocess.run([glossa, "analyze", text_path], capture_output=True, check=True)
    pred = json.loads(out.stdout)
    passed = failed = 0
    for name, region, what, floor in FLOORS:
        r = score.score(gold, pred, text, region)
        value = r["claims"][0] if what == "claims_p" else r["claims"][1] if what == "claims_r" else r["entities"][what][2]
        ok = value >= floor
        passed += ok
        failed += not ok
        print(f"test {name}: {value:.2f} (floor {floor:.2f}) ... {'ok' if ok else 'FAILED'}")
    print(f"\ntest result: {'ok' if not failed else 'FAILED'}. {passed} passed; {failed} failed")
    sys.exit(1 if failed else 0)


if __name__ == "__main__":
    main()
