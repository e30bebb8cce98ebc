import { Accordion, Alert, Button, Flex, Heading, List, Tab, Tabs, Text } from '@hubspot/ui-extensions';
import { useEffect, useState } from 'react';
import { PersonaSection } from './editor/PersonaSection.tsx';
import { ProductSection } from './editor/ProductSection.tsx';
import { RolesSection } from './editor/RolesSection.tsx';
import { RulesSection } from './editor/RulesSection.tsx';
import { useDraft } from './editor/useDraft.ts';
import { VersionsPanel } from './editor/VersionsPanel.tsx';
import { YamlSection } from './editor/YamlSection.tsx';
import { type CurrentPlaybookReply, type FieldIssue, savePlaybook } from './playbookClient.ts';

export interface PlaybookEditorProps {
  current: CurrentPlaybookReply;
  /** Called after a save or restore: the page reads the new current version. */
  onChanged: () => void;
  now?: () => Date;
}

const SECTIONS = [
  { id: 'product', title: 'Product & ICP' },
  { id: 'personas', title: 'Personas' },
  { id: 'negative', title: 'Negative personas' },
  { id: 'roles', title: 'Roles & buying groups' },
  { id: 'rules', title: 'Role rules' },
  { id: 'yaml', title: 'YAML' },
] as const;
type SectionId = (typeof SECTIONS)[number]['id'];

const issueLine = (i: FieldIssue) => `${i.path || 'playbook'}: ${i.message}`;

/**
 * Edits the whole portal playbook where the message owners work. Every change is checked at once by the
 * same schema and cross-checks as `rolecall playbook check`, errors on the field they concern; a playbook
 * with errors is never sent, and the backend checks again. Each save is a new version.
 */
export function PlaybookEditor({ current, onChanged, now = () => new Date() }: PlaybookEditorProps) {
  const today = now().toISOString().slice(0, 10);
  const draft = useDraft(current.playbook, today);
  const [section, setSection] = useState<SectionId>('product');
  const [message, setMessage] = useState<string | null>(null);
  const [refused, setRefused] = useState<FieldIssue[]>([]);
  const [tried, setTried] = useState(false);
  // A saved or restored version becomes the new starting point.
  // biome-ignore lint/correctness/useExhaustiveDependencies: reset only when the current version changes
  useEffect(() => draft.reset(current.playbook), [current.version]);

  const save = async () => {
    setTried(true);
    setMessage(null);
    if (draft.errors.length > 0) return;
    const reply = await savePlaybook(draft.doc);
    if (!reply.ok) {
      setRefused(reply.errors);
      return;
    }
    setRefused([]);
    setTried(false);
    setMessage(
      `Saved as version ${reply.version}. Cards, workflows, webhooks and tagging use it from now on.`,
    );
    onChanged();
  };
  const problems = [...draft.errors, ...refused];
  const restored = (text: string) => {
    setMessage(text);
    onChanged();
  };
  const body = (id: SectionId) => {
    if (id !== section) return null;
    if (id === 'product') return <ProductSection draft={draft} />;
    if (id === 'personas') return <PersonaSection draft={draft} negative={false} today={today} />;
    if (id === 'negative') return <PersonaSection draft={draft} negative today={today} />;
    if (id === 'roles') return <RolesSection draft={draft} />;
    if (id === 'yaml') return <YamlSection onImported={restored} />;
    return <RulesSection draft={draft} />;
  };
  return (
    <Flex direction="column" gap="sm">
      <Heading>Edit the playbook</Heading>
      <Text variant="microcopy" testId="editing-version">
        {current.version === 0
          ? 'The portal uses the built-in playbook; saving creates version 1.'
          : `Version ${current.version}${current.savedBy ? `, saved by ${current.savedBy}` : ''}.`}
      </Text>
      <Tabs
        testId="sections"
        selected={section}
        onSelectedChange={(id: string | number) => setSection(String(id) as SectionId)}
      >
        {SECTIONS.map((s) => (
          <Tab key={s.id} tabId={s.id} title={s.title}>
            {body(s.id)}
          </Tab>
        ))}
      </Tabs>
      {problems.length > 0 && (tried || draft.changed) ? (
        <Alert
          testId="edit-errors"
          variant="error"
          title={`${problems.length} problem(s): nothing is saved until they are fixed`}
        >
          <List>
            {problems.slice(0, 12).map((p) => (
              <Text key={issueLine(p)}>{issueLine(p)}</Text>
            ))}
          </List>
        </Alert>
      ) : null}
      {draft.warnings.length > 0 ? (
        <Accordion
          title={`${draft.warnings.length} warning(s), as "rolecall playbook check" gives them`}
          size="sm"
        >
          <List testId="edit-warnings">
            {draft.warnings.map((w) => (
              <Text key={issueLine(w)}>{issueLine(w)}</Text>
            ))}
          </List>
        </Accordion>
      ) : null}
      <Flex direction="row" gap="sm">
        <Button testId="edit-save" variant="primary" onClick={() => void save()}>
          Save as a new version
        </Button>
        <Button
          testId="edit-discard"
          variant="secondary"
          disabled={!draft.changed}
          onClick={() => {
            draft.reset(current.playbook);
            setRefused([]);
            setTried(false);
          }}
        >
          Discard changes
        </Button>
      </Flex>
      {message ? (
        <Alert testId="edit-saved" variant="success" title="Saved">
          <Text>{message}</Text>
        </Alert>
      ) : null}
      <VersionsPanel current={current.version} onRestored={restored} />
    </Flex>
  );
}
