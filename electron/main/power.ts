// Tells the core when the directory may have gone out of date while the app could not see
// it: the machine woke from sleep or the screen was unlocked. (The window's own visibility and
// the network coming back reach the core from the renderer, in both hosts alike.)
import { powerMonitor } from 'electron';
import type { NudgeReason } from '../core/shared/contract.js';

export function watchPower(nudge: (reason: NudgeReason) => Promise<unknown>): () => void {
  const resume = () => void nudge('resume').catch(() => {});
  const unlock = () => void nudge('unlock').catch(() => {});
  powerMonitor.on('resume', resume);
  powerMonitor.on('unlock-screen', unlock);
  return () => {
    powerMonitor.off('resume', resume);
    powerMonitor.off('unlock-screen', unlock);
  };
}
