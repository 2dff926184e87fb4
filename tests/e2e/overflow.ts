// What the layout checks look for: anything clipped, sticking out or wrapping in the toolbar and
// the status bar, and a page that scrolls. Shared by the layout and the translation specs.
import type { Page } from '@playwright/test';

/**
 * Everything that overflows: controls of the toolbar and status bar outside their bar or the
 * viewport, text cut inside a control, toolbar rows that wrap, a page wider or taller than the
 * window.
 */
export async function overflowProblems(page: Page): Promise<string[]> {
  // (The e2e project has no DOM typings: the page's document is reached through the root element.)
  return page.locator('html').evaluate((root) => {
    const document = root.ownerDocument;
    const out: string[] = [];
    const vw = document.documentElement.clientWidth;
    const vh = document.documentElement.clientHeight;
    const name = (el: typeof root) =>
      `${el.tagName.toLowerCase()}${el.getAttribute('aria-label') ? `[${el.getAttribute('aria-label')}]` : ''}` +
      ` "${(el.textContent ?? '').trim().slice(0, 30)}"`;
    if (document.documentElement.scrollWidth > vw) out.push('the page scrolls sideways');
    if (document.documentElement.scrollHeight > vh) out.push('the page scrolls down');
    for (const bar of document.querySelectorAll('header.bar, footer.status')) {
      const b = bar.getBoundingClientRect();
      if (b.right > vw + 0.5 || b.bottom > vh + 0.5 || b.left < 0 || b.top < 0)
        out.push(`${bar.tagName} outside the window`);
      if (bar.scrollWidth > bar.clientWidth + 1) out.push(`${bar.tagName} content wider than the bar`);
      const controls = [...bar.querySelectorAll<typeof root>('button, select, input, label')].filter(
        (el) =>
          el.offsetParent !== null && !el.closest('[popover]') && !el.classList.contains('visually-hidden'),
      );
      const tops = new Set<number>();
      for (const el of controls) {
        const r = el.getBoundingClientRect();
        if (
          r.left < b.left - 0.5 ||
          r.right > b.right + 0.5 ||
          r.top < b.top - 0.5 ||
          r.bottom > b.bottom + 0.5
        )
          out.push(`${name(el)} sticks out of ${bar.tagName}`);
        if (el.scrollWidth > el.clientWidth + 1 && el.tagName !== 'INPUT' && el.tagName !== 'SELECT')
          out.push(`${name(el)} has its text cut`);
        if (el.tagName === 'BUTTON' && r.height > 40) out.push(`${name(el)} wraps (${r.height}px high)`);
        tops.add(Math.round(r.top + r.height / 2));
      }
      const centres = [...tops];
      if (centres.length > 0 && Math.max(...centres) - Math.min(...centres) > 4)
        out.push(`${bar.tagName} wraps onto two rows`);
    }
    return out;
  });
}
