// Playbook issues as every check reports them. No zod here: zod's findings are turned into these in zod-issues.ts.

/** One problem in a playbook: where it is and what to do about it. */
export interface PlaybookIssue {
  source: string;
  /** e.g. `personas[2].match.functions[0]`; empty for the file as a whole. */
  path: string;
  message: string;
  /** `source › path: message`, ready to print. */
  text: string;
}

export type PathKey = string | number;

export function pathText(path: readonly PropertyKey[]): string {
  return path
    .map((key, index) => (typeof key === 'number' ? `[${key}]` : `${index === 0 ? '' : '.'}${String(key)}`))
    .join('');
}

export function issue(source: string, path: readonly PropertyKey[], message: string): PlaybookIssue {
  const where = pathText(path);
  return { source, path: where, message, text: `${source} › ${where || '(file)'}: ${message}` };
}
