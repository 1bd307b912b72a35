/**
 * On an embed page inside another site's iframe: tells the host page how tall the content is, whenever it changes
 * (a chart drawn, a disclosure opened, the phone turned), so that the snippet's lines (embed.ts iframe) can fit the
 * iframe to it. Only a number is sent.
 */
if (window.parent !== window && location.pathname.includes('/embed/')) {
  const report = () => {
    const style = getComputedStyle(document.body);
    const height =
      document.body.getBoundingClientRect().height +
      parseFloat(style.marginTop) +
      parseFloat(style.marginBottom);
    window.parent.postMessage({ planAtlasHeight: Math.ceil(height) }, '*');
  };
  new ResizeObserver(report).observe(document.body);
}
