// The generator: same seed gives the same data, the data has the variety and loose types of real
// servers, every script of names appears, sizes scale, and secret planting marks every secret.
import { describe, expect, it } from 'vitest';
import { clipSeconds, findClip } from '../../../electron/core/demo-pbx/audio-catalog.js';
import { firstNumber, generateDataset } from '../../../electron/core/demo-pbx/generate.js';
import type { DemoExtension } from '../../../electron/core/demo-pbx/model.js';
import { DemoState } from '../../../electron/core/demo-pbx/state.js';

type Rec = Record<string, unknown>;
const all = (ds: ReturnType<typeof generateDataset>): DemoExtension[] =>
  ds.tenants.flatMap((t) => t.extensions);

describe('generateDataset', () => {
  it('is deterministic: same options and seed, same data', () => {
    const a = generateDataset({ extensions: 300, tenants: 3, seed: 42 });
    const b = generateDataset({ extensions: 300, tenants: 3, seed: 42 });
    expect(a).toStrictEqual(b);
    const c = generateDataset({ extensions: 300, tenants: 3, seed: 43 });
    expect(all(c).map((e) => e.record.name)).not.toStrictEqual(all(a).map((e) => e.record.name));
  });

  it('makes N extensions in each of M tenants with unique ids and numbers per tenant', () => {
    const ds = generateDataset({ extensions: 2000, tenants: 3, seed: 2 });
    expect(ds.tenants.map((t) => [t.id, t.extensions.length])).toStrictEqual([
      [1, 2000],
      [2, 2000],
      [3, 2000],
    ]);
    const ids = all(ds).map((e) => e.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const t of ds.tenants) {
      const numbers = t.extensions.map((e) => e.number);
      expect(new Set(numbers).size).toBe(numbers.length);
      expect(numbers.every((n) => n.length === 4)).toBe(true);
      expect(t.extensions.every((e) => e.record.tenant_id === t.id)).toBe(true);
    }
    expect(new Set(ds.tenants.map((t) => t.name)).size).toBe(3);
    expect(firstNumber(50)).toBe(100);
    expect(firstNumber(100_000)).toBe(100_000);
  });

  it('writes names in several scripts in every tenant, even a small one', () => {
    const ds = generateDataset({ extensions: 10, tenants: 2, seed: 9 });
    for (const t of ds.tenants) {
      const names = t.extensions.map((e) => String(e.record.name));
      expect(
        names.some((n) => /[áéíóúñÁÉÍÓÚÑ]/.test(n)),
        'accented Spanish',
      ).toBe(true);
      expect(
        names.some((n) => /\p{Script=Han}/u.test(n)),
        'CJK',
      ).toBe(true);
      expect(
        names.some((n) => /\p{Script=Arabic}/u.test(n)),
        'Arabic',
      ).toBe(true);
      expect(
        names.some((n) => /\p{Script=Hangul}/u.test(n)),
        'Hangul',
      ).toBe(true);
    }
  });

  it('has the loose types and variety of real servers', () => {
    const exts = all(generateDataset({ extensions: 400, tenants: 2, seed: 4 }));
    const devices = exts.flatMap((e) => e.record.devices as Rec[]);
    expect(new Set(exts.map((e) => (e.record.devices as unknown[]).length))).toStrictEqual(
      new Set([0, 1, 2, 3]),
    );
    expect(new Set(devices.map((d) => d.technology))).toStrictEqual(new Set(['sip', 'pjsip', 'iax2']));
    expect(new Set(devices.map((d) => d.ring_device))).toStrictEqual(new Set(['yes', 'no']));
    expect(devices.every((d) => typeof d.device_id === 'string' && typeof d.extension_id === 'string')).toBe(
      true,
    );
    expect(devices.every((d) => typeof d.secret === 'string' && String(d.secret).length > 0)).toBe(true);
    expect(devices.some((d) => d.assigned_exten === null)).toBe(true);
    expect(
      exts.every((e) => typeof e.record.extension_id === 'number' && typeof e.record.extension === 'string'),
    ).toBe(true);
    expect(exts.some((e) => e.record.email === null)).toBe(true);
    expect(exts.some((e) => typeof e.record.email === 'string' && String(e.record.email).includes('@'))).toBe(
      true,
    );
    expect(exts.every((e) => /^".*" <\d+>$/.test(String(e.record.internal_cid)))).toBe(true);
    expect(exts.every((e) => typeof e.record.features_password === 'string')).toBe(true);
    expect(exts.some((e) => 'email_addresses' in e.record)).toBe(true);

    for (const e of exts) {
      const info = e.record.queues_info as Rec;
      expect(e.queues.queues_id).toStrictEqual(info.queues);
      expect(e.queues.queues_name).toStrictEqual(info.queues_name);
      expect(e.queues.queues_penalty).toStrictEqual(info.queues_penalty);
      expect((info.queues_penalty as unknown[]).every((p) => typeof p === 'string')).toBe(true);
      expect(Object.values(e.cdr).every((v) => typeof v === 'string' && /^\d+$/.test(v))).toBe(true);
    }
    const penalties = new Set(exts.flatMap((e) => e.queues.queues_penalty as string[]));
    expect(penalties.size).toBeGreaterThan(1);

    const messages = exts.flatMap((e) => e.voicemail);
    expect(new Set(exts.map((e) => e.voicemailShape))).toStrictEqual(
      new Set(['folder-object', 'folder-array', 'flat']),
    );
    expect(messages.some((m) => typeof m.date === 'number')).toBe(true);
    expect(messages.some((m) => typeof m.date === 'string')).toBe(true);
    for (const m of messages) {
      const clip = findClip(m.clipId);
      expect(clip, m.clipId).toBeDefined();
      if (clip) expect(Number(m.duration)).toBe(clipSeconds(clip));
    }
    expect(new Set(messages.map((m) => findClip(m.clipId)?.format))).toStrictEqual(new Set(['pcm', 'gsm']));
  });

  it('plants the secret marker, with a unique suffix, in every secret and features_password', () => {
    const marker = 'LEAKCHECK-7f3a';
    const exts = all(generateDataset({ extensions: 200, tenants: 2, secretMarker: marker }));
    const secrets = [
      ...exts.map((e) => String(e.record.features_password)),
      ...exts.flatMap((e) => (e.record.devices as Rec[]).map((d) => String(d.secret))),
    ];
    expect(secrets.length).toBeGreaterThan(400);
    expect(secrets.every((s) => s.includes(marker))).toBe(true);
    expect(new Set(secrets).size).toBe(secrets.length);
  });

  it('serialises a tenant list once and serves the same bytes after', () => {
    const ds = generateDataset({ extensions: 500, tenants: 1 });
    const state = new DemoState(ds, 1);
    const t = ds.tenants[0];
    if (!t) throw new Error('no tenant');
    const first = state.listBody(t);
    expect(state.listBody(t)).toBe(first);
    const parsed = JSON.parse(first.toString()) as { status: string; data: Rec[] };
    expect(parsed.status).toBe('success');
    expect(parsed.data).toStrictEqual(t.extensions.map((e) => e.record));
  });
});
