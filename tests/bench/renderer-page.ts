// Scripts the renderer benchmark runs inside the page. Kept as plain JavaScript strings: a
// function handed to page.evaluate would carry the TS compiler's helpers, which the page lacks.
// "Painted" means: the DOM changed, a requestAnimationFrame callback ran, and a task posted from
// it ran too, i.e. the frame holding the change has been produced (requestPostAnimationFrame).

/** Installed before the app loads: records when the first directory row is in the DOM, and painted. */
export const FIRST_ROWS_PROBE = `
(() => {
  const probe = (window.__vpbxBench = { rowsInDom: null, rowsPainted: null, keys: [] });
  const afterPaint = (cb) =>
    requestAnimationFrame(() => {
      const ch = new MessageChannel();
      ch.port1.onmessage = () => cb(performance.now());
      ch.port2.postMessage(0);
    });
  const seen = () => {
    if (!document.querySelector('[role="option"]')) return false;
    probe.rowsInDom = performance.now();
    afterPaint((t) => (probe.rowsPainted = t));
    return true;
  };
  const mo = new MutationObserver(() => { if (seen()) mo.disconnect(); });
  mo.observe(document, { childList: true, subtree: true });
})();
`;

/**
 * Keydown (capture, so before any app handler) to the frame after the app handled the input.
 * Measured from the input event rather than keydown alone: a key's text arrives as a separate
 * event, and a frame scheduled at keydown could run before the app saw the new query.
 */
export const KEY_PROBE = `
(() => {
  const probe = window.__vpbxBench;
  let down = null;
  document.addEventListener('keydown', (e) => { down = { key: e.key, t: performance.now() }; }, true);
  // Bubbling to the document comes after the app's own (delegated) input handler and the DOM
  // update it flushed: "handled" is the app's share, the rest is waiting for and making a frame.
  document.addEventListener('input', () => {
    const d = down;
    down = null;
    if (!d) return;
    const handled = performance.now() - d.t;
    requestAnimationFrame(() => {
      const frame = performance.now() - d.t;
      const ch = new MessageChannel();
      ch.port1.onmessage = () => probe.keys.push({ key: d.key, ms: performance.now() - d.t, handled, frame });
      ch.port2.postMessage(0);
    });
  });
})();
`;

export interface CompareResult {
  count: number;
  buildMs: number;
  ours: number[];
  includes: number[];
  typos: { query: string; word: string; ours: boolean; includes: boolean }[];
}

/**
 * Our search against a plain `includes` over the lower-cased joined fields, on the directory the
 * app itself was given (fetched through the page's own bridge endpoint), same queries, same page.
 * Needs the search module injected as window.VpbxSearch. Evaluates to a CompareResult.
 */
export function compareScript(queries: string[], typos: { query: string; word: string }[]): string {
  return `
(async () => {
  const S = window.VpbxSearch;
  const token = sessionStorage.getItem('vpbx-token') || '';
  const res = await fetch('/api/invoke/directory:get', {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-vpbx-token': token },
    body: 'null',
  });
  const exts = (await res.json()).data.extensions;
  let t = performance.now();
  const index = S.buildIndex(exts);
  index.warm(Infinity);
  const buildMs = performance.now() - t;
  const plain = index.extensions.map((e) => S.fieldsOf(e).map((f) => f.text).join(' ').toLowerCase());
  const ours = [];
  const includes = [];
  const queries = ${JSON.stringify(queries)};
  for (let round = 0; round < 3; round++) {
    for (const q of queries) {
      const s = new S.DirectorySearch(index);
      for (let k = 1; k <= q.length; k++) {
        const prefix = q.slice(0, k);
        t = performance.now();
        s.run(prefix);
        const a = performance.now() - t;
        t = performance.now();
        const needle = prefix.toLowerCase();
        const out = [];
        for (let i = 0; i < plain.length; i++) if (plain[i].includes(needle)) out.push(i);
        const b = performance.now() - t;
        if (round > 0) { ours.push(a); includes.push(b); }
      }
    }
  }
  const nameHas = (i, word) => S.fold(index.extensions[i].name).toLowerCase().includes(word);
  const typos = ${JSON.stringify(typos)}.map(({ query, word }) => {
    const mine = (new S.DirectorySearch(index).run(query) || []).slice(0, 50);
    const theirs = [];
    for (let i = 0; i < plain.length && theirs.length < 50; i++) if (plain[i].includes(query)) theirs.push(i);
    return {
      query,
      word,
      ours: mine.some((i) => nameHas(i, word)),
      includes: theirs.some((i) => nameHas(i, word)),
    };
  });
  return { count: exts.length, buildMs, ours, includes, typos };
})()
`;
}
