// Secret planting seen over HTTP (what a leak test greps for), and the CLI's help and start-up
// banner.
import { spawn, spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { startDemoPbx } from '../../../electron/core/demo-pbx/server.js';
import { jsonOf, request } from './client.js';

const root = fileURLToPath(new URL('../../../', import.meta.url));
const tsx = `${root}node_modules/.bin/tsx`;
const cli = 'electron/core/demo-pbx/cli.ts';

describe('secretMarker over HTTP', () => {
  it.each(['generated', 'reference'] as const)(
    '%s: every served secret carries the marker',
    async (dataset) => {
      const marker = `MARK${dataset.length}X`;
      const pbx = await startDemoPbx({ dataset, secretMarker: marker, extensions: 5, tenants: 1 });
      try {
        const headers = { 'app-key': pbx.appKey, tenant: pbx.tenant };
        const list = jsonOf(await request(`${pbx.url}/extensions`, { headers })).data as Record<
          string,
          unknown
        >[];
        const secrets: string[] = [];
        for (const e of list) {
          secrets.push(String(e.features_password));
          for (const d of e.devices as Record<string, unknown>[]) secrets.push(String(d.secret));
          const devices = await request(`${pbx.url}/extensions/${String(e.extension_id)}/devices`, {
            headers,
          });
          for (const d of jsonOf(devices).data as Record<string, unknown>[]) secrets.push(String(d.secret));
        }
        expect(secrets.length).toBeGreaterThan(list.length);
        expect(secrets.filter((s) => !s.startsWith(`${marker}-`))).toStrictEqual([]);
      } finally {
        await pbx.close();
      }
    },
  );
});

describe('cli', () => {
  it('prints help', () => {
    const out = spawnSync(tsx, [cli, '--help'], { cwd: root, encoding: 'utf8' });
    expect(out.status).toBe(0);
    expect(out.stdout).toContain('--extensions N');
    expect(out.stdout).toContain('--bad-key-mode');
  });

  it('rejects a bad option value with exit code 2', () => {
    const out = spawnSync(tsx, [cli, '--dataset', 'nonsense'], { cwd: root, encoding: 'utf8' });
    expect(out.status).toBe(2);
    expect(out.stderr).toContain('--dataset wants one of generated, reference');
  });

  it('starts, prints URL, tenant, app key and fingerprint, and serves until stopped', async () => {
    const child = spawn(tsx, [cli, '--https', '--extensions', '4', '--tenants', '1'], { cwd: root });
    try {
      const banner = await new Promise<string>((resolve, reject) => {
        let text = '';
        child.stdout.on('data', (c: Buffer) => {
          text += c.toString();
          if (text.includes('Ctrl-C')) resolve(text);
        });
        child.once('exit', (code) => reject(new Error(`cli exited early (${code}): ${text}`)));
      });
      const url = /listening: (https:\/\/127\.0\.0\.1:\d+\/api\/v2)/.exec(banner)?.[1];
      const key = /app-key: ([0-9a-f]{32})/.exec(banner)?.[1];
      const fingerprint = /SHA-256: ((?:[0-9A-F]{2}:){31}[0-9A-F]{2})/.exec(banner)?.[1];
      expect(url && key && fingerprint).toBeTruthy();
      expect(banner).toMatch(/tenant: +1/);
      // The self-signed certificate is not trusted here: the TLS refusal proves the server is up.
      await expect(request(`${url}/extensions`, { headers: { 'app-key': key ?? '' } })).rejects.toThrow(
        /self[- ]signed/i,
      );
    } finally {
      const exited = new Promise((resolve) => child.once('exit', resolve));
      child.kill('SIGINT');
      await exited;
    }
  });
});
