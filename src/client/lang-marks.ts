/**
 * On English pages, marks the Chinese the browser adds (county names in the compare tables, Pagefind's excerpts,
 * the citation line) lang="zh-CN", so that screen readers and fonts read it as Chinese: once over the page, then
 * over every part added later. Chinese pages need nothing.
 */
import { markChineseRuns } from '../lib/mixed.ts';

if (document.documentElement.lang === 'en') {
  markChineseRuns(document.body);
  new MutationObserver((changes) => {
    for (const c of changes)
      for (const n of c.addedNodes) {
        if (n.nodeType === 1) markChineseRuns(n as Element);
        else if (n.nodeType === 3 && n.parentElement) markChineseRuns(n.parentElement);
      }
  }).observe(document.body, { childList: true, subtree: true });
}
