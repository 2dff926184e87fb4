// V8 block coverage of the shipped glue while the stand-in runs it: main.cjs in this Node process
// (the inspector's precise coverage, started before the bundle is compiled) and preload.cjs in
// Chromium (renderer-world.ts). Each Playwright worker writes what it saw to
// test-results/standin-coverage/; coverage-report.mjs maps it to the TypeScript sources.
import { Session } from 'node:inspector/promises';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

export interface ScriptCoverage {
  url: string;
  functions: {
    functionName: string;
    isBlockCoverage: boolean;
    ranges: { startOffset: number; endOffset: number; count: number }[];
  }[];
}

export const COVERAGE_DIR = join(process.cwd(), 'test-results', 'standin-coverage');
export const MAIN_URL_SUFFIX = '/dist-electron/main.cjs';

export class CoverageRecorder {
  #session = new Session();
  #collected: ScriptCoverage[] = [];

  async start(): Promise<void> {
    this.#session.connect();
    await this.#session.post('Profiler.enable');
    await this.#session.post('Profiler.startPreciseCoverage', { callCount: true, detailed: true });
  }

  add(scripts: ScriptCoverage[]): void {
    this.#collected.push(...scripts);
  }

  /** Takes main.cjs's coverage and writes everything gathered to one file for this worker. */
  async write(name: string): Promise<void> {
    const { result } = await this.#session.post('Profiler.takePreciseCoverage');
    for (const script of result) {
      if (script.url.endsWith(MAIN_URL_SUFFIX)) this.#collected.push({ ...script, url: MAIN_URL_SUFFIX });
    }
    await this.#session.post('Profiler.stopPreciseCoverage');
    this.#session.disconnect();
    mkdirSync(COVERAGE_DIR, { recursive: true });
    writeFileSync(join(COVERAGE_DIR, `${name}.json`), JSON.stringify(this.#collected));
  }
}
