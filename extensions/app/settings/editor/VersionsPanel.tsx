import {
  Button,
  Flex,
  Heading,
  List,
  Table,
  TableBody,
  TableCell,
  TableHead,
  TableHeader,
  TableRow,
  Text,
} from '@hubspot/ui-extensions';
import type { PlaybookChange } from '@rolecall/core';
import { useCallback, useEffect, useState } from 'react';
import { diffVersions, listVersions, restoreVersion, type VersionRow } from '../playbookClient.ts';

export interface VersionsPanelProps {
  /** The portal's current version (0: none saved yet). */
  current: number;
  /** After a restore: the page reloads the current version. */
  onRestored: (message: string) => void;
}

const short = (value: unknown) => {
  const text = JSON.stringify(value) ?? '';
  return text.length > 120 ? `${text.slice(0, 117)}…` : text;
};
const changeLine = (c: PlaybookChange) =>
  c.kind === 'changed' ? `${c.path}: ${short(c.before)} → ${short(c.after)}` : `${c.path} ${c.kind}`;

/** Every saved version with who and when; compare one with the current version, or restore it. */
export function VersionsPanel({ current, onRestored }: VersionsPanelProps) {
  const [versions, setVersions] = useState<VersionRow[] | null>(null);
  const [changes, setChanges] = useState<{ version: number; lines: string[] } | null>(null);
  const refresh = useCallback(() => {
    listVersions().then(setVersions, () => setVersions([]));
  }, []);
  // biome-ignore lint/correctness/useExhaustiveDependencies: a new current version means a new list
  useEffect(refresh, [refresh, current]);

  const compare = async (version: number) => {
    const list = await diffVersions(version, current);
    setChanges({ version, lines: list.map(changeLine) });
  };
  const restore = async (version: number) => {
    const reply = await restoreVersion(version);
    setChanges(null);
    onRestored(
      reply.ok
        ? `Version ${version} restored as version ${reply.version}.`
        : 'That version cannot be restored.',
    );
  };
  return (
    <Flex direction="column" gap="sm">
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
                <TableCell>{v.version === current ? `${v.version} (current)` : String(v.version)}</TableCell>
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
          <Text format={{ fontWeight: 'bold' }}>
            {`Changes from version ${changes.version} to the current one (${changes.lines.length})`}
          </Text>
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
