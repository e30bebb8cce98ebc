import { describe, expect, it } from 'vitest';
import { defaultPlaybook } from '../../src/playbook/default.ts';
import { AuditDb } from '../../src/tag/audit-db.ts';
import { playbookReview, reportData } from '../../src/tag/report/report-data.ts';
import { renderReport } from '../../src/tag/report/report-html.ts';

const reviewed = defaultPlaybook.personas[0]?.reviewedAt ?? '';
const plusDays = (days: number) =>
  new Date(Date.parse(`${reviewed}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);

function report(playbook = defaultPlaybook, today = plusDays(3)): string {
  const db = new AuditDb(':memory:');
  try {
    db.createRun({ id: 'r1', kind: 'tag', target: 'test', options: {} });
    const data = reportData(db, 'r1', playbook.requiredRoles);
    if (!data) throw new Error('no run');
    return renderReport({ ...data, playbook: playbookReview(playbook, today) }, playbook);
  } finally {
    db.close();
  }
}

describe('the HTML report names stale personas', () => {
  it('lists each persona past the review interval with its owner and age', () => {
    const stalePlaybook = {
      ...defaultPlaybook,
      personas: defaultPlaybook.personas.map((p) =>
        p.id === 'finance_leader' ? { ...p, reviewedAt: '2025-01-15' } : p,
      ),
    };
    const html = report(stalePlaybook);
    const table = html.slice(html.indexOf('<table id="stale-personas"'));
    expect(table).toContain('<td>Finance Leader</td><td>Product marketing</td><td>2025-01-15</td>');
    expect(table).not.toContain('Function Leader');
  });

  it('says every persona is current when none is stale, and that the default is an example', () => {
    const html = report();
    expect(html).toContain('id="stale-personas">Every persona was reviewed within 180 days');
    expect(html).toContain('an example playbook');
    expect(report({ ...defaultPlaybook, example: false })).not.toContain('an example playbook');
  });

  it('flags every persona once the whole playbook is past its interval', () => {
    const html = report(defaultPlaybook, plusDays(defaultPlaybook.reviewIntervalDays + 1));
    const all = defaultPlaybook.personas.length + defaultPlaybook.negativePersonas.length;
    expect(
      html.match(/<tr><td>[^<]+<\/td><td>[^<]+<\/td><td>\d{4}-\d\d-\d\d<\/td><td class="missing">/g),
    ).toHaveLength(all);
  });
});
