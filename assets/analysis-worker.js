// The analysis worker (see src/web/analysis_worker.rs): the app's own wasm module, already in
// the browser's cache, started off the page's thread to analyse long articles. The page first
// sends the addresses of the app's script and wasm; once started, the module sees no window,
// listens for texts and says it is ready.
self.onmessage = async (event) => {
  self.onmessage = null;
  const [script, wasm] = event.data;
  try {
    const app = await import(script);
    await app.default({ module_or_path: wasm });
  } catch (error) {
    self.postMessage(['failed', String(error)]);
  }
};
