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
import { AGENT_HELP, allContacts, callCommand, callsCommand } from './agent-commands.js';
import { exportWithContacts } from '../export/contacts.js';
import type { Contact } from '../shared/agent-domain.js';
import { AgentStore } from '../app/agent-store.js';

export const HELP = `Usage: npm run cli -- <command> [options]

Commands:
  check                       test the connection and the app key
  sync                        fetch the directory and save it for offline use
  export --format csv|vcard|vcard3|json [--out FILE]
                              write the directory (fresh from the PBX, or the saved copy
                              with --offline); never includes secrets
  certificate --url URL       show the PBX certificate's SHA-256 fingerprint
${AGENT_HELP}

Connection (a saved profile, or given on the command line):
  --profile ID                a profile saved by the app (or created by 'sync')
  --url URL                   PBX address, e.g. https://pbx.example.com
  --tenant T                  tenant id or name
  --app-key-env NAME          read the app key from environment variable NAME
                              (default: the keychain entry of --profile)
  --insecure-pin SHA256       trust a self-signed certificate with this fingerprint
  --allow-http                allow a plain http:// PBX (sends the key unencrypted)
  --data-dir DIR              app data folder (default: ${defaultDataDir()})
  --offline                   export: use the saved directory, do not contact the PBX

Exit status: 0 ok, 2 usage, 3 PBX unreachable or slow, 4 key rejected or missing,
5 TLS/certificate, 6 tenant returned nothing, 7 unreadable or failed PBX answer,
8 keychain unavailable, 9 saved data unavailable, 10 the PBX refused the call,
1 anything else.`;

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
  throw new AppError('INVALID_REQUEST', `${message} (see --help).`);
}

async function resolveProfile(o: Options, profiles: ProfileStore): Promise<Profile> {
  const saved = o.profile ? await profiles.get(o.profile) : null;
  if (o.profile && !saved && !o.url) throw new AppError('PROFILE_NOT_FOUND');
  const url = o.url ?? saved?.baseUrl;
  if (!url) usage('Give --url (and --tenant) or --profile');
  const pin = o['insecure-pin']?.toUpperCase() ?? saved?.tlsPin ?? null;
  if (pin !== null && !FingerprintSchema.safeParse(pin).success)
    usage('--insecure-pin must be a SHA-256 fingerprint like AB:CD:…');
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
    if (!key)
      throw new AppError('NO_APP_KEY', `The environment variable ${o['app-key-env']} is empty or not set.`);
    return key;
  }
  const key = await new Keychain().get(profile.id);
  if (!key)
    throw new AppError(
      'NO_APP_KEY',
      `No app key is stored for profile "${profile.id}". Pass --app-key-env NAME or save the key in the app.`,
    );
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
    out(`${HELP}\n`);
    return values.help ? EXIT.ok : EXIT.usage;
  }
  const o = values as Options;
  const dataDir = o['data-dir'] ?? defaultDataDir();
  const profiles = new ProfileStore(dataDir);
  const snapshots = new SnapshotStore(dataDir);

  if (command === 'certificate') {
    if (!o.url) usage('certificate needs --url');
    const cert = await probeCertificate(normalizeBaseUrl(o.url));
    out(
      `SHA-256 ${cert.fingerprint256}\nsubject ${cert.subject}\nissuer  ${cert.issuer}\nvalid   ${cert.validFrom} – ${cert.validTo}\ntrusted by a CA: ${cert.trustedByCa ? 'yes' : 'no'}\n`,
    );
    return EXIT.ok;
  }

  if (command === 'export' && o.offline) {
    if (!o.profile) usage('export --offline needs --profile');
    const loaded = await snapshots.load(o.profile);
    if (!loaded) throw new AppError('NO_SNAPSHOT');
    const saved = o.contacts
      ? await new AgentStore((id) => snapshots.profileDir(id)).contacts(o.profile)
      : null;
    return writeExport(o, loaded.snapshot.extensions, out, saved?.contacts ?? []);
  }

  if (!['check', 'sync', 'export', 'call', 'calls'].includes(command)) usage(`Unknown command "${command}"`);
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
    out(`OK: ${extensions} extensions in tenant "${profile.tenant}" at ${profile.baseUrl}\n`);
    return EXIT.ok;
  }
  const { extensions, skipped } = await client.listExtensions();
  if (extensions.length === 0) throw new AppError('TENANT_EMPTY');
  if (skipped > 0)
    process.stderr.write(`warning: ${skipped} extension records could not be read and were left out\n`);
  if (command === 'sync') {
    if (!(await profiles.get(profile.id))) await profiles.upsert(profile);
    await snapshots.save({
      version: SNAPSHOT_VERSION,
      profileId: profile.id,
      tenant: profile.tenant,
      syncedAt: Date.now(),
      extensions,
    });
    out(`Synced ${extensions.length} extensions into profile "${profile.id}"\n`);
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
  if (!['csv', 'vcard', 'vcard3', 'json'].includes(format)) usage('--format must be csv, vcard, vcard3 or json');
  const file = o.contacts
    ? exportWithContacts(extensions, contacts, format, 'directory')
    : exportDirectory(extensions, format, 'directory');
  if (o.out) {
    await writeFile(o.out, file.content, { encoding: 'utf8', mode: 0o644 });
    process.stderr.write(`Wrote ${file.count} extensions to ${o.out}\n`);
  } else out(file.content);
  return EXIT.ok;
}

export async function main(argv: string[]): Promise<number> {
  try {
    return await run(argv);
  } catch (err) {
    const e =
      err instanceof TypeError && 'code' in err && String(err.code).startsWith('ERR_PARSE_ARGS')
        ? new AppError('INVALID_REQUEST', `${err.message} (see --help).`)
        : toAppError(err);
    process.stderr.write(`error ${e.code}: ${e.message}\n`);
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
