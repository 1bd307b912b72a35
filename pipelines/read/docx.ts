/**
 * A Word document (.docx) as text: mammoth (BSD-2-Clause, maintained, pure JavaScript) turns it into HTML with
 * its paragraphs, headings, lists and tables, and html.ts turns that into lines as it does a web page's article:
 * a paragraph per line, a table row per line with its cells apart (tabs). Images, comments and styles carry no
 * text and are left out. A file that is not a .docx (a renamed .doc, a damaged zip) is refused by name.
 */
import mammoth from 'mammoth';
import { htmlLines } from './html.ts';

/** The text of a .docx: its paragraphs and table rows as lines. */
export async function docxText(bytes: Uint8Array): Promise<string> {
  let html: string;
  try {
    ({ value: html } = await mammoth.convertToHtml({ buffer: Buffer.from(bytes) }));
  } catch (e) {
    throw new Error(
      `not a readable .docx (Word 2007 or later) file: ${(e as Error).message} / 无法读取的 .docx 文件`,
    );
  }
  return `${htmlLines(html).join('\n')}\n`;
}
