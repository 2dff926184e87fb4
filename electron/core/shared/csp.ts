// The renderer's Content-Security-Policy, served by the Electron shell (app://bundle) and by the
// browser host alike. The renderer needs no network (all PBX traffic goes through the core), no
// inline script or style, and plays voicemail from blob: URLs. renderer/index.html repeats it in
// a <meta> tag (minus frame-ancestors, which a <meta> cannot set); a test keeps the two equal.
export const CSP_DIRECTIVES = [
  "default-src 'none'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data:",
  "media-src 'self' blob:",
  "connect-src 'self'",
  "font-src 'self'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
] as const;

export const CSP = CSP_DIRECTIVES.join('; ');
