import { type FileHandle, open } from 'node:fs/promises';
import { fileErrorMessage, InputError } from './errors.ts';

/**
 * Opens a file for reading, or throws an InputError naming the path and the flag it came from: a missing,
 * unreadable or directory path is one line, never a stack trace.
 */
export async function openInputFile(path: string, flag?: string): Promise<FileHandle> {
  let handle: FileHandle | undefined;
  try {
    handle = await open(path, 'r');
    if ((await handle.stat()).isDirectory()) {
      throw Object.assign(new Error('is a directory'), { code: 'EISDIR', path });
    }
    return handle;
  } catch (error) {
    await handle?.close();
    const message = fileErrorMessage(error, path) ?? `Cannot read ${path}: ${(error as Error).message}.`;
    throw new InputError(
      flag ? message.replace(/Check the path\.$/, `Check the path given to ${flag}.`) : message,
    );
  }
}

/** Reads a whole text file (UTF-8, a byte-order mark dropped), with the same one-line error. */
export async function readInputText(path: string, flag?: string): Promise<string> {
  const handle = await openInputFile(path, flag);
  try {
    return stripBom(await handle.readFile('utf8'));
  } finally {
    await handle.close();
  }
}

/** Drops a UTF-8 byte-order mark (Excel and some exports start files with one). */
export function stripBom(text: string): string {
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}
