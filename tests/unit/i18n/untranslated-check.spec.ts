// The untranslated-text check (ESLint, in eslint.config.js) fails on each way English can be
// written past the catalogue, and passes the same code written with t(). `npm test` runs ESLint
// over the real sources; this proves the rule it runs can fail.
import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

const eslint = new ESLint({ cwd: new URL('../../..', import.meta.url).pathname });
const RULE = 'no-restricted-syntax';

async function problems(code: string, filePath: string): Promise<number> {
  const [result] = await eslint.lintText(code, { filePath });
  return result!.messages.filter((m) => m.ruleId === RULE).length;
}

const svelte = (markup: string, script = '') =>
  `<script lang="ts">\n  import { t } from '../lib/i18n.svelte.js';\n  ${script}\n</script>\n\n${markup}\n`;
const COMPONENT = 'renderer/src/components/Planted.svelte';

describe('untranslated text in the window', () => {
  it.each([
    ['text', svelte('<p>Sync now</p>')],
    ['a title', svelte(`<button title="Read the whole message">{t('status.details')}</button>`)],
    ['an aria-label', svelte(`<button aria-label="Close">x</button>`)],
    ['a placeholder', svelte(`<input placeholder="Paste the app key" />`)],
    ['a string in an expression', svelte(`<p>{'Nothing synced yet'}</p>`)],
    ['a sentence in the script', svelte('<p>{text}</p>', `const text = 'Key kept for this session';`)],
    ['a template literal', svelte('<p>{text}</p>', 'const n = 2; const text = `${n} new messages`;')],
  ])('fails on %s', async (_what, code) => {
    expect(await problems(code, COMPONENT)).toBeGreaterThan(0);
  });

  it('passes the same texts from the catalogue, and data that is not words', async () => {
    const code = svelte(
      `<p class="muted small">{t('status.syncNow')}</p>
<button title={t('status.detailsHint')} aria-label={t('common.close')}>✕</button>
<input placeholder={t('common.pasteAppKey')} />
<span>{n} · {n}</span>`,
      'const n = 2;',
    );
    expect(await problems(code, COMPONENT)).toBe(0);
  });

  it('fails on a sentence in a renderer module', async () => {
    expect(
      await problems(`export const note = 'Marked as listened.';\n`, 'renderer/src/lib/planted.ts'),
    ).toBe(1);
  });
});

describe('untranslated text in the main process', () => {
  const MAIN = 'electron/main/planted.ts';
  it.each([
    ['a menu label', `export const item = { id: 'quit', label: 'Quit' };\n`],
    ['a notification body', 'const n = 2;\nexport const notice = { title: `${n} new voicemails` };\n'],
    ['a tray tooltip', `declare const tray: { setToolTip(s: string): void };\ntray.setToolTip('Online');\n`],
  ])('fails on %s', async (_what, code) => {
    expect(await problems(code, MAIN)).toBeGreaterThan(0);
  });

  it('leaves log lines alone', async () => {
    expect(await problems(`console.warn('no system tray: the window will close normally');\n`, MAIN)).toBe(0);
  });
});
