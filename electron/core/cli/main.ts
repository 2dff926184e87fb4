// `npm run cli -- <command>`: the core's headless face for admins and scripts, over the same
// client, keychain, stores and exports as the app. Errors print `error CODE: message` on stderr
// and exit with the status from exit-codes.ts.
import { parseArgs } from 'node:util';
import { writeFile } from 'node:fs/promises';
import { AppError, toAppError } from '../app-error.js';
import { Keychain } from '../credentials/keychain.js';
import { PbxClient, normalizeBaseUrl, probeCertificate } from '../pbx/client.js';
import { ProfileStore } from '../store/profiles.js';
import { SnapshotStore } from '../store/snapshot-store.js';
import { exportDirectory, type ExportFormat } from '../export/index.js';
import { defaultDataDir } from '../app/paths.js';
import { FingerprintSchema, type Profile, SNAPSHOT_VERSION } from '../shared/domain.js';
import { EXIT, exitCodeFor } from './exit-codes.js';
import { allContacts, callCommand, callsCommand } from './agent-commands.js';
import { errorLine, say, usageError, useLocale, wordedError } from './cli-text.js';
import { exportWithContacts } from '../export/contacts.js';
import type { Contact } from '../shared/agent-domain.js';
import { AgentStore } from '../app/agent-store.js';

/** The help, in the CLI's language (English: as it has always read). */
export function help(): string {
  return say('cli.help', { dataDir: defaultDataDir() });
}

interface Options {
  profile?: string;
  url?: string;
  tenant?: string;
  'app-key-env'?: string;
  'insecure-pin'?: string;
  'allow-http'?: boolean;
  'data-dir'?: string;
  format?: string;
  out?: string;
  offline?: boolean;
  from?: string;
  extension?: string;
  since?: string;
  contacts?: boolean;
}

function usage(message: string): never {
  throw usageError(message);
}

async function resolveProfile(o: Options, profiles: ProfileStore): Promise<Profile> {
  const saved = o.profile ? await profiles.get(o.profile) : null;
  if (o.profile && !saved && !o.url) throw new AppError('PROFILE_NOT_FOUND');
  const url = o.url ?? saved?.baseUrl;
  if (!url) usage(say('cli.noUrl'));
  const pin = o['insecure-pin']?.toUpperCase() ?? saved?.tlsPin ?? null;
  if (pin !== null && !FingerprintSchema.safeParse(pin).success) usage(say('cli.badPin'));
  return {
    id: saved?.id ?? o.profile ?? 'cli',
    label: saved?.label ?? 'Command line',
    baseUrl: normalizeBaseUrl(url),
    tenant: o.tenant ?? saved?.tenant ?? '',
    tlsPin: pin,
    myExtension: saved?.myExtension ?? null,
    allowHttp: o['allow-http'] ?? saved?.allowHttp ?? false,
    showOthersVoicemail: saved?.showOthersVoicemail ?? false,
    dialScheme: saved?.dialScheme ?? 'tel',
    demo: false,
  };
}

async function appKey(o: Options, profile: Profile): Promise<string> {
  if (o['app-key-env']) {
    const key = process.env[o['app-key-env']];
    if (!key) throw wordedError('NO_APP_KEY', say('cli.keyEnvEmpty', { name: o['app-key-env'] }));
    return key;
  }
  const key = await new Keychain().get(profile.id);
  if (!key) throw wordedError('NO_APP_KEY', say('cli.noStoredKey', { profile: profile.id }));
  return key;
}

export async function run(
  argv: string[],
  out: (s: string) => void = (s) => process.stdout.write(s),
): Promise<number> {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      profile: { type: 'string' },
      url: { type: 'string' },
      tenant: { type: 'string' },
      'app-key-env': { type: 'string' },
      'insecure-pin': { type: 'string' },
      'allow-http': { type: 'boolean' },
      'data-dir': { type: 'string' },
      format: { type: 'string' },
      out: { type: 'string' },
      offline: { type: 'boolean' },
      from: { type: 'string' },
      extension: { type: 'string' },
      since: { type: 'string' },
      contacts: { type: 'boolean' },
      help: { type: 'boolean' },
    },
  });
  const command = positionals[0];
  if (values.help || !command) {
    out(`${help()}\n`);
    return values.help ? EXIT.ok : EXIT.usage;
  }
  const o = values as Options;
  const dataDir = o['data-dir'] ?? defaultDataDir();
  const profiles = new ProfileStore(dataDir);
  const snapshots = new SnapshotStore(dataDir);

  if (command === 'certificate') {
    if (!o.url) usage(say('cli.certNeedsUrl'));
    const cert = await probeCertificate(normalizeBaseUrl(o.url));
    out(
      `${say('cli.certificate', {
        fingerprint: cert.fingerprint256,
        subject: cert.subject,
        issuer: cert.issuer,
        from: cert.validFrom,
        to: cert.validTo,
        trusted: cert.trustedByCa ? say('cli.yes') : say('cli.no'),
      })}\n`,
    );
    return EXIT.ok;
  }

  if (command === 'export' && o.offline) {
    if (!o.profile) usage(say('cli.offlineNeedsProfile'));
    const loaded = await snapshots.load(o.profile);
    if (!loaded) throw new AppError('NO_SNAPSHOT');
    const saved = o.contacts
      ? await new AgentStore((id) => snapshots.profileDir(id)).contacts(o.profile)
      : null;
    return writeExport(o, loaded.snapshot.extensions, out, saved?.contacts ?? []);
  }

  if (!['check', 'sync', 'export', 'call', 'calls'].includes(command))
    usage(say('cli.unknownCommand', { command }));
  const profile = await resolveProfile(o, profiles);
  const client = new PbxClient({
    baseUrl: profile.baseUrl,
    tenant: profile.tenant,
    appKey: await appKey(o, profile),
    tlsPin: profile.tlsPin,
    allowHttp: profile.allowHttp,
  });

  if (command === 'call') {
    await callCommand(client, positionals[1], o.from, out);
    return EXIT.ok;
  }
  if (command === 'calls') {
    await callsCommand(client, o, out);
    return EXIT.ok;
  }
  if (command === 'check') {
    const { extensions } = await client.checkConnection();
    out(`${say('cli.checkOk', { count: extensions, tenant: profile.tenant, url: profile.baseUrl })}\n`);
    return EXIT.ok;
  }
  const { extensions, skipped } = await client.listExtensions();
  if (extensions.length === 0) throw new AppError('TENANT_EMPTY');
  if (skipped > 0) process.stderr.write(`${say('cli.skipped', { count: skipped })}\n`);
  if (command === 'sync') {
    if (!(await profiles.get(profile.id))) await profiles.upsert(profile);
    await snapshots.save({
      version: SNAPSHOT_VERSION,
      profileId: profile.id,
      tenant: profile.tenant,
      syncedAt: Date.now(),
      extensions,
    });
    out(`${say('cli.synced', { count: extensions.length, profile: profile.id })}\n`);
    return EXIT.ok;
  }
  return writeExport(o, extensions, out, o.contacts ? await allContacts(client) : []);
}

async function writeExport(
  o: Options,
  extensions: Parameters<typeof exportDirectory>[0],
  out: (s: string) => void,
  contacts: readonly Contact[] = [],
): Promise<number> {
  const format = (o.format ?? 'csv') as ExportFormat;
  if (!['csv', 'vcard', 'vcard3', 'json'].includes(format)) usage(say('cli.badFormat'));
  const file = o.contacts
    ? exportWithContacts(extensions, contacts, format, 'directory')
    : exportDirectory(extensions, format, 'directory');
  if (o.out) {
    await writeFile(o.out, file.content, { encoding: 'utf8', mode: 0o644 });
    process.stderr.write(`${say('cli.wrote', { count: file.count, file: o.out })}\n`);
  } else out(file.content);
  return EXIT.ok;
}

export async function main(argv: string[]): Promise<number> {
  useLocale(process.env);
  try {
    return await run(argv);
  } catch (err) {
    const e =
      err instanceof TypeError && 'code' in err && String(err.code).startsWith('ERR_PARSE_ARGS')
        ? usageError(err.message)
        : toAppError(err);
    process.stderr.write(errorLine(e));
    return exitCodeFor(e.code);
  }
}

if (process.argv[1] && import.meta.url.endsWith(process.argv[1].split('/').pop() ?? '')) {
  // `… export | head`: a reader that stops early is not an error.
  process.stdout.on('error', (err: NodeJS.ErrnoException) => {
    if (err.code === 'EPIPE') process.exit(0);
    throw err;
  });
  process.exitCode = await main(process.argv.slice(2));
}
