// One voicemail player: fetches a message's WAV through the core (which decodes GSM and caches),
// plays it with howler from a Blob URL, and exposes phase, position, duration and rate as runes.
// howler runs in HTML5 Audio mode on purpose: the CSP allows `media-src blob:` but `connect-src`
// only 'self', and Web Audio mode would XHR the blob URL and be blocked. Only one player sounds
// at a time across the app.
import { Howl } from 'howler';
import type { AppErrorData } from '../../../electron/core/shared/errors.js';
import { bridge } from './bridge.js';
import { errorMessage } from './errors-ui.js';
import { t } from './i18n.svelte.js';
import { clampSeek } from './voicemail-format.js';

export type PlayerPhase = 'idle' | 'fetching' | 'decoding' | 'ready' | 'error';

/** Why the player stopped: the core's answer, or the media element's code (kept as data and
 *  worded when shown, so the text follows the window's language). */
export type PlayerError = { core: AppErrorData } | { code: 'AUDIO_DECODE' | 'AUDIO_PLAY'; media: unknown };

export function playerErrorText(e: PlayerError): { title: string; message: string } {
  if ('core' in e) {
    const title =
      e.core.code === 'AUDIO_UNAVAILABLE'
        ? t('player.notOffline')
        : e.core.code === 'NOT_FOUND'
          ? t('player.notFound')
          : t('player.cannotLoad');
    return { title, message: errorMessage(e.core) };
  }
  return { title: t('player.cannotPlay'), message: mediaError(e.media) };
}

// howler frees an HTML5 Audio node by pointing it at a data: URI, which the CSP (media-src 'self'
// blob:) blocks and reports as a violation. Removing the source and calling load() is the HTML way
// to abort a media resource and needs no CSP exception.
(Howl.prototype as unknown as { _clearSound(node: HTMLMediaElement): void })._clearSound = (node) => {
  node.removeAttribute('src');
  node.load();
};

/** The player that is sounding now: starting another pauses it. */
const audible: { player: VoicemailPlayer | null } = { player: null };

function mediaError(code: unknown): string {
  // howler passes the MediaError code (1 aborted, 2 network, 3 decode, 4 not supported) or text.
  if (code === 3 || code === 4) return t('player.decodeFailed');
  if (code === 2) return t('player.readFailed');
  return t('player.playFailed', { code: String(code) });
}

export class VoicemailPlayer {
  phase = $state<PlayerPhase>('idle');
  key = $state<string | null>(null);
  playing = $state(false);
  ended = $state(false);
  position = $state(0);
  duration = $state(0);
  rate = $state(1);
  fromCache = $state(false);
  /** Where the audio came from, as the core reports it ('pcm16', 'gsm', 'mulaw', 'alaw'). */
  format = $state<string | null>(null);
  error = $state<PlayerError | null>(null);
  /** The playable WAV of the loaded message, for "save as" in the browser host. */
  wav: Uint8Array | null = null;

  #howl: Howl | null = null;
  #url: string | null = null;
  #frame = 0;
  #token = 0;
  /** Called with the message's key when it has played to its end. */
  onended: ((key: string) => void) | null = null;

  /** Fetches and prepares a message; plays it at once with `autoplay`. False if it failed or was
   *  superseded by another load. */
  async load(
    extensionId: string,
    key: string,
    opts: { autoplay?: boolean; durationHint?: number | undefined } = {},
  ) {
    this.unload();
    const token = ++this.#token;
    this.key = key;
    this.phase = 'fetching';
    this.duration = opts.durationHint ?? 0;
    const r = await bridge.voicemail.audio({ extensionId, key });
    if (token !== this.#token) return false;
    if (!r.ok) return this.#fail({ core: r.error });
    this.phase = 'decoding';
    this.wav = r.data.wav;
    this.fromCache = r.data.fromCache;
    this.format = r.data.format;
    this.duration = r.data.durationSec || this.duration;
    const bytes = r.data.wav;
    const url = URL.createObjectURL(new Blob([bytes.slice().buffer], { type: 'audio/wav' }));
    this.#url = url;
    const ok = await new Promise<boolean>((resolve) => {
      this.#howl = new Howl({
        src: [url],
        format: ['wav'],
        html5: true,
        preload: true,
        rate: this.rate,
        onload: () => resolve(true),
        onloaderror: (_id, code) => {
          this.#fail({ code: 'AUDIO_DECODE', media: code });
          resolve(false);
        },
        onplayerror: (_id, code) => this.#fail({ code: 'AUDIO_PLAY', media: code }),
        onplay: () => this.#onPlay(),
        onpause: () => this.#stopped(),
        onstop: () => this.#stopped(),
        onend: () => {
          this.ended = true;
          this.#stopped();
          const key = this.key;
          if (key) this.onended?.(key);
        },
        onseek: () => this.#readPosition(),
      });
    });
    if (token !== this.#token || !ok) return false;
    const d = this.#howl?.duration() ?? 0;
    if (d > 0) this.duration = d;
    this.phase = 'ready';
    if (opts.autoplay) this.play();
    return true;
  }

  #fail(error: PlayerError): false {
    this.#release();
    this.phase = 'error';
    this.playing = false;
    this.error = error;
    return false;
  }

  #onPlay(): void {
    if (audible.player && audible.player !== this) audible.player.pause();
    audible.player = this;
    this.playing = true;
    this.ended = false;
    const tick = () => {
      this.#readPosition();
      if (this.playing) this.#frame = requestAnimationFrame(tick);
    };
    cancelAnimationFrame(this.#frame);
    this.#frame = requestAnimationFrame(tick);
  }

  #stopped(): void {
    this.playing = false;
    cancelAnimationFrame(this.#frame);
    this.#readPosition();
  }

  #readPosition(): void {
    // At the end howler rewinds the element (seek() reads 0) and may still report a pause or a
    // seek: the position stays at the end, so "Finished" shows the length, not 0:00.
    if (this.ended) {
      this.position = this.duration;
      return;
    }
    const s = this.#howl?.seek();
    if (typeof s === 'number' && Number.isFinite(s)) this.position = s;
  }

  play(): void {
    if (!this.#howl || this.phase !== 'ready' || this.#howl.playing()) return;
    if (this.ended) {
      this.ended = false;
      this.#howl.seek(0);
    }
    this.#howl.play();
  }

  pause(): void {
    this.#howl?.pause();
  }

  toggle(): void {
    if (this.playing) this.pause();
    else this.play();
  }

  seek(seconds: number): void {
    if (!this.#howl || this.phase !== 'ready') return;
    const to = clampSeek(seconds, this.duration);
    this.ended = false;
    this.#howl.seek(to);
    this.position = to;
  }

  seekBy(delta: number): void {
    this.seek(this.position + delta);
  }

  setRate(rate: number): void {
    this.rate = rate;
    this.#howl?.rate(rate);
  }

  #release(): void {
    cancelAnimationFrame(this.#frame);
    if (this.#howl) {
      this.#howl.off();
      this.#howl.unload();
      this.#howl = null;
    }
    if (this.#url) URL.revokeObjectURL(this.#url);
    this.#url = null;
    if (audible.player === this) audible.player = null;
  }

  /** Stops and frees the audio; a load still in flight is abandoned. */
  unload(): void {
    this.#token++;
    this.#release();
    this.wav = null;
    this.key = null;
    this.phase = 'idle';
    this.playing = false;
    this.ended = false;
    this.position = 0;
    this.duration = 0;
    this.format = null;
    this.error = null;
  }
}
