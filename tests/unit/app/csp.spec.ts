import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { CSP_DIRECTIVES } from '../../../electron/core/shared/csp.js';

describe('Content-Security-Policy', () => {
  it('is the same in renderer/index.html as the one the hosts send (a <meta> cannot set frame-ancestors)', () => {
    const html = readFileSync('renderer/index.html', 'utf8');
    const meta = /http-equiv="Content-Security-Policy"\s+content="([^"]+)"/.exec(html)?.[1];
    expect(meta).toBeDefined();
    const expected = CSP_DIRECTIVES.filter((d) => !d.startsWith('frame-ancestors'));
    expect(meta!.split(';').map((d) => d.trim())).toEqual(expected);
  });

  it('allows no inline or remote script, style or connection', () => {
    for (const d of CSP_DIRECTIVES) {
      expect(d).not.toMatch(/unsafe-inline|unsafe-eval|\*|https?:/);
    }
    expect(CSP_DIRECTIVES).toContain("default-src 'none'");
  });
});
