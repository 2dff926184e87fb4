// Setup of the renderer specs' DOM (happy-dom): the core these specs run beside is Node code, and
// Node's fileURLToPath accepts only Node's own URL class, which happy-dom's global replaces.
import { URL as NodeURL, URLSearchParams as NodeURLSearchParams } from 'node:url';

globalThis.URL = NodeURL as unknown as typeof URL;
globalThis.URLSearchParams = NodeURLSearchParams as unknown as typeof URLSearchParams;
