// Finds English left on a translated screen: every word of the English catalogue that neither the
// Spanish nor the Portuguese catalogue uses (so "PBX", "SIP" or "VitalPBX" never count), looked
// for in the page's text and in the attributes a user hears or sees (title, aria-label,
// placeholder, aria-valuetext).
import type { Page } from '@playwright/test';
import en from '../../electron/core/shared/i18n/locales/en.json' with { type: 'json' };
import es from '../../electron/core/shared/i18n/locales/es.json' with { type: 'json' };
import pt from '../../electron/core/shared/i18n/locales/pt-BR.json' with { type: 'json' };

type Tree = { [key: string]: string | string[] | Tree };
function words(tree: Tree, into = new Set<string>()): Set<string> {
  for (const v of Object.values(tree)) {
    if (typeof v === 'string' || Array.isArray(v)) {
      for (const text of [v].flat()) {
        // Placeholders are not words of the sentence.
        for (const w of text.replace(/\{\{[^}]*\}\}/g, ' ').match(/\p{L}{4,}/gu) ?? [])
          into.add(w.toLowerCase());
      }
    } else words(v, into);
  }
  return into;
}

const translated = new Set([...words(es as Tree), ...words(pt as Tree)]);
/** English-only words of the catalogue. The CLI's help is left out: it names options, not UI. */
export const ENGLISH_ONLY = new Set(
  [...words({ ...(en as Tree), cli: {} })].filter((w) => !translated.has(w)),
);

/**
 * English words the user can read on the page now. `data` lists words that come from the PBX's
 * own data (people's and queues' names), which no catalogue translates.
 */
export async function englishOnScreen(page: Page, data: readonly string[] = []): Promise<string[]> {
  const text = await page.locator('html').evaluate((root) => {
    const document = root.ownerDocument;
    const parts: string[] = [document.body.innerText];
    for (const el of document.querySelectorAll('[title], [aria-label], [placeholder], [aria-valuetext]')) {
      for (const a of ['title', 'aria-label', 'placeholder', 'aria-valuetext'])
        parts.push(el.getAttribute(a) ?? '');
    }
    // Open popovers and dialogs are in the top layer; innerText covers them while they show.
    return parts.join('\n');
  });
  const allowed = new Set(data.map((w) => w.toLowerCase()));
  const found = new Set<string>();
  for (const w of text.match(/\p{L}{4,}/gu) ?? []) {
    const lower = w.toLowerCase();
    if (ENGLISH_ONLY.has(lower) && !allowed.has(lower)) found.add(w);
  }
  return [...found].sort();
}
