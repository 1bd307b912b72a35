/**
 * Which entries of a plans folder are documents, decided before any file is opened: a document is a regular file
 * named <doc_id>.txt, .pdf, .html, .htm or .docx (any case), or a link to one inside the folder. Everything else is named, never skipped
 * silently: hidden files and other kinds of file are skipped with the reason; FIFOs, devices, folders, links that
 * leave the folder and two files giving one document id are refused, each as a failed document with its reason,
 * so that a run never blocks on a FIFO or reads a file it was not given.
 */
import { lstat, readdir, realpath, stat } from 'node:fs/promises';
import { join, relative, sep } from 'node:path';

/** A document to read: its id, its file name in the folder and its path. */
export interface DocumentFile {
  docId: string;
  name: string;
  path: string;
}

/** The entries of a plans folder: documents to read, documents refused (with the reason), entries skipped. */
export interface Listing {
  documents: DocumentFile[];
  refused: (DocumentFile & { reason: string })[];
  skipped: { name: string; path: string; reason: string }[];
}

/** The extension of a document file, in any case. */
const DOCUMENT = /\.(?:txt|pdf|html?|docx)$/i;

/** What kind of file system entry a stat describes, in words, when it is not a regular file. */
function notRegular(s: {
  isDirectory(): boolean;
  isFIFO(): boolean;
  isSocket(): boolean;
  isCharacterDevice(): boolean;
  isBlockDevice(): boolean;
}): string | null {
  if (s.isDirectory()) return 'a folder, not a file / 是文件夹，不是文件';
  if (s.isFIFO()) return 'not a regular file (a FIFO) / 不是普通文件（命名管道）';
  if (s.isSocket()) return 'not a regular file (a socket) / 不是普通文件（套接字）';
  if (s.isCharacterDevice() || s.isBlockDevice())
    return 'not a regular file (a device) / 不是普通文件（设备）';
  return null;
}

/** Lists a plans folder (sorted by name), deciding for each entry whether it is read, refused or skipped. */
export async function listDocuments(dir: string): Promise<Listing> {
  let raw: Buffer[];
  try {
    // names as bytes: a name that is not UTF-8 (a GBK name from a zip) would otherwise become a path to nothing
    raw = await readdir(dir, { encoding: 'buffer' });
  } catch (e) {
    throw new Error(`cannot read the plans folder ${dir}: ${(e as Error).message}`);
  }
  const root = await realpath(dir);
  const listing: Listing = { documents: [], refused: [], skipped: [] };
  const names: string[] = [];
  for (const bytes of raw) {
    const name = utf8(bytes);
    if (name === null) {
      const shown = bytes.toString('latin1');
      listing.skipped.push({
        name: shown,
        path: join(dir, shown),
        reason: `the file name is not UTF-8 (bytes ${bytes.toString('hex')}); rename it / 文件名不是 UTF-8 编码，请重命名`,
      });
    } else names.push(name);
  }
  names.sort();
  const byId = new Map<string, DocumentFile[]>();
  for (const name of names) {
    const path = join(dir, name);
    if (name.startsWith('.')) {
      listing.skipped.push({ name, path, reason: 'a hidden file / 隐藏文件，已跳过' });
      continue;
    }
    if (/\.doc$/i.test(name)) {
      listing.skipped.push({
        name,
        path,
        reason:
          'a Word 97–2003 (.doc) file is not read (no maintained reader): save it as .docx / .doc 文件无法读取，请另存为 .docx',
      });
      continue;
    }
    if (!DOCUMENT.test(name)) {
      listing.skipped.push({
        name,
        path,
        reason: 'not a .txt, .pdf, .html or .docx document / 非 .txt、.pdf、.html 或 .docx 文件，已跳过',
      });
      continue;
    }
    const file = { docId: name.replace(/\.[^.]+$/, ''), name, path };
    // an entry that vanished or cannot be looked at is refused by name, not a reason to stop the run
    const why = await refusal(path, root).catch((e: Error) => `cannot be read: ${e.message} / 无法读取`);
    if (why) {
      listing.refused.push({ ...file, reason: why });
      continue;
    }
    byId.set(file.docId, [...(byId.get(file.docId) ?? []), file]);
  }
  for (const [docId, files] of byId) {
    if (files.length === 1) listing.documents.push(files[0]!);
    else
      listing.refused.push({
        ...files[0]!,
        docId,
        reason: `${files.map((f) => f.name).join(' and ')} give the same document id “${docId}”; neither is read / 多个文件对应同一文件编号，均未读取`,
      });
  }
  listing.documents.sort((a, b) => (a.name < b.name ? -1 : 1));
  return listing;
}

/** A file name's bytes as UTF-8, or null when they are not. */
function utf8(bytes: Buffer): string | null {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return null;
  }
}

/**
 * Why an entry cannot be read as a file (a document or a sidecar), or null when it can: it must be a regular file,
 * or a link to one inside `root`.
 */
export async function refusal(path: string, root: string): Promise<string | null> {
  const own = await lstat(path);
  if (own.isSymbolicLink()) {
    const target = await realpath(path).catch(() => null);
    if (!target) return 'a link to nothing (its target does not exist) / 链接的目标不存在';
    if (!target.startsWith(root + sep))
      return `a link to a file outside the plans folder (${relative(root, target)}) / 指向文件夹之外的链接，未读取`;
    return notRegular(await stat(target));
  }
  return notRegular(own);
}
