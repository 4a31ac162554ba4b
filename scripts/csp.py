#!/usr/bin/env python3
"""Trunk post-build hook: puts the SHA-256 of each inline <script> Trunk wrote into index.html
into the Content-Security-Policy's script-src, in place of the 'inline-scripts' placeholder.

The policy itself is in index.html; Trunk's loader is the only inline script, and its text
changes with every build (it names hashed files), so its hash is computed here."""
import base64, hashlib, os, re, sys

path = os.path.join(os.environ.get("TRUNK_STAGING_DIR", "dist"), "index.html")
html = open(path, encoding="utf-8").read()
scripts = re.findall(r"<script(?![^>]*\bsrc=)[^>]*>(.*?)</script>", html, flags=re.S)
hashes = " ".join(
    "'sha256-%s'" % base64.b64encode(hashlib.sha256(s.encode("utf-8")).digest()).decode()
    for s in scripts
)
if "'inline-scripts'" not in html:
    sys.exit("csp.py: index.html has no 'inline-scripts' placeholder in its policy")
html = html.replace("'inline-scripts'", hashes)
open(path, "w", encoding="utf-8").write(html)
print("csp.py: %d inline script(s) allowed by hash" % len(scripts))
