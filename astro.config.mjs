// @ts-check
import { defineConfig } from 'astro/config';

// Static output only: every page is pre-rendered HTML readable without JavaScript.
export default defineConfig({
  output: 'static',
  trailingSlash: 'always',
  build: { format: 'directory' },
  i18n: {
    defaultLocale: 'zh-CN',
    locales: ['zh-CN', 'en'],
    routing: { prefixDefaultLocale: false },
  },
  devToolbar: { enabled: false },
  // Every page and worker may connect to this site only: no CDN, no fonts or analytics from elsewhere, and a
  // statement that slipped past the SQL console's checks could not reach another host. DuckDB-WASM and Pagefind
  // compile WebAssembly ('wasm-unsafe-eval'); the DuckDB worker starts from a blob: URL so that this policy is its
  // own. Styles allow inline: Plot's SVGs carry style attributes and <style> elements.
  security: {
    csp: {
      directives: [
        "default-src 'self'",
        "connect-src 'self'",
        "worker-src 'self' blob:",
        "img-src 'self' data: blob:",
        "font-src 'self'",
        "frame-src 'self'",
        "object-src 'none'",
        "base-uri 'self'",
        "form-action 'self'",
      ],
      scriptDirective: { resources: ["'self'", "'wasm-unsafe-eval'"] },
      styleDirective: { resources: ["'self'", "'unsafe-inline'"] },
    },
  },
});
