import {
  Alert,
  Button,
  Flex,
  Heading,
  List,
  Select,
  Table,
  TableBody,
  TableCell,
  TableHead,
  TableHeader,
  TableRow,
  Text,
  TextArea,
} from '@hubspot/ui-extensions';
import { applyEdit, type PlaybookChange, roleLabel } from '@rolecall/core';
import { useCallback, useEffect, useState } from 'react';
import {
  type CurrentPlaybookReply,
  diffVersions,
  listVersions,
  restoreVersion,
  savePlaybook,
  type VersionRow,
} from './playbookClient.ts';

export interface PlaybookEditorProps {
  current: CurrentPlaybookReply;
  /** Called after a save or restore with the new current version. */
  onChanged: () => void;
  now?: () => Date;
}

// biome-ignore lint/suspicious/noExplicitAny: the editor walks the playbook document by path
type Doc = any;

const changeLine = (c: PlaybookChange) =>
  c.kind === 'changed'
    ? `${c.path}: ${JSON.stringify(c.before)} → ${JSON.stringify(c.after)}`
    : `${c.path} ${c.kind}`;

/**
 * Edits the portal's playbook where the message owners work: talking points per persona and role, checked
 * on every save by the same schema and cross-checks as `rolecall playbook check` (errors on the field;
 * nothing invalid is sent), each save a new version; versions can be compared and restored.
 */
export function PlaybookEditor({ current, onChanged, now = () => new Date() }: PlaybookEditorProps) {
  const doc = current.playbook as Doc;
  const personas: { id: string; name: string }[] = doc.personas ?? [];
  const [personaIndex, setPersonaIndex] = useState(0);
  const roles: { id: string; label: string }[] = doc.roles ?? [];
  const [role, setRole] = useState<string>('economic_buyer');
  const path = ['personas', personaIndex, 'talkingPoints', role];
  const shown: string[] = doc.personas?.[personaIndex]?.talkingPoints?.[role] ?? [];
  const [draft, setDraft] = useState(shown.join('\n'));
  const [errors, setErrors] = useState<string[]>([]);
  const [message, setMessage] = useState<string | null>(null);
  const [versions, setVersions] = useState<VersionRow[] | null>(null);
  const [changes, setChanges] = useState<{ version: number; lines: string[] } | null>(null);

  // A different persona, role or version starts from what that version holds.
  // biome-ignore lint/correctness/useExhaustiveDependencies: reset only when the persona, role or version changes
  useEffect(() => {
    setDraft(shown.join('\n'));
    setErrors([]);
  }, [personaIndex, role, current.version]);

  const refreshVersions = useCallback(() => {
    listVersions().then(setVersions, () => setVersions([]));
  }, []);
  // biome-ignore lint/correctness/useExhaustiveDependencies: a new current version means a new versions list
  useEffect(refreshVersions, [refreshVersions, current.version]);

  const save = async () => {
    const points = draft
      .split('\n')
      .map((line) => line.trim())
      .filter(Boolean);
    const edit = applyEdit(
      doc,
      path,
      points.length > 0 ? points : undefined,
      now().toISOString().slice(0, 10),
    );
    if (edit.errors.length > 0) {
      setErrors(edit.errors.map((e) => `${e.path}: ${e.message}`));
      setMessage(null);
      return;
    }
    const reply = await savePlaybook(edit.data);
    if (!reply.ok) {
      setErrors(reply.errors.map((e) => `${e.path}: ${e.message}`));
      return;
    }
    setErrors([]);
    setMessage(`Saved as version ${reply.version}. Cards, workflows and tagging use it from now on.`);
    onChanged();
  };
  const restore = async (version: number) => {
    const reply = await restoreVersion(version);
    setMessage(
      reply.ok
        ? `Version ${version} restored as version ${reply.version}.`
        : 'That version cannot be restored.',
    );
    onChanged();
  };
  const compare = async (version: number) => {
    const list = await diffVersions(version, current.version);
    setChanges({ version, lines: list.map(changeLine) });
  };

  const fieldErrors = errors;
  return (
    <Flex direction="column" gap="sm">
      <Heading>Edit talking points</Heading>
      <Text variant="microcopy" testId="editing-version">
        {current.version === 0
          ? 'The portal uses the built-in playbook; saving creates version 1.'
          : `Version ${current.version}${current.savedBy ? `, saved by ${current.savedBy}` : ''}.`}
      </Text>
      <Flex direction="row" gap="sm" wrap="wrap">
        <Select
          testId="edit-persona"
          name="persona"
          label="Persona"
          value={String(personaIndex)}
          options={personas.map((p, i) => ({ label: p.name, value: String(i) }))}
          onChange={(value) => setPersonaIndex(Number(value))}
        />
        <Select
          testId="edit-role"
          name="role"
          label="Buying role"
          value={role}
          options={roles.map((r) => ({ label: r.label, value: r.id }))}
          onChange={(value) => setRole(String(value))}
        />
      </Flex>
      <TextArea
        testId="edit-talking-points"
        name="talkingPoints"
        label={`Talking points for ${personas[personaIndex]?.name ?? ''} as ${roleLabel(null, role).toLowerCase()} (one per line)`}
        value={draft}
        onChange={(value) => setDraft(String(value))}
        error={fieldErrors.length > 0}
        validationMessage={fieldErrors.join(' ')}
      />
      <Button testId="edit-save" variant="primary" onClick={() => void save()}>
        Save as a new version
      </Button>
      {message ? (
        <Alert testId="edit-saved" variant="success" title="Saved">
          <Text>{message}</Text>
        </Alert>
      ) : null}
      <Heading>Versions</Heading>
      {versions && versions.length > 0 ? (
        <Table testId="versions" bordered>
          <TableHead>
            <TableRow>
              <TableHeader>Version</TableHeader>
              <TableHeader>Saved by</TableHeader>
              <TableHeader>When</TableHeader>
              <TableHeader>Actions</TableHeader>
            </TableRow>
          </TableHead>
          <TableBody>
            {versions.map((v) => (
              <TableRow key={v.version}>
                <TableCell>{String(v.version)}</TableCell>
                <TableCell>{v.savedBy ?? 'unknown'}</TableCell>
                <TableCell>{new Date(v.savedAt).toISOString().slice(0, 16).replace('T', ' ')}</TableCell>
                <TableCell>
                  <Flex direction="row" gap="xs">
                    <Button testId={`compare-${v.version}`} size="xs" onClick={() => void compare(v.version)}>
                      Compare with current
                    </Button>
                    <Button testId={`restore-${v.version}`} size="xs" onClick={() => void restore(v.version)}>
                      Restore
                    </Button>
                  </Flex>
                </TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      ) : (
        <Text testId="no-versions">No saved versions yet.</Text>
      )}
      {changes ? (
        <Flex direction="column" gap="xs" testId="diff">
          <Text
            format={{ fontWeight: 'bold' }}
          >{`Changes from version ${changes.version} to the current one`}</Text>
          {changes.lines.length > 0 ? (
            <List>
              {changes.lines.map((line) => (
                <Text key={line}>{line}</Text>
              ))}
            </List>
          ) : (
            <Text>No differences.</Text>
          )}
        </Flex>
      ) : null}
    </Flex>
  );
}
