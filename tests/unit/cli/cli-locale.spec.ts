// The CLI follows LC_ALL / LC_MESSAGES / LANG: Spanish and Portuguese sentences (error codes and
// exit statuses unchanged), and English, whatever way it is chosen, byte for byte what scripts
// have always read.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { startDemoPbx, type DemoPbx } from '../../../electron/core/demo-pbx/server.js';
import { removeDir, tempDir } from '../../support/core-harness.js';

const run = promisify(execFile);
const LOCALE_VARS = ['LANG', 'LC_ALL', 'LC_MESSAGES', 'LANGUAGE'];
let pbx: DemoPbx;
let dataDir: string;

async function cli(args: string[], locale: Record<string, string>) {
  const env: Record<string, string | undefined> = { ...process.env, HOME: '/home/agent', ...locale };
  for (const v of LOCALE_VARS) if (!(v in locale)) delete env[v];
  try {
    const r = await run('node_modules/.bin/tsx', ['electron/core/cli/main.ts', ...args], { env });
    return { code: 0, stdout: r.stdout, stderr: r.stderr };
  } catch (err) {
    const e = err as { code: number; stdout: string; stderr: string };
    return { code: e.code, stdout: e.stdout, stderr: e.stderr };
  }
}

beforeAll(async () => {
  pbx = await startDemoPbx({ extensions: 3, tenants: 1 });
  dataDir = await tempDir('vpbx-cli-locale-');
});
afterAll(async () => {
  await pbx.close();
  await removeDir(dataDir);
});

const check = () => [
  'check',
  '--url',
  pbx.origin,
  '--tenant',
  pbx.tenant,
  '--app-key-env',
  'VPBX_KEY',
  '--allow-http',
];

describe('CLI under LANG=es_ES.UTF-8', () => {
  const es = { LANG: 'es_ES.UTF-8' };

  it('words usage mistakes and core errors in Spanish, with the same codes and exit statuses', async () => {
    expect(await cli(['bogus'], es)).toMatchObject({
      code: 2,
      stderr: 'error INVALID_REQUEST: Comando desconocido "bogus" (vea --help).\n',
    });
    expect(await cli(['check', '--profile', 'nope', '--data-dir', dataDir], es)).toMatchObject({
      code: 9,
      stderr: 'error PROFILE_NOT_FOUND: Ese perfil de PBX no existe. Elija otro perfil o cree uno.\n',
    });
    const badKey = await cli(check(), { ...es, VPBX_KEY: 'wrong' });
    expect(badKey.code).toBe(4);
    expect(badKey.stderr).toBe(
      'error AUTH_BAD_KEY: La PBX rechazó la clave de aplicación. Pida una clave válida al administrador de su PBX e ingrésela de nuevo.\n',
    );
  });

  it('reports success in Spanish', async () => {
    const ok = await cli(check(), { ...es, VPBX_KEY: pbx.appKey });
    expect(ok).toMatchObject({
      code: 0,
      stdout: `OK: 3 extensiones en el inquilino "${pbx.tenant}" en ${pbx.origin}\n`,
    });
  });

  it('prints the help in Spanish', async () => {
    const { stdout } = await cli(['--help'], es);
    expect(stdout).toMatch(/^Uso: npm run cli -- <comando> \[opciones\]\n/);
    expect(stdout).toMatch(/\(predeterminada: .*VitalPBX Directory\)\n/);
  });

  it('LC_ALL wins over LANG, as for any POSIX program', async () => {
    const r = await cli(['bogus'], { LANG: 'en_US.UTF-8', LC_ALL: 'pt_BR.UTF-8' });
    expect(r.stderr).toBe('error INVALID_REQUEST: Comando desconhecido "bogus" (veja --help).\n');
  });
});

describe('CLI in English', () => {
  const ENGLISH = [{}, { LANG: 'C' }, { LANG: 'en_US.UTF-8' }, { LC_ALL: 'C.UTF-8', LANG: 'es_ES.UTF-8' }];

  it.each([[['bogus']], [['--help']], [['check', '--profile', 'nope', '--data-dir', '/nonexistent']]])(
    '%j reads the same however English is chosen',
    async (args) => {
      const outputs = await Promise.all(ENGLISH.map((locale) => cli(args, locale)));
      for (const o of outputs.slice(1)) expect(o).toEqual(outputs[0]);
    },
  );

  it('keeps the sentences scripts match, numbers unformatted', async () => {
    expect((await cli(['bogus'], {})).stderr).toBe(
      'error INVALID_REQUEST: Unknown command "bogus" (see --help).\n',
    );
    const { stdout } = await cli(['--help'], {});
    expect(stdout.startsWith('Usage: npm run cli -- <command> [options]\n\nCommands:\n  check ')).toBe(true);
    expect(stdout.endsWith('10 the PBX refused the call,\n1 anything else.\n')).toBe(true);
    const ok = await cli(check(), { VPBX_KEY: pbx.appKey });
    expect(ok.stdout).toBe(`OK: 3 extensions in tenant "${pbx.tenant}" at ${pbx.origin}\n`);
  });
});
