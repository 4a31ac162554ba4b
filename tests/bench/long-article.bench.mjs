// Browser benchmark: a 200,000-word article with 10,000 notes, in the release build in
// headless Chromium. Prints, median of 5 page loads:
//   - the first frame with the article's text, after navigation,
//   - the first frame with the notes highlighted, and the analysis done,
//   - the longest freeze of the page's thread while loading (10 ms heartbeat),
// then the frame times while scrolling through the article and the time to show a verdict
// change on one note (which must not rebuild the whole article).
// Run with `make bench-browser` (it builds and serves dist/ itself).
import { chromium } from 'playwright-core';
import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const WORDS = 200_000;
const NOTES = 10_000;
const root = fileURLToPath(new URL('../..', import.meta.url));
const dist = process.env.GLOSSA_DIST ? path.resolve(process.env.GLOSSA_DIST) : path.join(root, 'dist');
const types = { '.html': 'text/html', '.js': 'text/javascript', '.wasm': 'application/wasm', '.css': 'text/css' };
const server = http.createServer((req, res) => {
  const file = path.join(dist, req.url === '/' ? 'index.html' : decodeURIComponent(req.url.split('?')[0]));
  if (!file.startsWith(dist) || !fs.existsSync(file)) { res.writeHead(404); res.end(); return; }
  res.writeHead(200, { 'content-type': types[path.extname(file)] || 'application/octet-stream' });
  fs.createReadStream(file).pipe(res);
});
await new Promise((ok) => server.listen(0, '127.0.0.1', ok));
const url = `http://127.0.0.1:${server.address().port}/`;

/** 200,000 words of news: the Readability suite's article texts, paragraphs tidied, repeated
 * paragraphs made distinct, under a title. */
function longArticle() {
  const pages = path.join(root, 'tests/corpus/readability-test-pages');
  const paragraphs = [];
  const seen = new Set();
  let words = 0;
  for (let round = 0; words < WORDS; round++) {
    for (const dir of fs.readdirSync(pages).sort()) {
      const file = path.join(pages, dir, 'expected.html');
      if (!fs.existsSync(file)) continue;
      const html = fs.readFileSync(file, 'utf8');
      for (const raw of html.replace(/<\/(p|h\d|li|div|blockquote)>/g, '\n\n').replace(/<[^>]*>/g, '').split('\n\n')) {
        let p = raw.split(/\s+/).filter(Boolean).join(' ');
        if (!p) continue;
        if (seen.has(p)) p = `(${round}) ${p}`;
        seen.add(p);
        const n = p.split(' ').length;
        if (words + n > WORDS) return ['A very long article', ...paragraphs].join('\n\n');
        paragraphs.push(p);
        words += n;
      }
    }
  }
  return ['A very long article', ...paragraphs].join('\n\n');
}

/** `count` notes spread evenly over `text`, in Glossa's storage schema (positions in code
 * points, with 32 code points of context). */
function notesFor(text, fingerprint, count) {
  const cps = Array.from(text);
  const step = Math.floor(cps.length / count);
  const notes = [];
  for (let i = 0; i < count; i++) {
    const start = i * step + 1;
    const end = Math.min(start + 12, cps.length);
    const exact = cps.slice(start, end).join('');
    if (!exact.trim()) continue;
    notes.push({
      id: `bench-${i}`, body: `Note ${i}`, created: '2026-11-26T00:00:00.000Z', modified: '2026-11-26T00:00:00.000Z',
      target: { selector: [
        { type: 'TextQuoteSelector', exact, prefix: cps.slice(Math.max(0, start - 32), start).join(''), suffix: cps.slice(end, end + 32).join('') },
        { type: 'TextPositionSelector', start, end },
      ] },
    });
  }
  return JSON.stringify({ schema: 2, document: fingerprint, verdicts: [{ key: 'false', label: 'False', rating: 1 }, { key: 'true', label: 'True', rating: 5 }], notes });
}

const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
    '--disable-component-update', '--disable-sync', '--disable-dev-shm-usage'],
});
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const fmt = (ms) => `${ms.toFixed(0)} ms`;
try {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  const page = await context.newPage();
  page.setDefaultTimeout(120_000);
  await page.goto(url);
  await page.waitForSelector('#article p');
  const text = longArticle();
  await page.locator('#toolbar-library').click();
  // Set directly: typing 1.3 MB into a text area through the input pipeline takes minutes.
  await page.locator('#paste-box').evaluate((box, value) => { box.value = value; }, text);
  await page.getByRole('button', { name: 'Open pasted text' }).click();
  await page.waitForSelector('#article[data-analysed="true"]');
  const fingerprint = await page.evaluate(() => {
    const library = JSON.parse(localStorage.getItem('glossa.v1.library'));
    return library.entries.find((e) => e.title === 'A very long article').fingerprint;
  });
  const stored = notesFor(text, fingerprint, NOTES);
  await page.evaluate(([fp, value]) => localStorage.setItem(`glossa.v1.notes.${fp}`, value), [fingerprint, stored]);
  console.log(`long article: ${text.split(/\s+/).length} words, ${(Buffer.byteLength(text) / 1e6).toFixed(2)} MB, `
    + `${JSON.parse(stored).notes.length} notes (${(stored.length / 1e6).toFixed(2)} MB stored)`);

  // Recorded in the page: the frame after each milestone first appears, and a heartbeat.
  const watch = () => {
    const seen = {};
    let last = performance.now();
    let longest = 0;
    const beat = setInterval(() => {
      const now = performance.now();
      longest = Math.max(longest, now - last);
      last = now;
      seen.freeze = longest;
      if (seen.analysed && now - seen.analysed > 1000) clearInterval(beat);
    }, 10);
    const frameAfter = (name) => requestAnimationFrame(() => { seen[name] = performance.now(); });
    new MutationObserver(() => {
      if (!seen.textAt && document.querySelector('#article p:nth-of-type(3)')) { seen.textAt = 1; frameAfter('text'); }
      if (!seen.marksAt && document.querySelector('#article mark.hl')) { seen.marksAt = 1; frameAfter('marks'); }
      if (!seen.analysedAt && document.querySelector('#article[data-analysed="true"]')) { seen.analysedAt = 1; frameAfter('analysed'); }
      if (!seen.completeAt && document.querySelector('.article-end[data-complete="true"]')) { seen.completeAt = 1; frameAfter('complete'); }
      window.__glossaTimes = seen;
    }).observe(document, { childList: true, subtree: true, attributes: true, attributeFilter: ['data-analysed', 'data-complete'] });
  };
  await context.addInitScript(watch);
  const runs = { text: [], marks: [], analysed: [], complete: [], freeze: [], start: [], body: [] };
  // A new tab each time, as a reader opening Glossa (a reload would also time the teardown
  // of the previous page), and only one tab at a time: a tab in the background has its
  // timers slowed down.
  await page.close();
  let reader;
  for (let i = 0; i < 5; i++) {
    if (reader) await reader.close();
    reader = await context.newPage();
    reader.setDefaultTimeout(120_000);
    await reader.goto(url);
    await reader.waitForSelector('#article[data-analysed="true"]');
    await reader.waitForSelector('.article-end[data-complete="true"]', { state: 'attached' });
    await reader.waitForTimeout(1200);
    const t = await reader.evaluate(() => window.__glossaTimes);
    const mark = (name) => reader.evaluate((n) => performance.getEntriesByName(n)[0]?.startTime, name);
    t.start = await mark('glossa:start');
    t.body = await mark('glossa:body-loaded');
    if (process.env.GLOSSA_MARKS) {
      console.log(await reader.evaluate(() => performance.getEntriesByType('mark').map((m) => `${m.name} ${m.startTime.toFixed(0)}`).join(', ')));
      console.log(JSON.stringify(t));
    }
    for (const k of Object.keys(runs)) runs[k].push(t[k]);
  }
  const highlights = await reader.locator('#article mark.hl').count();
  console.log(`200k words, ${NOTES} notes, page load (median of 5): first frame with text ${fmt(median(runs.text))}, `
    + `notes highlighted ${fmt(median(runs.marks))}, analysis shown ${fmt(median(runs.analysed))}, `
    + `every paragraph drawn ${fmt(median(runs.complete))}; `
    + `(the app starts at ${fmt(median(runs.start))}, the article's text is read from IndexedDB at ${fmt(median(runs.body))}, `
    + `so ${fmt(median(runs.text.map((x, i) => x - runs.body[i])))} from the text in memory to its first frame); `
    + `longest freeze ${fmt(median(runs.freeze))} (${highlights} note highlights drawn)`);

  const frames = await reader.evaluate(() => new Promise((done) => {
    const gaps = [];
    let last = performance.now();
    let n = 0;
    const step = () => {
      const now = performance.now();
      gaps.push(now - last);
      last = now;
      window.scrollBy(0, 200);
      if (++n < 120) requestAnimationFrame(step); else done(gaps.slice(1));
    };
    requestAnimationFrame(step);
  }));
  const sorted = [...frames].sort((a, b) => a - b);
  console.log(`scrolling 120 frames of 200 px: median frame ${sorted[Math.floor(sorted.length / 2)].toFixed(1)} ms, `
    + `95th percentile ${sorted[Math.floor(sorted.length * 0.95)].toFixed(1)} ms, longest ${sorted[sorted.length - 1].toFixed(1)} ms`);

  const verdict = [];
  for (let i = 0; i < 5; i++) {
    verdict.push(await reader.evaluate((value) => new Promise((done) => {
      const select = document.querySelector('.note-card select');
      const t = performance.now();
      select.value = value;
      select.dispatchEvent(new Event('change', { bubbles: true }));
      requestAnimationFrame(() => setTimeout(() => done(performance.now() - t), 0));
    }), i % 2 ? 'true' : 'false'));
  }
  console.log(`a verdict set on one of ${NOTES} notes, to the next frame: median ${fmt(median(verdict))}`);
} finally {
  await browser.close();
  server.close();
}
