// The sync state before any profile is active: the core starts from it and the window shows it
// until the core's first state arrives. A module of its own, free of zod, so the renderer bundle
// can import it.
import type { SyncState } from './contract.js';

export const IDLE_SYNC: Readonly<SyncState> = Object.freeze({
  seq: 0,
  profileId: null,
  status: 'unknown',
  syncedAt: null,
  checkedAt: null,
  changes: null,
  extensionCount: 0,
  progress: null,
  lastError: null,
  recovered: null,
});
