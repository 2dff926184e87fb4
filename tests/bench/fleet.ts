// `npm run bench -- fleet`: what a fleet of desktops costs one PBX over a working day (see
// fleet-sim.ts for the day). Figures per agent-hour and per endpoint, the voicemail polling
// interval actually kept, and the peak PBX concurrency at start-up, after the outage and in
// steady state. Concurrency is counted on the virtual clock as desktops (connections) sending
// within the same second: the demo PBX answers in microseconds, a real PHP one takes up to a
// second for its heaviest answer, so this says how many PHP workers the fleet can occupy.
import { runFleet, type FleetRequest, type FleetRun } from './fleet-sim.js';
import { type BenchRow, quantile, round } from './stats.js';

const MIN = 60_000;

function endpoint(path: string): string {
  const p = path.split('?')[0] ?? path;
  if (p === '/api/v2/extensions') return 'directory';
  if (p.endsWith('/voicemail_records')) return 'voicemail list';
  if (p.startsWith('/api/v2/phonebooks')) return 'phonebook';
  if (p.startsWith('/api/v2/cdr')) return 'cdr';
  return 'other';
}

/**
 * Most connections that sent a request within any one second of [from, to). A desktop sends
 * its requests one after another on its connection, so this counts desktops keeping the PBX
 * busy at once, however many requests each made in that second.
 */
function peakPerSecond(reqs: FleetRequest[], from: number, to: number): number {
  const list = reqs.filter((r) => r.at >= from && r.at < to);
  const live = new Map<number, number>();
  let peak = 0;
  for (let i = 0, j = 0; i < list.length; i++) {
    const r = list[i] as FleetRequest;
    for (; j < i && (list[j] as FleetRequest).at <= r.at - 1000; j++) {
      const port = (list[j] as FleetRequest).port;
      const n = (live.get(port) ?? 1) - 1;
      if (n === 0) live.delete(port);
      else live.set(port, n);
    }
    live.set(r.port, (live.get(r.port) ?? 0) + 1);
    peak = Math.max(peak, live.size);
  }
  return peak;
}

export function fleetRows(run: FleetRun): BenchRow[] {
  const { agents, hours } = run.opts;
  const agentHours = agents * hours;
  const rows: BenchRow[] = [
    {
      name: `fleet: ${agents} desktops × ${hours} h, ${run.opts.extensions} extensions`,
      value: agentHours,
      unit: 'agent-hours',
    },
  ];
  const by = new Map<string, FleetRequest[]>();
  for (const r of run.requests) {
    const k = endpoint(r.path);
    by.set(k, [...(by.get(k) ?? []), r]);
  }
  for (const [name, list] of [...by].sort((a, b) => b[1].length - a[1].length)) {
    const perHour = list.length / agentHours;
    const bytes = list.reduce((n, r) => n + r.bytes, 0) / agentHours;
    const dir = name === 'directory';
    rows.push({
      name: `fleet: ${name} requests per agent-hour`,
      value: round(perHour),
      unit: '',
      ...(dir ? { target: '≤ 4', ok: perHour <= 4 } : {}),
    });
    rows.push({ name: `fleet: ${name} bytes per agent-hour`, value: round(bytes / 1024, 1), unit: 'KiB' });
    if (dir) {
      const full = list.filter((r) => r.status === 200).length;
      const notModified = list.filter((r) => r.status === 304).length;
      rows.push({
        name: 'fleet: directory answers 200 / 304 / failed',
        value: full,
        unit: `/ ${notModified} / ${list.length - full - notModified}`,
      });
    }
  }
  // Voicemail: each desk polls its own mailbox; the gaps between its polls outside the outage.
  const gaps: number[] = [];
  const lastByPath = new Map<string, number>();
  for (const r of by.get('voicemail list') ?? []) {
    const last = lastByPath.get(r.path);
    const quiet = r.at < run.outage.from || r.at > run.outage.to + 20 * MIN;
    if (last !== undefined && quiet) gaps.push(r.at - last);
    lastByPath.set(r.path, r.at);
  }
  const minGap = gaps.length ? Math.min(...gaps) / 1000 : NaN;
  rows.push({
    name: 'fleet: voicemail poll gap per desk, median',
    value: round(quantile(gaps, 0.5) / 1000, 1),
    unit: 's',
  });
  rows.push({
    name: 'fleet: voicemail poll gap per desk, shortest',
    value: round(minGap, 1),
    unit: 's',
    target: `≥ ${run.pollIntervalMs / 1000} s`,
    ok: minGap >= run.pollIntervalMs / 1000,
  });
  const limit = Math.ceil(agents * 0.05);
  const phases: [string, number, number][] = [
    ['start-up (9:00–9:15)', run.dayStart, run.dayStart + 15 * MIN],
    ['after the outage (+15 min)', run.outage.to, run.outage.to + 15 * MIN],
    ['during the outage', run.outage.from, run.outage.to],
  ];
  for (const [name, from, to] of phases) {
    const peak = peakPerSecond(run.requests, from, to);
    rows.push({
      name: `fleet: peak desktops at the PBX in one second, ${name}`,
      value: peak,
      unit: '',
      target: `≤ ${limit}`,
      ok: peak <= limit,
    });
  }
  const steady = Math.max(
    peakPerSecond(run.requests, run.dayStart + 15 * MIN, run.outage.from),
    peakPerSecond(run.requests, run.outage.to + 15 * MIN, run.dayStart + hours * 60 * MIN),
  );
  rows.push({
    name: 'fleet: peak desktops at the PBX in one second, steady state',
    value: steady,
    unit: '',
    target: `≤ ${limit}`,
    ok: steady <= limit,
  });
  rows.push({ name: 'fleet: simulation time (real)', value: round(run.realMs / 1000, 1), unit: 's' });
  return rows;
}

export async function benchFleet(): Promise<{ rows: BenchRow[] }> {
  const arg = (name: string, dflt: number) => {
    const i = process.argv.indexOf(`--${name}`);
    return i >= 0 ? Number(process.argv[i + 1]) : dflt;
  };
  const run = await runFleet({
    agents: arg('agents', 500),
    extensions: arg('extensions', 500),
    hours: arg('hours', 8),
  });
  return { rows: fleetRows(run) };
}
