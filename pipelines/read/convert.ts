/**
 * Documents that are not plain text, converted to text before they are read: a Word file (.docx) through mammoth,
 * a PDF through pdf.js (with where each page starts, so spans are cited to pages). Text and web pages are decoded
 * from their bytes by readPlan instead.
 */
import { docxText } from './docx.ts';
import { pdfText } from './pdf.ts';

/** A converted document: its text, what it was converted from, and for a PDF its pages. */
export interface Converted {
  text: string;
  encoding: 'docx' | 'pdf';
  /** the offset where each page starts in `text` (PDF only) */
  pageStarts?: number[];
  /** pages with no text (1-based; PDF only) */
  emptyPages?: number[];
}

/** The text of a .docx or .pdf file (by its name), or null for a document read from its bytes. */
export async function convert(name: string, bytes: Uint8Array): Promise<Converted | null> {
  if (/\.docx$/i.test(name)) return { text: await docxText(bytes), encoding: 'docx' };
  if (/\.pdf$/i.test(name)) {
    const { text, pageStarts, emptyPages } = await pdfText(bytes);
    return { text, encoding: 'pdf', pageStarts, emptyPages };
  }
  return null;
}

/** The page (1-based) an offset falls on, given where each page starts. */
export function pageAt(pageStarts: readonly number[], offset: number): number {
  let lo = 0;
  let hi = pageStarts.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (pageStarts[mid]! <= offset) lo = mid;
    else hi = mid - 1;
  }
  return lo + 1;
}
