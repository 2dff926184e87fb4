/* global window, document, __CODEC__ -- filled in by renderer-world.ts */
// The page's side of contextBridge: turns what the preload exposed into window[apiKey], a frozen
// copy whose functions call into the preload's world synchronously (see isolated-world.js).
// renderer-world.ts fills in the codec (the argument at the bottom).
(function standinMainWorld(codec) {
  const fire = (type, detail) =>
    document.dispatchEvent(new CustomEvent(type, { detail: JSON.stringify(detail) }));
  const fns = new Map();
  const waiting = new Map();
  let nextFn = 1;
  let answer = null;
  const handles = {
    fn(f) {
      fns.set(nextFn, f);
      return nextFn++;
    },
    callFn: (id) =>
      function bridged(...args) {
        answer = null;
        fire('standin:call', { id, args: codec.encode(args, handles) });
        const got = answer;
        answer = null;
        if (!got) throw new Error('the preload world did not answer');
        const value = codec.decode(got.v, handles);
        if (!got.ok) throw value;
        return value;
      },
    awaitPromise: (id) => new Promise((resolve, reject) => waiting.set(id, { resolve, reject })),
  };
  const freeze = (v) => {
    if (v && typeof v === 'object' && !Object.isFrozen(v)) {
      Object.values(v).forEach(freeze);
      Object.freeze(v);
    }
    return v;
  };
  document.addEventListener('standin:return', (e) => (answer = JSON.parse(e.detail)));
  document.addEventListener('standin:settle', (e) => {
    const { id, ok, v } = JSON.parse(e.detail);
    const w = waiting.get(id);
    if (!w) return;
    waiting.delete(id);
    (ok ? w.resolve : w.reject)(codec.decode(v, handles));
  });
  document.addEventListener('standin:callback', (e) => {
    const { id, args } = JSON.parse(e.detail);
    let reply;
    try {
      reply = { ok: true, v: codec.encode(fns.get(id)(...codec.decode(args, handles)), handles) };
    } catch (err) {
      reply = { ok: false, v: codec.encode(err instanceof Error ? err : new Error(String(err))) };
    }
    fire('standin:callback-return', reply);
  });
  document.addEventListener('standin:expose', (e) => {
    const { key, v } = JSON.parse(e.detail);
    if (Object.prototype.hasOwnProperty.call(window, key)) return;
    Object.defineProperty(window, key, { value: freeze(codec.decode(v, handles)), enumerable: true });
  });
  // The preload may have run before this script: ask it to announce again.
  fire('standin:hello', null);
})(__CODEC__);
