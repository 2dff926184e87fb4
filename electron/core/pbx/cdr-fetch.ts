// Fetches one extension's calls from `GET /cdr` without trusting the server's paging or filter:
// - `extensions=<number>` is sent, then checked against the rows; when the server ignored it,
//   the app filters on its side, in bounded time windows (newest first), within a fixed budget
//   of downloaded rows, and says when that budget cut the range short;
// - `page` (1-based) is sent, since some builds ignore `offset`; a page that repeats an earlier
//   one, or brings nothing new, ends the paging instead of looping;
// - forwarded calls repeat a `uniqueid`: one row per call is kept.
import type { CdrRow } from '../shared/agent-domain.js';
import type { CdrPage } from './parse-cdr.js';

export interface CdrPageQuery {
  start: number;
  end: number;
  extension: string;
  limit: number;
  page: number;
}

export interface CdrQuery {
  extension: string;
  /** Epoch seconds, both included. */
  since: number;
  until: number;
}

export interface CdrLimits {
  /** Rows per request (the API takes up to 1000). */
  pageSize?: number;
  /** Most rows downloaded for one query, whatever the server does. */
  budget?: number;
  /** Width of a client-side filtering window, seconds. */
  windowSeconds?: number;
}

export interface CdrResult {
  /** The extension's calls, one per uniqueid, newest first. */
  rows: CdrRow[];
  /** 'server' when the server honoured the extension filter, 'client' when the app filtered. */
  filter: 'server' | 'client';
  /** True when every call of [since, until] was seen. */
  complete: boolean;
  /** Calls from this moment (epoch seconds) to `until` were all seen. */
  coveredFrom: number;
  /** The download budget ended the query early. */
  limitReached: boolean;
  /** The server answered the same page again: it does not page this way. */
  pagingIgnored: boolean;
  downloaded: number;
  skipped: number;
}

export const CDR_DEFAULTS: Required<CdrLimits> = { pageSize: 1000, budget: 10_000, windowSeconds: 86_400 };

export function involves(row: CdrRow, ext: string): boolean {
  return row.src === ext || row.dst === ext || row.clid.number === ext;
}

/** Of rows sharing a uniqueid, the one that says most: answered, then longest talk time. */
function better(a: CdrRow, b: CdrRow): CdrRow {
  const score = (r: CdrRow) => (r.disposition === 'ANSWERED' ? 1e9 : 0) + r.billsec;
  return score(b) > score(a) ? b : a;
}

export function dedupe(rows: readonly CdrRow[]): CdrRow[] {
  const byId = new Map<string, CdrRow>();
  for (const r of rows) {
    const prev = byId.get(r.uniqueid);
    byId.set(r.uniqueid, prev ? better(prev, r) : r);
  }
  return [...byId.values()].sort((a, b) => (b.calldate ?? 0) - (a.calldate ?? 0));
}

type FetchPage = (q: CdrPageQuery) => Promise<CdrPage>;

interface RangeOutcome {
  rows: CdrRow[];
  complete: boolean;
}

class CdrFetcher {
  downloaded = 0;
  skipped = 0;
  limitReached = false;
  pagingIgnored = false;

  constructor(
    private readonly fetchPage: FetchPage,
    private readonly q: CdrQuery,
    private readonly limits: Required<CdrLimits>,
  ) {}

  /** Pages through [start, end]; `first` is page 1 when the caller already has it. */
  async range(start: number, end: number, first?: CdrPage): Promise<RangeOutcome> {
    const rows: CdrRow[] = [];
    const seen = new Set<string>();
    const pageSize = this.limits.pageSize;
    for (let page = 1; ; page++) {
      let p = page === 1 ? first : undefined;
      if (!p) {
        if (this.downloaded >= this.limits.budget) {
          this.limitReached = true;
          return { rows, complete: false };
        }
        p = await this.fetchPage({ start, end, extension: this.q.extension, limit: pageSize, page });
        this.downloaded += p.received;
        this.skipped += p.skipped;
      }
      const fresh = p.rows.filter((r) => !seen.has(`${r.uniqueid}|${r.dst}|${r.src}`));
      if (page > 1 && p.received > 0 && fresh.length === 0) {
        // The same rows again: `page` is ignored here. Stop rather than loop.
        this.pagingIgnored = true;
        return { rows, complete: false };
      }
      for (const r of fresh) seen.add(`${r.uniqueid}|${r.dst}|${r.src}`);
      rows.push(...fresh);
      if (p.received < pageSize) return { rows, complete: true };
      if (p.total !== null && page * pageSize >= p.total) return { rows, complete: true };
    }
  }
}

export async function fetchCdr(
  fetchPage: FetchPage,
  q: CdrQuery,
  limits: CdrLimits = {},
): Promise<CdrResult> {
  const lim = { ...CDR_DEFAULTS, ...limits };
  lim.pageSize = Math.min(1000, Math.max(1, lim.pageSize));
  const f = new CdrFetcher(fetchPage, q, lim);
  const inRange = (r: CdrRow) => r.calldate === null || (r.calldate >= q.since && r.calldate <= q.until);
  const first = await fetchPage({
    start: q.since,
    end: q.until,
    extension: q.extension,
    limit: lim.pageSize,
    page: 1,
  });
  f.downloaded += first.received;
  f.skipped += first.skipped;
  const honoured = first.rows.every((r) => involves(r, q.extension));
  const finish = (rows: CdrRow[], filter: CdrResult['filter'], complete: boolean, coveredFrom: number) => ({
    rows: dedupe(rows.filter((r) => involves(r, q.extension) && inRange(r))),
    filter,
    complete,
    coveredFrom: complete ? q.since : coveredFrom,
    limitReached: f.limitReached,
    pagingIgnored: f.pagingIgnored,
    downloaded: f.downloaded,
    skipped: f.skipped,
  });

  if (honoured) {
    const all = await f.range(q.since, q.until, first);
    if (all.complete || f.limitReached) return finish(all.rows, 'server', all.complete, q.until);
    // Paging is ignored: fall through to windows, which need fewer rows per request.
  }
  // Filter on this side, newest window first, until the range or the budget runs out.
  const kept: CdrRow[] = [];
  let coveredFrom = q.until;
  let complete = true;
  for (let end = q.until; end >= q.since; end -= lim.windowSeconds) {
    const start = Math.max(q.since, end - lim.windowSeconds + 1);
    const w = await f.range(start, end);
    kept.push(...w.rows.filter((r) => involves(r, q.extension)));
    if (!w.complete) {
      complete = false;
      if (f.limitReached) break;
      continue;
    }
    if (complete) coveredFrom = start;
  }
  return finish(kept, honoured ? 'server' : 'client', complete, coveredFrom);
}
