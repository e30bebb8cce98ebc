/**
 * Input that cannot be read as given (a missing file, broken CSV quoting): one sentence naming the path
 * and the fix. The CLI prints it without a stack trace and exits 1.
 */
export class InputError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'InputError';
  }
}

const REASONS: Record<string, string> = {
  ENOENT: 'no such file',
  EACCES: 'permission denied',
  EPERM: 'permission denied',
  EISDIR: 'it is a directory, not a file',
  ENOTDIR: 'a part of the path is not a directory',
  ELOOP: 'too many symbolic links',
  ENAMETOOLONG: 'the name is too long',
};

/** The one line for a file that cannot be opened, or undefined when `error` is not a file-system error. */
export function fileErrorMessage(error: unknown, fallbackPath?: string): string | undefined {
  const failure = error as NodeJS.ErrnoException | null;
  const code = failure?.code;
  if (!code || !(code in REASONS)) return undefined;
  const path = failure?.path ?? fallbackPath;
  if (!path) return undefined;
  return `Cannot read ${path}: ${REASONS[code]}. Check the path.`;
}
