// Voicemail: the three record shapes, audio served as real PCM and GSM 6.10 WAV files behind the
// recfile paths, static-token rotation, and the mark-listened / delete / 501 message endpoints.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type DemoPbx, startDemoPbx } from '../../../electron/core/demo-pbx/server.js';
import { jsonOf, request } from './client.js';

type Rec = Record<string, unknown>;

async function allVoicemail(pbx: DemoPbx, tenant = pbx.tenant): Promise<unknown[]> {
  const headers = { 'app-key': pbx.appKey, tenant };
  const list = jsonOf(await request(`${pbx.url}/extensions`, { headers })).data as Rec[];
  const out: unknown[] = [];
  for (const e of list) {
    const res = await request(`${pbx.url}/extensions/${String(e.extension_id)}/voicemail_records`, {
      headers,
    });
    expect(res.status).toBe(200);
    out.push(jsonOf(res).data);
  }
  return out;
}

function recordsOf(data: unknown): Rec[] {
  if (Array.isArray(data)) return data as Rec[];
  return Object.values(data as Record<string, Rec | Rec[]>).flatMap((v) => (Array.isArray(v) ? v : [v]));
}

/** Format facts read straight from the bytes (RIFF header with fmt first, as Asterisk and sox write). */
function wavFacts(buf: Buffer) {
  expect(buf.toString('latin1', 0, 4)).toBe('RIFF');
  expect(buf.toString('latin1', 8, 16)).toBe('WAVEfmt ');
  const fact = buf.indexOf('fact', 12, 'latin1');
  const data = buf.indexOf('data', 12, 'latin1');
  return {
    tag: buf.readUInt16LE(20),
    channels: buf.readUInt16LE(22),
    rate: buf.readUInt32LE(24),
    blockAlign: buf.readUInt16LE(32),
    bits: buf.readUInt16LE(34),
    samplesPerBlock: buf.readUInt32LE(16) >= 20 ? buf.readUInt16LE(38) : undefined,
    factSamples: fact > 0 ? buf.readUInt32LE(fact + 8) : undefined,
    dataBytes: buf.readUInt32LE(data + 4),
  };
}

describe('voicemail shapes', () => {
  it.each([
    [
      'folder-object',
      (d: unknown) =>
        d !== null &&
        (Array.isArray(d) ? d.length === 0 : Object.values(d as Rec).every((v) => !Array.isArray(v))),
    ],
    [
      'folder-array',
      (d: unknown) =>
        !Array.isArray(d) && ['INBOX', 'Old', 'Urgent'].every((f) => Array.isArray((d as Rec)[f])),
    ],
    [
      'flat',
      (d: unknown) =>
        Array.isArray(d) &&
        d.every((r: Rec) => 'origtime' in r && 'callerid' in r && 'msg_num' in r && !('clid' in r)),
    ],
  ] as const)('%s: every extension answers in that shape', async (shape, isShape) => {
    const pbx = await startDemoPbx({ extensions: 15, tenants: 1, voicemailShape: shape, seed: 3 });
    try {
      const all = await allVoicemail(pbx);
      expect(all.every(isShape)).toBe(true);
      expect(all.flatMap(recordsOf).length).toBeGreaterThan(0);
    } finally {
      await pbx.close();
    }
  });

  it('mixed: all three shapes appear across extensions', async () => {
    const pbx = await startDemoPbx({ extensions: 40, tenants: 1, seed: 5 });
    try {
      const all = await allVoicemail(pbx);
      const nonEmpty = all.filter((d) => recordsOf(d).length > 0);
      const flat = nonEmpty.filter((d) => Array.isArray(d));
      const folders = nonEmpty.filter((d) => !Array.isArray(d)) as Rec[];
      expect(flat.length).toBeGreaterThan(0);
      expect(folders.some((d) => Object.values(d).some(Array.isArray))).toBe(true);
      expect(folders.some((d) => Object.values(d).every((v) => !Array.isArray(v)))).toBe(true);
    } finally {
      await pbx.close();
    }
  });
});

describe('audio behind recfile', () => {
  let pbx: DemoPbx;
  beforeAll(async () => {
    pbx = await startDemoPbx({ extensions: 60, tenants: 2, seed: 11 });
  });
  afterAll(() => pbx.close());

  it('serves every recfile as application/octet-stream WAV, PCM 16-bit or GSM 6.10, matching its duration', async () => {
    const records = [...(await allVoicemail(pbx, '1')), ...(await allVoicemail(pbx, '2'))].flatMap(recordsOf);
    const tags = new Set<number>();
    let oddGsm = 0;
    for (const r of records) {
      const res = await request(pbx.origin + String(r.recfile));
      expect(res.status).toBe(200);
      expect(res.headers['content-type']).toBe('application/octet-stream');
      const wav = wavFacts(res.body);
      tags.add(wav.tag);
      expect(wav.channels).toBe(1);
      expect(wav.rate).toBe(8000);
      let samples: number;
      if (wav.tag === 1) {
        expect(wav.bits).toBe(16);
        expect(wav.blockAlign).toBe(2);
        samples = wav.dataBytes / 2;
      } else {
        expect(wav.tag).toBe(0x31);
        expect(wav.blockAlign).toBe(65);
        expect(wav.samplesPerBlock).toBe(320);
        // sox counts the RIFF pad byte of an odd-sized data chunk in its size: a decoder must
        // ignore a trailing partial block.
        expect(wav.dataBytes % 65).toBeLessThanOrEqual(1);
        samples = wav.factSamples ?? 0;
        expect(Math.ceil(samples / 320)).toBe(Math.floor(wav.dataBytes / 65));
        if ((samples / 160) % 2 === 1) oddGsm++;
      }
      expect(Math.round(samples / 8000)).toBe(Number(r.duration));
    }
    expect([...tags].sort()).toStrictEqual([1, 0x31]);
    expect(oddGsm).toBeGreaterThan(0);
  });

  it('answers 404 for a message that does not exist or a made-up token', async () => {
    const rec = (await allVoicemail(pbx)).flatMap(recordsOf)[0];
    const path = String(rec?.recfile);
    expect((await request(pbx.origin + path.replace(/msg\d{4}/, 'msg0999'))).status).toBe(404);
    expect(
      (await request(pbx.origin + path.replace(/\/static\/[^/]+\//, '/static/0000000000000000/'))).status,
    ).toBe(404);
  });
});

describe('reference voicemail', () => {
  let pbx: DemoPbx;
  const auth = () => ({ 'app-key': pbx.appKey, tenant: pbx.tenant });
  const records = async () =>
    jsonOf(await request(`${pbx.url}/extensions/1/voicemail_records`, { headers: auth() })).data as Record<
      string,
      Rec | Rec[]
    >;

  beforeAll(async () => {
    pbx = await startDemoPbx({ dataset: 'reference' });
  });
  afterAll(() => pbx.close());

  it('serves the published recfiles: INBOX as PCM, Old as GSM', async () => {
    const inbox = await request(`${pbx.origin}/static/43b4298b09648469/voicemail/2000/INBOX/msg0000.wav`);
    const old = await request(`${pbx.origin}/static/43b4298b09648469/voicemail/2000/Old/msg0000.wav`);
    expect(inbox.status).toBe(200);
    expect(wavFacts(inbox.body).tag).toBe(1);
    expect(wavFacts(inbox.body).dataBytes / 2 / 8000).toBe(9);
    expect(old.status).toBe(200);
    expect(wavFacts(old.body).tag).toBe(0x31);
    expect((wavFacts(old.body).factSamples ?? 0) / 8000).toBe(8);
  });

  it('GET on a message path answers 501 Invalid Operation', async () => {
    const res = await request(`${pbx.url}/voicemail/2000/INBOX/msg0000`, { headers: auth() });
    expect(res.status).toBe(501);
    expect(jsonOf(res)).toStrictEqual({ status: 'error', message: 'Invalid Operation' });
  });

  it('rotating the static token retires old recfiles and lists new ones', async () => {
    const before = (await records()).INBOX as Rec;
    expect((await request(pbx.origin + String(before.recfile))).status).toBe(200);
    pbx.rotateStaticToken();
    expect((await request(pbx.origin + String(before.recfile))).status).toBe(404);
    const after = (await records()).INBOX as Rec;
    expect(after.recfile).not.toBe(before.recfile);
    expect(String(after.recfile)).toMatch(/^\/static\/[0-9a-f]{16}\/voicemail\/2000\/INBOX\/msg0000\.wav$/);
    expect((await request(pbx.origin + String(after.recfile))).status).toBe(200);
  });

  it('POST marks a message listened (moves it to Old); DELETE deletes it', async () => {
    const post = await request(`${pbx.url}/voicemail/2000/INBOX/msg0000`, {
      method: 'POST',
      headers: auth(),
    });
    expect(post.status).toBe(200);
    expect(jsonOf(post).status).toBe('success');
    let data = await records();
    expect(data.INBOX).toBeUndefined();
    const old = data.Old as Rec[];
    expect(old.map((r) => r.clid)).toStrictEqual(['X-Lite<7502>', 'Demo<1519>']);
    const moved = old[1];
    expect(String(moved?.recfile)).toMatch(/\/Old\/msg0001\.wav$/);
    expect(wavFacts((await request(pbx.origin + String(moved?.recfile))).body).tag).toBe(1);

    // The mailbox may be named by the extension number as well (100 here, 2000 in recfile).
    const del = await request(`${pbx.url}/voicemail/100/Old/msg0000`, { method: 'DELETE', headers: auth() });
    expect(del.status).toBe(200);
    data = await records();
    expect((data.Old as Rec).clid).toBe('Demo<1519>');
    const again = await request(`${pbx.url}/voicemail/100/Old/msg0000`, {
      method: 'DELETE',
      headers: auth(),
    });
    expect(again.status).toBe(404);
  });

  it('needs a valid key for message actions', async () => {
    const res = await request(`${pbx.url}/voicemail/2000/Old/msg0001`, {
      method: 'DELETE',
      headers: { tenant: '1' },
    });
    expect(res.status).toBe(401);
  });
});
