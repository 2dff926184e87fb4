// Shared helpers for the benchmarks: one row shape, timing loops with warm-up, quantiles.
export interface BenchRow {
  name: string;
  value: number;
  unit: string;
  target?: string | undefined;
  ok?: boolean | undefined;
}

export function quantile(values: number[], q: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1))] ?? NaN;
}

export function round(n: number, digits = 2): number {
  return Number(n.toFixed(digits));
}

/** Runs `fn` `warmup` times untimed, then `runs` times timed; returns the durations in ms. */
export async function time(fn: () => unknown, runs: number, warmup = 2): Promise<number[]> {
  for (let i = 0; i < warmup; i++) await fn();
  const out: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    await fn();
    out.push(performance.now() - t0);
  }
  return out;
}

export function printTable(rows: BenchRow[]): void {
  const width = Math.max(...rows.map((r) => r.name.length), 10);
  for (const r of rows) {
    const verdict = r.ok === undefined ? '' : r.ok ? '  ok' : '  MISSED';
    const target = r.target ? `  (target ${r.target})` : '';
    console.log(`${r.name.padEnd(width)}  ${String(r.value).padStart(10)} ${r.unit}${target}${verdict}`);
  }
}
