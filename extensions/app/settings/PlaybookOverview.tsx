import {
  Alert,
  Flex,
  Heading,
  Table,
  TableBody,
  TableCell,
  TableHead,
  TableHeader,
  TableRow,
  Text,
} from '@hubspot/ui-extensions';
import { defaultPlaybook, exampleNotice, type Playbook, roleLabel, stalePersonas } from '@rolecall/core';

export interface PlaybookOverviewProps {
  playbook?: Playbook;
  now?: () => Date;
  /** The backend answered: the playbook is edited on this page (else: built into the upload). */
  editable?: boolean;
}

const DAY_MS = 24 * 60 * 60 * 1000;

/** Whole days since an ISO date; null when unreadable. */
const ageInDays = (isoDate: string, today: Date): number | null => {
  const then = Date.parse(`${isoDate}T00:00:00Z`);
  return Number.isFinite(then) ? Math.max(0, Math.floor((today.getTime() - then) / DAY_MS)) : null;
};

/**
 * The top of the settings page: which playbook the cards, workflows and tagging use, whether its personas
 * are due for review, and how to change it (below on this page, or by a build when there is no backend).
 */
export function PlaybookOverview({
  playbook = defaultPlaybook,
  now = () => new Date(),
  editable = false,
}: PlaybookOverviewProps) {
  const today = now();
  const personas = [...playbook.personas, ...playbook.negativePersonas];
  const negative = new Set(playbook.negativePersonas.map((p) => p.id));
  const stale = stalePersonas(playbook, today);
  const customers = playbook.personas.filter((p) => p.match.customer === true).length;
  const example = exampleNotice(playbook);
  return (
    <Flex direction="column" gap="md">
      <Heading>{`Playbook ${playbook.version}`}</Heading>
      {example ? (
        <Alert testId="example-playbook" variant="info" title="Example playbook">
          <Text>{example}</Text>
        </Alert>
      ) : null}
      <Text testId="summary">{`${playbook.personas.length - customers} personas, ${customers} customer personas and ${playbook.negativePersonas.length} negative personas for ${playbook.product.name}. Required buying roles: ${playbook.requiredRoles.map((r) => roleLabel(playbook, r).toLowerCase()).join(', ')}.`}</Text>
      {stale.length > 0 ? (
        <Alert testId="stale" variant="warning" title="Personas due for review">
          <Text>{`${stale.map((p) => `${p.name} (${p.owner ?? 'no owner'}, ${p.days} days)`).join(', ')}: last reviewed more than ${playbook.reviewIntervalDays} days ago. Review them against recent won and lost deals.`}</Text>
        </Alert>
      ) : null}
      <Table testId="personas" bordered>
        <TableHead>
          <TableRow>
            <TableHeader>Persona</TableHeader>
            <TableHeader>Owner</TableHeader>
            <TableHeader>Last reviewed</TableHeader>
          </TableRow>
        </TableHead>
        <TableBody>
          {personas.map((p) => (
            <TableRow key={p.id}>
              <TableCell>{negative.has(p.id) ? `${p.name} (not a buyer)` : p.name}</TableCell>
              <TableCell>{p.owner ?? 'no owner'}</TableCell>
              <TableCell>{`${p.reviewedAt} (${ageInDays(p.reviewedAt, today) ?? '?'} days ago)`}</TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
      <Text testId="how-to-change" variant="microcopy">
        {editable
          ? 'Edit it below: each save is checked like "rolecall playbook check" and becomes a new version that cards, workflows, webhooks and tagging use at once. To keep it in git: "rolecall playbook pull team.yaml" and "rolecall playbook push team.yaml". Values reps set by hand are never changed by a new playbook.'
          : 'Without the rolecall backend the playbook is built into the app: run "rolecall playbook init", edit the file, check it with "rolecall playbook check", then "npm run build -- --playbook your-playbook.yaml" and "hs project upload". Values reps set by hand are never changed by a new playbook.'}
      </Text>
    </Flex>
  );
}
