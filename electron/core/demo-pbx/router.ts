// Answers one demo PBX request as VitalPBX API v2 does: authentication by `app-key` (global or
// tenant-bound), tenant filtering (an unknown tenant is an empty 200, not an error), the six
// Extensions endpoints, the voicemail message endpoints and the `/static/<token>/` audio.
import type { IncomingMessage } from 'node:http';
import { findClip } from './audio-catalog.js';
import type { AudioLibrary } from './audio.js';
import { htmlReply, jsonReply, type Reply } from './faults.js';
import type { ListVersions } from './list-validators.js';
import { type DemoExtension, type DemoTenant, parseMsgName, renderVoicemail } from './model.js';
import { apachePage } from './pages.js';
import type { Json } from './reference.js';
import type { DemoState } from './state.js';
import { type AgentContext, agentRoute } from './routes-agent.js';

export type BadKeyMode = 'json401' | 'html403' | 'status200';

export interface RouterContext {
  state: DemoState;
  audio: AudioLibrary;
  badKeyMode: BadKeyMode;
  agent: AgentContext;
  versions: ListVersions;
}

const INVALID_KEY = '{"status":"error","message":"Invalid app key"}';
const INVALID_OPERATION = '{"status":"error","message":"Invalid Operation"}';

function header(req: IncomingMessage, name: string): string | undefined {
  const v = req.headers[name];
  return Array.isArray(v) ? v[0] : v;
}

const json = (body: Record<string, Json>, chunked = false) => jsonReply(200, JSON.stringify(body), chunked);
const notFoundJson = (message: string) => jsonReply(404, JSON.stringify({ status: 'error', message }));

function badKey(mode: BadKeyMode): Reply {
  if (mode === 'html403') return htmlReply(403, apachePage(403));
  return jsonReply(mode === 'json401' ? 401 : 200, INVALID_KEY);
}

export function route(ctx: RouterContext, req: IncomingMessage, path: string, body = Buffer.alloc(0)): Reply {
  const method = req.method ?? 'GET';
  const parts = path.split('/').filter((p) => p !== '');
  if (parts[0] === 'static') return staticAudio(ctx, method, parts);
  if (parts[0] !== 'api' || parts[1] !== 'v2') return htmlReply(404, apachePage(404));

  const auth = ctx.state.authorize(header(req, 'app-key'), header(req, 'tenant'));
  if (!auth.ok) return badKey(ctx.badKeyMode);
  const rest = parts.slice(2);
  if (rest[0] === 'extensions') return extensions(ctx, req, rest.slice(1), auth.tenant);
  if (rest[0] === 'voicemail' && rest.length === 4) return voicemailMessage(ctx, method, rest, auth.tenant);
  const query = new URL(req.url ?? '/', 'http://demo').searchParams;
  return agentRoute(ctx.agent, method, rest, query, body, auth.tenant) ?? notFoundJson('Not Found');
}

function extensions(
  ctx: RouterContext,
  req: IncomingMessage,
  rest: string[],
  tenant: DemoTenant | null,
): Reply {
  const method = req.method ?? 'GET';
  const [idText, sub, ...extra] = rest;
  const known = sub === undefined || ['devices', 'queues', 'cdr_summary', 'voicemail_records'].includes(sub);
  if (extra.length > 0 || !known || (idText !== undefined && !/^\d+$/.test(idText))) {
    return notFoundJson('Not Found');
  }
  if (method !== 'GET' && method !== 'HEAD') return jsonReply(501, INVALID_OPERATION);
  const { state } = ctx;
  if (idText === undefined) {
    if (!tenant) return json({ status: 'success', data: [] }, true);
    return ctx.versions.reply(req, tenant, state.listBody(tenant));
  }
  if (!tenant) {
    // A missing or unknown tenant filters everything out: 200 and no rows, as real servers do.
    if (sub === 'voicemail_records') return json({ status: 'success', data: {} });
    if (sub === 'devices' || sub === 'queues') return json({ status: 'success', message: null, data: [] });
    return json({ status: 'success', data: [] });
  }
  const ext = state.extension(tenant, Number(idText));
  if (!ext) return notFoundJson('Extension not found');
  switch (sub) {
    case undefined:
      return json({ status: 'success', data: [ext.record] }, true);
    case 'devices':
      return json({ status: 'success', message: null, data: ext.devices });
    case 'queues':
      return json({ status: 'success', message: null, data: ext.queues });
    case 'cdr_summary':
      return json({ status: 'success', data: ext.cdr });
    default:
      return json({ status: 'success', data: renderVoicemail(ext, tenant.staticToken) });
  }
}

function voicemailMessage(
  ctx: RouterContext,
  method: string,
  [, mailbox = '', folder = '', msg = '']: string[],
  tenant: DemoTenant | null,
): Reply {
  if (method !== 'POST' && method !== 'DELETE') return jsonReply(501, INVALID_OPERATION);
  const ext: DemoExtension | undefined = tenant ? ctx.state.mailbox(tenant, mailbox) : undefined;
  const msgNum = parseMsgName(msg);
  const done =
    ext !== undefined &&
    msgNum !== null &&
    (method === 'POST'
      ? ctx.state.markListened(ext, folder, msgNum)
      : ctx.state.deleteMessage(ext, folder, msgNum));
  if (!done) return notFoundJson('Message not found');
  return json({ status: 'success', message: method === 'POST' ? 'Message moved to Old' : 'Message deleted' });
}

/** /static/<token>/voicemail/<mailbox>/<folder>/msgNNNN.wav: the token is the authorisation. */
function staticAudio(ctx: RouterContext, method: string, parts: string[]): Reply {
  const notFound = htmlReply(404, apachePage(404));
  const [, token = '', kind, mailbox = '', folder = '', file = '', ...extra] = parts;
  if ((method !== 'GET' && method !== 'HEAD') || kind !== 'voicemail' || extra.length > 0) return notFound;
  const tenant = ctx.state.tenantByToken(token);
  const ext = tenant ? ctx.state.mailbox(tenant, mailbox) : undefined;
  const m = /^(msg\d{4})\.wav$/i.exec(file);
  const msgNum = m?.[1] ? parseMsgName(m[1]) : null;
  const msg = ext?.voicemail.find((v) => v.folder === folder && v.msgNum === msgNum);
  const bytes = msg && findClip(msg.clipId) ? ctx.audio.get(msg.clipId) : undefined;
  if (!bytes) return notFound;
  return { status: 200, headers: { 'Content-Type': 'application/octet-stream' }, body: bytes };
}
