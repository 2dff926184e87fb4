// The demo PBX's agent endpoints: POST /core/click_to_call (validated as VitalPBX validates it,
// with a log of the calls it "originated"), GET /cdr (epoch filters, `page` honoured and
// `offset` ignored, the extension filter honoured or not, three answer shapes) and the
// phonebooks. Which variant a demo instance serves is a data option, never a test switch.
import { generateAgentData, type TenantAgentData } from './agent-data.js';
import { jsonReply, type Reply } from './faults.js';
import type { DemoTenant } from './model.js';
import type { Json, JsonBody } from './reference.js';
import type { DemoState } from './state.js';

export interface AgentOptions {
  /** Whether `/cdr?extensions=N` filters the rows (default) or is silently ignored. */
  cdrFilter?: 'honoured' | 'ignored' | undefined;
  /** `data` as `{rows, result}` (default, VitalPBX 4), a bare array, or `{items}`. */
  cdrShape?: 'rows-result' | 'array' | 'items' | undefined;
  /** `page` honoured (default), or ignored (every page is the first one). */
  cdrPaging?: 'page' | 'ignored' | undefined;
  /** The anchor of the CDR times, epoch seconds (default: when the demo started). */
  cdrNow?: number | undefined;
  /** False: the build has no phonebooks (404). Default true. */
  phonebooks?: boolean | undefined;
}

export interface OriginatedCall {
  tenant: string;
  caller: string;
  callee: string;
  cosId: number;
  /** Epoch milliseconds. */
  at: number;
}

export interface AgentContext {
  state: DemoState;
  seed: number;
  options: AgentOptions;
  now: number;
  data: Map<DemoTenant, TenantAgentData>;
  originated: OriginatedCall[];
}

const INVALID_OPERATION = '{"status":"error","message":"Invalid Operation"}';
const json = (status: number, body: Record<string, Json>) => jsonReply(status, JSON.stringify(body));
const fail = (status: number, message: string) => json(status, { status: 'error', message });

function dataOf(ctx: AgentContext, tenant: DemoTenant): TenantAgentData {
  let d = ctx.data.get(tenant);
  if (!d) {
    d = generateAgentData(tenant, ctx.seed, ctx.options.cdrNow ?? ctx.now);
    ctx.data.set(tenant, d);
  }
  return d;
}

export function agentRoute(
  ctx: AgentContext,
  method: string,
  rest: string[],
  query: URLSearchParams,
  body: Buffer,
  tenant: DemoTenant | null,
): Reply | null {
  const [head, id, sub, ...extra] = rest;
  if (head === 'core' && id === 'click_to_call' && sub === undefined) {
    if (method !== 'POST') return jsonReply(501, INVALID_OPERATION);
    return clickToCall(ctx, body, tenant);
  }
  if (head === 'cdr' && id === undefined) {
    if (method !== 'GET') return jsonReply(501, INVALID_OPERATION);
    return cdr(ctx, query, tenant);
  }
  if (head === 'phonebooks' && extra.length === 0 && (sub === undefined || sub === 'contacts')) {
    if (ctx.options.phonebooks === false) return fail(404, 'Not Found');
    if (method !== 'GET') return jsonReply(501, INVALID_OPERATION);
    return phonebooks(ctx, id, sub, tenant);
  }
  return null;
}

function field(value: unknown): string | null {
  if (typeof value === 'number' && Number.isFinite(value)) return String(value);
  if (typeof value === 'string' && value.trim() !== '') return value.trim();
  return null;
}

function clickToCall(ctx: AgentContext, body: Buffer, tenant: DemoTenant | null): Reply {
  let parsed: unknown;
  try {
    parsed = JSON.parse(body.toString('utf8'));
  } catch {
    return fail(400, 'Invalid JSON body');
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed))
    return fail(400, 'Invalid JSON body');
  const b = parsed as Record<string, unknown>;
  const caller = field(b.caller);
  const callee = field(b.callee);
  if (caller === null) return fail(400, 'The caller field is required');
  if (callee === null) return fail(400, 'The callee field is required');
  const cosRaw = b.cos_id ?? 1;
  const cosId = typeof cosRaw === 'string' && /^\d+$/.test(cosRaw) ? Number(cosRaw) : cosRaw;
  if (typeof cosId !== 'number' || !Number.isInteger(cosId) || cosId < 1) {
    return fail(400, 'The cos_id field must be a positive integer');
  }
  if (!/^\+?[0-9*#]{1,32}$/.test(callee)) return fail(400, 'The callee is not a valid number');
  if (!tenant || !ctx.state.mailbox(tenant, caller)) return fail(400, `Caller extension ${caller} not found`);
  ctx.originated.push({ tenant: String(tenant.id), caller, callee, cosId, at: Date.now() });
  return json(200, { status: 'success', message: 'Call originated', data: null });
}

function epoch(value: string | null): number | null | undefined {
  if (value === null || value === '') return null;
  // Date strings are not an error on the real server: they silently match nothing.
  return /^\d+$/.test(value) ? Number(value) : undefined;
}

function cdr(ctx: AgentContext, query: URLSearchParams, tenant: DemoTenant | null): Reply {
  const start = epoch(query.get('start_date'));
  const end = epoch(query.get('end_date'));
  let rows = tenant && start !== undefined && end !== undefined ? dataOf(ctx, tenant).cdr : [];
  rows = rows.filter((r) => (!start || r.at >= start) && (!end || r.at <= end));
  const ext = query.get('extensions');
  if (ext && ctx.options.cdrFilter !== 'ignored') rows = rows.filter((r) => r.src === ext || r.dst === ext);
  const limit = Math.min(1000, Math.max(1, Number(query.get('limit')) || 100));
  // Builds that ignore `offset` still honour a 1-based `page`; this demo never reads `offset`.
  const page = ctx.options.cdrPaging === 'ignored' ? 1 : Math.max(1, Number(query.get('page')) || 1);
  const result: Json[] = rows.slice((page - 1) * limit, page * limit).map((r) => r.row);
  let data: Json;
  if (ctx.options.cdrShape === 'array') data = result;
  else if (ctx.options.cdrShape === 'items') data = { items: result, total: rows.length };
  else data = { rows: rows.length, result };
  return json(200, { status: 'success', message: null, data });
}

function phonebooks(
  ctx: AgentContext,
  id: string | undefined,
  sub: string | undefined,
  tenant: DemoTenant | null,
): Reply {
  if (!tenant) return json(200, { status: 'success', data: [] });
  const books = dataOf(ctx, tenant).phonebooks;
  if (id === undefined) {
    const data: JsonBody[] = books.map((b) => ({
      id: b.id,
      name: b.name,
      source_type: b.sourceType,
      contacts: b.contacts.length,
    }));
    return json(200, { status: 'success', data });
  }
  const book = books.find((b) => String(b.id) === id);
  if (!book) return fail(404, 'Phonebook not found');
  if (sub === undefined) return json(200, { status: 'success', data: { id: book.id, name: book.name } });
  return json(200, { status: 'success', data: book.contacts });
}
