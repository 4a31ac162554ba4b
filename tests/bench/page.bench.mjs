// Browser benchmark: the release build in headless Chromium. Prints
//   - time to the first rendered article (navigation start to the first paragraph),
//   - analysis of the sample and of about 1 MB of news text inside the page (median of runs),
//   - opening saved web pages through the file input (the loading worker extracts them), with
//     the longest task on the page's own thread meanwhile,
//   - pasting 1 MB of news (analysed in the analysis worker), with the longest freeze.
// Run with `make bench-browser` (it builds and serves dist/ itself).
import { chromium } from 'playwright-core';
import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

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

function megabyteOfNews() {
  const parts = [fs.readFileSync(path.join(root, 'assets/sample-article.txt'), 'utf8')];
  const pages = path.join(root, 'tests/corpus/readability-test-pages');
  if (fs.existsSync(pages)) {
    for (const dir of fs.readdirSync(pages).sort()) {
      const f = path.join(pages, dir, 'expected.html');
      if (fs.existsSync(f)) {
        parts.push(fs.readFileSync(f, 'utf8').replace(/<\/(p|h\d|li|div|blockquote)>/g, '\n\n').replace(/<[^>]*>/g, ''));
      }
    }
  }
  let text = '';
  const joined = parts.join('\n\n');
  while (Buffer.byteLength(text) < 1_000_000) text += joined + '\n\n';
  return Buffer.from(text).subarray(0, 1_000_000).toString('utf8').replace(/\uFFFD$/, '');
}

const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
    '--disable-component-update', '--disable-sync', '--disable-dev-shm-usage'],
});
/** A 10 ms heartbeat on the page's thread, run in the page: its longest gap, in
 * `window.__longest`, is the longest the page froze (the Long Tasks API reports nothing in this
 * headless Chromium). */
const heartbeat = () => {
  window.__longest = 0;
  let last = performance.now();
  setInterval(() => {
    const now = performance.now();
    window.__longest = Math.max(window.__longest, now - last - 10);
    last = now;
  }, 10);
};
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
try {
  // Recorded in the page by a MutationObserver, so the figures do not depend on polling.
  const watch = () => {
    const seen = {};
    new MutationObserver(() => {
      if (!seen.text && document.querySelector('#article p')) seen.text = performance.now();
      if (!seen.marks && document.querySelector('#article .ent')) seen.marks = performance.now();
      window.__glossaTimes = seen;
    }).observe(document, { childList: true, subtree: true });
  };
  const firstText = [];
  const firstMarks = [];
  for (let i = 0; i < 7; i++) {
    const page = await browser.newPage();
    await page.addInitScript(watch);
    await page.goto(url);
    await page.waitForSelector('#article .ent');
    const t = await page.evaluate(() => window.__glossaTimes);
    firstText.push(t.text);
    firstMarks.push(t.marks);
    await page.close();
  }
  const page = await browser.newPage();
  await page.goto(url);
  await page.waitForSelector('#article p');
  const sample = fs.readFileSync(path.join(root, 'assets/sample-article.txt'), 'utf8');
  const big = megabyteOfNews();
  const time = (text, runs) => page.evaluate(([text, runs]) => {
    const f = window.glossaBench.analyze;
    f(text); // warm-up (builds the lexicon index once)
    const times = [];
    for (let i = 0; i < runs; i++) { const t = performance.now(); f(text); times.push(performance.now() - t); }
    return times;
  }, [text, runs]);
  console.log(`article text in the DOM (from navigation start, median of 7): ${median(firstText).toFixed(0)} ms`);
  console.log(`entity and claim highlights in the DOM (from navigation start, median of 7): ${median(firstMarks).toFixed(0)} ms`);
  console.log(`analysis of the sample (${Buffer.byteLength(sample)} bytes, median of 20): ${median(await time(sample, 20)).toFixed(2)} ms`);
  console.log(`analysis of news text (${Buffer.byteLength(big)} bytes, median of 7): ${median(await time(big, 7)).toFixed(0)} ms`);

  // Saved pages through the file input: from choosing the file to its title in the reader.
  const saved = (name) => path.join(root, 'tests/corpus/readability-test-pages', name, 'source.html');
  const titleOf = (name) => JSON.parse(fs.readFileSync(path.join(path.dirname(saved(name)), 'expected-metadata.json'), 'utf8')).title;
  for (const round of ['first load (starts the worker)', 'next loads']) {
    const times = { 'bbc-1': [], 'guardian-1': [] };
    let longest = 0;
    for (let i = 0; i < 5; i++) {
      const context = await browser.newContext();
      const p = await context.newPage();
      await p.addInitScript(heartbeat);
      await p.goto(url);
      await p.waitForSelector('#article .ent');
      const names = round.startsWith('first') ? ['bbc-1', 'guardian-1'] : ['guardian-1', 'bbc-1', 'guardian-1'];
      for (const [k, name] of names.entries()) {
        if (round.startsWith('first') && k > 0) break;
        await p.click('#toolbar-library');
        await p.evaluate(() => { window.__longest = 0; });
        const started = Date.now();
        await p.setInputFiles('#file-input', saved(name));
        await p.waitForFunction((t) => document.querySelector('.doc-title')?.textContent === t, titleOf(name));
        if (round.startsWith('first') || k > 0) times[name].push(Date.now() - started);
        longest = Math.max(longest, await p.evaluate(() => window.__longest));
      }
      await context.close();
    }
    const fmt = (xs) => xs.length ? `${median(xs)} ms` : 'n/a';
    console.log(`saved page to reader, ${round} (median of 5): bbc-1 (258 KB) ${fmt(times['bbc-1'])}, guardian-1 (1.1 MB) ${fmt(times['guardian-1'])}; longest freeze of the page's thread ${longest.toFixed(0)} ms`);
  }

  // About 1 MB of news pasted as text: from the click to the highlights of the analysis (done
  // in the analysis worker from 100 KB on), with the page's longest freeze meanwhile.
  {
    const shown = [];
    const freezes = [];
    for (let i = 0; i < 5; i++) {
      const context = await browser.newContext();
      const p = await context.newPage();
      await p.goto(url);
      await p.waitForSelector('#article .ent');
      await p.click('#toolbar-library');
      await p.locator('#paste-box').evaluate((box, value) => { box.value = value; }, big);
      await p.evaluate(heartbeat);
      const started = Date.now();
      await p.getByRole('button', { name: 'Open pasted text' }).click();
      await p.waitForSelector('#article[data-analysed="true"] .ent');
      shown.push(Date.now() - started);
      await p.waitForSelector('.article-end[data-complete="true"]', { state: 'attached' });
      freezes.push(await p.evaluate(() => window.__longest));
      await context.close();
    }
    console.log(`1 MB of news pasted (median of 5): highlights shown ${median(shown)} ms after the click; longest freeze of the page's thread until every paragraph is drawn ${median(freezes).toFixed(0)} ms`);
  }
} finally {
  await browser.close();
  server.close();
}
