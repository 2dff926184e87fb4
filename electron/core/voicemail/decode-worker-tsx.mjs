// Starts decode-worker.ts from the TypeScript sources (the browser host and the tests run under
// tsx, and a worker thread does not inherit its loader). The built app loads the bundled
// voicemail-worker.cjs instead; both run the same decode-worker.ts.
import { register } from 'tsx/esm/api';

register();
await import('./decode-worker.ts');
