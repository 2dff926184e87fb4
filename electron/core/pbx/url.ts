// PBX addresses: normalising what a user types into a base URL (origin + optional prefix, never
// /api/v2), and building the API and audio URLs from it without letting PBX data redirect the
// app key to another host.
import { AppError } from '../app-error.js';

export const API_PREFIX = '/api/v2';

function invalidAddress(input: string): AppError {
  const shown = input.length > 80 ? `${input.slice(0, 80)}…` : input;
  return new AppError(
    'INVALID_REQUEST',
    `"${shown}" is not a valid PBX address; enter it like https://pbx.example.com or 10.0.0.5:3500.`,
  );
}

/**
 * Accepts 'pbx.example.com', '10.0.0.5:3500', 'https://host:3500/', 'https://host/api/v2/...',
 * 'https://host/prefix/api/v2' and returns 'scheme://host[:port][/prefix]' (https when no scheme
 * was typed). Throws INVALID_REQUEST for anything that is not an http(s) address.
 */
export function normalizeBaseUrl(input: string): string {
  const trimmed = input.trim();
  if (trimmed === '' || /\s/.test(trimmed)) throw invalidAddress(input);
  const withScheme = /^[a-z][a-z0-9+.-]*:\/\//i.test(trimmed) ? trimmed : `https://${trimmed}`;
  let url: URL;
  try {
    url = new URL(withScheme);
  } catch {
    throw invalidAddress(input);
  }
  if ((url.protocol !== 'https:' && url.protocol !== 'http:') || url.hostname === '') {
    throw invalidAddress(input);
  }
  // Credentials in the address would be sent to the PBX and stored in the profile: refuse them.
  if (url.username !== '' || url.password !== '') throw invalidAddress(input);
  let path = url.pathname.replace(/\/+$/, '');
  const api = path.toLowerCase().indexOf(API_PREFIX);
  if (api !== -1 && (path.length === api + API_PREFIX.length || path[api + API_PREFIX.length] === '/')) {
    path = path.slice(0, api);
  }
  path = path.replace(/\/+$/, '');
  return `${url.protocol}//${url.host}${path}`;
}

/** The API URL for `path` ('/extensions/7'); every dynamic segment must already be encoded. */
export function apiUrl(base: string, path: string): URL {
  return new URL(`${base}${API_PREFIX}${path}`);
}

export function segment(value: string): string {
  return encodeURIComponent(value);
}

/**
 * The URL of a voicemail audio file: `base + recfile` for a server path, or the recfile itself
 * when it is an absolute http(s) URL on the profile's own origin (scheme, host and port). Any
 * other target is refused (AUDIO_LINK_REFUSED): the app key travels with the request, so PBX data
 * must not send it to another host, to another service on the PBX host (another port escapes the
 * pinned certificate's service), or over plain HTTP from an https profile.
 */
export function audioUrl(base: string, recfile: string): URL {
  const ref = recfile.trim();
  const origin = new URL(base).origin;
  let url: URL;
  if (/^https?:\/\//i.test(ref)) {
    try {
      url = new URL(ref);
    } catch {
      throw refusedAudioLink();
    }
  } else {
    if (ref === '' || /^[a-z][a-z0-9+.-]*:/i.test(ref)) throw refusedAudioLink();
    // String concatenation, not URL resolution, so a '//other-host/...' recfile stays a path.
    url = new URL(`${base}${ref.startsWith('/') ? '' : '/'}${ref}`);
  }
  if (url.origin !== origin) throw refusedAudioLink();
  return url;
}

function refusedAudioLink(): AppError {
  return new AppError('AUDIO_LINK_REFUSED', undefined, { detail: { reason: 'audio-link' } });
}
