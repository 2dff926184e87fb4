import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';

describe('project', () => {
  it('pins the toolchain majors that matter', () => {
    const pkg = JSON.parse(readFileSync('package.json', 'utf8'));
    expect(pkg.devDependencies.electron).toMatch(/^\^45\./);
    expect(pkg.devDependencies.typescript).toMatch(/^~6\.0\./);
    expect(pkg.devDependencies.vitest).toMatch(/^\^4\./);
  });
});
