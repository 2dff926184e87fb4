// The renderer's CSP forbids eval ('unsafe-eval' is not granted): a bundled library that probes
// for it (zod's schema compiler does) reports violations and may misbehave. Checks the built
// bundles, which `npm test` builds before this runs.
import { describe, expect, it } from 'vitest';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

/** eval, new Function, or Function held in a variable (zod: `const F = Function; new F("")`). */
const EVAL = /\bnew Function\s*\(|\beval\s*\(|=\s*Function\s*[;,)]/;

it('the pattern catches the eval probe of zod, the library that once slipped in', () => {
  expect(readFileSync('node_modules/zod/v4/core/util.js', 'utf8')).toMatch(EVAL);
});

describe.each(['dist/renderer', 'dist/renderer-browser'])('%s', (dir) => {
  it('contains no eval or new Function', () => {
    const assets = join(dir, 'assets');
    if (!existsSync(assets)) throw new Error(`${assets} is missing: run node scripts/build.mjs first`);
    const scripts = readdirSync(assets).filter((f) => f.endsWith('.js'));
    expect(scripts.length).toBeGreaterThan(0);
    for (const f of scripts) {
      const code = readFileSync(join(assets, f), 'utf8');
      expect(code, f).not.toMatch(EVAL);
    }
  });
});
