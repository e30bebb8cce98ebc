/** Which playbook a command ran with: recorded in the run so `runs`, the report and a resume can say it. */
export type PlaybookSource =
  | { kind: 'built-in' }
  | { kind: 'file'; path: string }
  | {
      kind: 'portal';
      server: string;
      portal: number;
      /** 0: the backend's embedded default (the portal saved none yet). */
      version: number;
      savedBy: string | null;
      savedAt: number | null;
    };

/** One line for people: which playbook, which version, from where. */
export function describePlaybookSource(source: PlaybookSource): string {
  if (source.kind === 'built-in') return 'the built-in example playbook';
  if (source.kind === 'file') return `the playbook file ${source.path}`;
  if (source.version === 0)
    return `portal ${source.portal}'s playbook from ${source.server}: none saved yet, so the backend's default (version 0)`;
  const when = source.savedAt ? ` on ${new Date(source.savedAt).toISOString().slice(0, 10)}` : '';
  const who = source.savedBy ? ` by ${source.savedBy}` : '';
  return `portal ${source.portal}'s playbook version ${source.version} (saved${who}${when}) from ${source.server}`;
}
