// The one IPC channel the main process pushes events on ({ event, payload } messages), shared by
// the preload and the main process so the two cannot drift apart.
export const EVENT_CHANNEL = 'vpbx:event';

export interface EventMessage {
  event: string;
  payload: unknown;
}
