/* global window, document, __CODEC__, __BINDING__ -- the last two are filled in by renderer-world.ts */
// The preload's world. Runs at document start in every frame, in the isolated world the stand-in
// creates (Chromium's own mechanism, as Electron's contextIsolation does), so the page's scripts
// never share a global with it. It gives the real preload Electron's sandboxed `require`
// ('electron' only, with contextBridge and ipcRenderer), and carries:
//  - IPC to the Node process through a CDP binding that exists in this world only;
//  - contextBridge to the main world through synchronous DOM events carrying tagged JSON (the
//    only thing two worlds share is the DOM). Exposed functions stay synchronous, promises and
//    callbacks are proxied, other values are copied, as contextBridge documents.
// renderer-world.ts fills in the codec and the binding name (the arguments at the bottom).
(function standinIsolatedWorld(codec, bindingName) {
  const send = globalThis[bindingName];
  // The preload is the only code in this world; still, it reaches IPC through ipcRenderer only.
  delete globalThis[bindingName];
  const fire = (type, detail) =>
    document.dispatchEvent(new CustomEvent(type, { detail: JSON.stringify(detail) }));

  // ipcRenderer: invoke/send to ipcMain; messages from webContents.send arrive through `emit`.
  const pending = new Map();
  const listeners = new Map();
  let nextCall = 1;
  const ipcRenderer = {
    invoke(channel, ...args) {
      const id = nextCall++;
      return new Promise((resolve, reject) => {
        pending.set(id, { resolve, reject, channel });
        send(JSON.stringify({ type: 'invoke', id, channel: String(channel), args: codec.encode(args) }));
      });
    },
    send(channel, ...args) {
      send(JSON.stringify({ type: 'send', channel: String(channel), args: codec.encode(args) }));
    },
    on(channel, listener) {
      if (!listeners.has(channel)) listeners.set(channel, []);
      listeners.get(channel).push(listener);
      return ipcRenderer;
    },
    once(channel, listener) {
      const wrapper = (...args) => {
        ipcRenderer.removeListener(channel, wrapper);
        listener(...args);
      };
      wrapper.listener = listener;
      return ipcRenderer.on(channel, wrapper);
    },
    removeListener(channel, listener) {
      const list = listeners.get(channel) ?? [];
      const i = list.findIndex((l) => l === listener || l.listener === listener);
      if (i >= 0) list.splice(i, 1);
      return ipcRenderer;
    },
    off(channel, listener) {
      return ipcRenderer.removeListener(channel, listener);
    },
    removeAllListeners(channel) {
      if (channel === undefined) listeners.clear();
      else listeners.delete(channel);
      return ipcRenderer;
    },
    sendSync() {
      throw new Error('the Electron stand-in does not model ipcRenderer.sendSync');
    },
  };
  Object.defineProperty(globalThis, '__standinWorld', {
    value: Object.freeze({
      reply(id, ok, payload) {
        const call = pending.get(id);
        if (!call) return;
        pending.delete(id);
        const value = codec.decode(payload);
        if (ok) call.resolve(value);
        else call.reject(new Error(`Error invoking remote method '${call.channel}': ${value}`));
      },
      emit(channel, payload) {
        const args = codec.decode(payload);
        const event = { sender: ipcRenderer, senderId: 0, ports: [] };
        for (const listener of [...(listeners.get(channel) ?? [])]) listener(event, ...args);
      },
    }),
  });

  // contextBridge: this world's functions by id; the main world's callbacks called by id.
  const fns = new Map();
  let nextFn = 1;
  let answer = null;
  const handles = {
    fn(f) {
      fns.set(nextFn, f);
      return nextFn++;
    },
    promise(p) {
      const id = nextFn++;
      p.then(
        (v) => fire('standin:settle', { id, ok: true, v: codec.encode(v, handles) }),
        (e) =>
          fire('standin:settle', {
            id,
            ok: false,
            v: codec.encode(e instanceof Error ? e : new Error(String(e))),
          }),
      );
      return id;
    },
    callFn: (id) =>
      function mainWorldCallback(...args) {
        answer = null;
        fire('standin:callback', { id, args: codec.encode(args, handles) });
        const got = answer;
        answer = null;
        if (!got) throw new Error('the main world did not answer');
        const value = codec.decode(got.v, handles);
        if (!got.ok) throw value;
        return value;
      },
  };
  document.addEventListener('standin:call', (e) => {
    const { id, args } = JSON.parse(e.detail);
    let reply;
    try {
      const f = fns.get(id);
      if (!f) throw new Error('the function is gone');
      reply = { ok: true, v: codec.encode(f(...codec.decode(args, handles)), handles) };
    } catch (err) {
      reply = { ok: false, v: codec.encode(err instanceof Error ? err : new Error(String(err))) };
    }
    fire('standin:return', reply);
  });
  document.addEventListener('standin:callback-return', (e) => (answer = JSON.parse(e.detail)));

  const exposed = [];
  const announce = (item) => fire('standin:expose', item);
  document.addEventListener('standin:hello', () => exposed.forEach(announce));
  const contextBridge = {
    exposeInMainWorld(apiKey, api) {
      if (typeof apiKey !== 'string') throw new TypeError('apiKey must be a string');
      if (exposed.some((x) => x.key === apiKey))
        throw new Error('Cannot bind an API on top of an existing property on the window object');
      const item = { key: apiKey, v: codec.encode(api, handles) };
      exposed.push(item);
      announce(item);
    },
  };

  // Electron's sandboxed preload require: 'electron' (renderer modules) only. The renderer
  // modules the app does not use fail loudly instead of silently being undefined.
  const unmodelled = (name) => ({
    get() {
      throw new Error(`the Electron stand-in does not model electron.${name} in the renderer`);
    },
  });
  const electron = Object.defineProperties(
    { contextBridge, ipcRenderer },
    {
      crashReporter: unmodelled('crashReporter'),
      nativeImage: unmodelled('nativeImage'),
      webFrame: unmodelled('webFrame'),
      webUtils: unmodelled('webUtils'),
    },
  );
  const require = (id) => {
    if (id === 'electron') return electron;
    throw new Error(`module not found: ${id}`);
  };
  // Electron runs the preload in the main frame only (nodeIntegrationInSubFrames is off).
  Object.defineProperty(globalThis, '__standinPreloadEnv', {
    value: window.top === window ? { require, module: { exports: {} } } : null,
  });
})(__CODEC__, __BINDING__);
