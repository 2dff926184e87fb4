// `npm run demo-pbx -- [options]`: runs the demo PBX in the foreground until Ctrl-C and prints
// what the app's connection settings need (URL, tenant, app key, certificate fingerprint).
import { LIST_VALIDATORS } from './list-validators.js';
import { parseArgs } from 'node:util';
import { startDemoPbx, type DemoPbxOptions } from './server.js';

const HELP = `Usage: npm run demo-pbx -- [options]

Runs a VitalPBX API v2 demo server on 127.0.0.1 until Ctrl-C.

Options:
  --extensions N      extensions per tenant (default 50)
  --tenants N         number of tenants (default 2)
  --dataset NAME      generated (default) or reference (the published examples)
  --seed N            seed of the generated data (default 1); same seed, same data and keys
  --voicemail-shape S folder-object, folder-array, flat or mixed (default mixed)
  --https             serve HTTPS with a self-signed certificate
  --port N            port to listen on (default: a free one)
  --bad-key-mode M    json401 (default), html403 or status200
  --secret-marker S   plant S in every device secret and features_password
  --cdr-filter M      honoured (default) or ignored: whether /cdr?extensions= filters
  --cdr-shape S       rows-result (default), array or items: the shape of /cdr's data
  --cdr-paging M      page (default) or ignored: whether /cdr honours page
  --no-phonebooks     a build without phonebooks (/phonebooks answers 404)
  --validators V      none (default), etag, last-modified or both: cache validators on
                      /extensions (and 304 answers to conditional requests)
  -h, --help          show this help
`;

function int(name: string, value: string | undefined): number | undefined {
  if (value === undefined) return undefined;
  const n = Number(value);
  if (!Number.isInteger(n) || n < 0) throw new Error(`--${name} wants a whole number, got "${value}"`);
  return n;
}

function oneOf<T extends string>(
  name: string,
  value: string | undefined,
  allowed: readonly T[],
): T | undefined {
  if (value === undefined) return undefined;
  if (!(allowed as readonly string[]).includes(value)) {
    throw new Error(`--${name} wants one of ${allowed.join(', ')}, got "${value}"`);
  }
  return value as T;
}

function parse(argv: string[]): DemoPbxOptions | null {
  const { values } = parseArgs({
    args: argv,
    options: {
      extensions: { type: 'string' },
      tenants: { type: 'string' },
      dataset: { type: 'string' },
      seed: { type: 'string' },
      'voicemail-shape': { type: 'string' },
      https: { type: 'boolean' },
      port: { type: 'string' },
      'bad-key-mode': { type: 'string' },
      'secret-marker': { type: 'string' },
      'cdr-filter': { type: 'string' },
      'cdr-shape': { type: 'string' },
      'cdr-paging': { type: 'string' },
      'no-phonebooks': { type: 'boolean' },
      validators: { type: 'string' },
      help: { type: 'boolean', short: 'h' },
    },
  });
  if (values.help) return null;
  return {
    extensions: int('extensions', values.extensions),
    tenants: int('tenants', values.tenants),
    dataset: oneOf('dataset', values.dataset, ['generated', 'reference'] as const),
    seed: int('seed', values.seed),
    voicemailShape: oneOf('voicemail-shape', values['voicemail-shape'], [
      'folder-object',
      'folder-array',
      'flat',
      'mixed',
    ] as const),
    https: values.https ?? false,
    port: int('port', values.port),
    badKeyMode: oneOf('bad-key-mode', values['bad-key-mode'], ['json401', 'html403', 'status200'] as const),
    secretMarker: values['secret-marker'],
    validators: oneOf('validators', values.validators, LIST_VALIDATORS),
    agent: {
      cdrFilter: oneOf('cdr-filter', values['cdr-filter'], ['honoured', 'ignored'] as const),
      cdrShape: oneOf('cdr-shape', values['cdr-shape'], ['rows-result', 'array', 'items'] as const),
      cdrPaging: oneOf('cdr-paging', values['cdr-paging'], ['page', 'ignored'] as const),
      phonebooks: values['no-phonebooks'] ? false : undefined,
    },
  };
}

async function main(): Promise<void> {
  let opts: DemoPbxOptions | null;
  try {
    opts = parse(process.argv.slice(2));
  } catch (err) {
    console.error(`demo-pbx: ${err instanceof Error ? err.message : String(err)}\n\n${HELP}`);
    process.exitCode = 2;
    return;
  }
  if (!opts) return void process.stdout.write(HELP);
  const pbx = await startDemoPbx(opts);
  const lines = [
    `Demo PBX listening: ${pbx.url}`,
    `tenant:  ${pbx.tenant}`,
    `app-key: ${pbx.appKey}   (global: the tenant header picks the tenant)`,
  ];
  if (pbx.tls) lines.push(`certificate SHA-256: ${pbx.tls.fingerprint256}`);
  lines.push('tenants:');
  for (const t of pbx.tenants) {
    lines.push(`  ${t.id} ${t.name}: ${t.extensionCount} extensions, tenant-bound key ${t.boundKey}`);
  }
  lines.push('Press Ctrl-C to stop.');
  console.log(lines.join('\n'));
  const stop = () => {
    pbx.close().then(
      () => process.exit(0),
      () => process.exit(1),
    );
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}

await main();
