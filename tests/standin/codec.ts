// The structured-clone subset that crosses the stand-in's process and world boundaries (Node ⇄
// isolated world ⇄ main world), as tagged JSON: Electron copies IPC arguments with the structured
// clone algorithm and contextBridge copies values and proxies functions and promises. Byte arrays
// (voicemail audio) and undefined survive; functions and promises become handles the caller's
// side registers. The factory is self-contained because its source text is also injected into
// the page's worlds.
export interface Handles {
  fn?: (f: (...args: unknown[]) => unknown) => number;
  promise?: (p: Promise<unknown>) => number;
  callFn?: (id: number) => (...args: unknown[]) => unknown;
  awaitPromise?: (id: number) => Promise<unknown>;
}

export interface Codec {
  encode(value: unknown, handles?: Handles): string;
  decode(text: string, handles?: Handles): unknown;
}

export function codecFactory(): Codec {
  const TAG = '__standin';
  const toB64 = (bytes: Uint8Array) => {
    let s = '';
    for (let i = 0; i < bytes.length; i += 0x8000)
      s += String.fromCharCode.apply(null, Array.from(bytes.subarray(i, i + 0x8000)));
    return btoa(s);
  };
  const fromB64 = (b64: string) => Uint8Array.from(atob(b64), (c) => c.charCodeAt(0));
  const pack = (v: unknown, h: Handles, seen: Set<unknown>): unknown => {
    if (v === undefined) return { [TAG]: 'u' };
    if (v === null || typeof v !== 'object') {
      if (typeof v === 'function') {
        if (!h.fn) throw new Error('a function could not be cloned');
        return { [TAG]: 'fn', id: h.fn(v as (...args: unknown[]) => unknown) };
      }
      if (typeof v === 'symbol' || typeof v === 'bigint')
        throw new Error(`a ${typeof v} could not be cloned`);
      return v;
    }
    if (seen.has(v)) throw new Error('cyclic values are not modelled');
    seen.add(v);
    try {
      if (v instanceof Uint8Array) return { [TAG]: 'u8', v: toB64(v) };
      if (v instanceof ArrayBuffer) return { [TAG]: 'ab', v: toB64(new Uint8Array(v)) };
      if (v instanceof Date) return { [TAG]: 'date', v: v.getTime() };
      if (v instanceof Error) return { [TAG]: 'err', v: v.message };
      if (typeof (v as { then?: unknown }).then === 'function') {
        if (!h.promise) throw new Error('a promise could not be cloned');
        return { [TAG]: 'p', id: h.promise(Promise.resolve(v)) };
      }
      if (Array.isArray(v)) return v.map((x) => pack(x, h, seen));
      const out: Record<string, unknown> = {};
      for (const [k, x] of Object.entries(v)) out[k] = pack(x, h, seen);
      return out;
    } finally {
      seen.delete(v);
    }
  };
  const unpack = (v: unknown, h: Handles): unknown => {
    if (v === null || typeof v !== 'object') return v;
    if (Array.isArray(v)) return v.map((x) => unpack(x, h));
    const o = v as Record<string, unknown>;
    switch (o[TAG]) {
      case 'u':
        return undefined;
      case 'u8':
        return fromB64(o.v as string);
      case 'ab':
        return fromB64(o.v as string).buffer;
      case 'date':
        return new Date(o.v as number);
      case 'err':
        return new Error(o.v as string);
      case 'fn':
        if (!h.callFn) throw new Error('a function arrived where none is accepted');
        return h.callFn(o.id as number);
      case 'p':
        if (!h.awaitPromise) throw new Error('a promise arrived where none is accepted');
        return h.awaitPromise(o.id as number);
    }
    const out: Record<string, unknown> = {};
    for (const [k, x] of Object.entries(o)) out[k] = unpack(x, h);
    return out;
  };
  return {
    encode: (value, handles = {}) => JSON.stringify(pack(value, handles, new Set())),
    decode: (text, handles = {}) => unpack(JSON.parse(text), handles),
  };
}
