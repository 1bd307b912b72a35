/** The document charts are drawn on at build time: linkedom's, with no side effect on import. */
import { parseHTML } from 'linkedom';

/** A new empty linkedom document to draw charts on at build time (charts.ts's `document` option). */
export const ssrDocument = (): Document =>
  parseHTML('<!doctype html><html><body></body></html>').document as unknown as Document;
