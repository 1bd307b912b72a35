/**
 * Controls that only work with JavaScript (the compare picker, the benchmark selects, the metric menu) are built
 * hidden, with data-needs-js; they are shown here, so a reader without JavaScript sees the page's message and its
 * links, never a button that does nothing. Also fills in the page's full address for print.
 */
for (const el of document.querySelectorAll<HTMLElement>('[data-needs-js]')) el.hidden = false;

// on paper, the page's full address (the page itself prints only its path without JavaScript)
const printUrl = document.querySelector('.print-url span');
if (printUrl) printUrl.textContent = location.href;
