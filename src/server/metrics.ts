import type { QueueCounts } from './store/queue.ts';

/** Counters of this process; queue depth comes from the database so it survives restarts. */
export interface Counters {
  webhookDeliveries: number;
  webhookEvents: number;
  webhookDuplicates: number;
  webhookIgnored: number;
  signatureRejected: number;
  contactsWritten: number;
  contactsUnchanged: number;
  contactsSkipped: number;
  contactsNotFound: number;
  jobsRetried: number;
  jobsFailed: number;
  workflowActions: number;
  /** Workflow-action requests answered again from the first answer (replays, retries after a lost reply). */
  workflowReplays: number;
  bulkContacts: number;
  /** Deals whose buying group a webhook had re-evaluated, and the labels those runs added or removed. */
  dealsEvaluated: number;
  dealLabelsWritten: number;
}

export const newCounters = (): Counters => ({
  webhookDeliveries: 0,
  webhookEvents: 0,
  webhookDuplicates: 0,
  webhookIgnored: 0,
  signatureRejected: 0,
  contactsWritten: 0,
  contactsUnchanged: 0,
  contactsSkipped: 0,
  contactsNotFound: 0,
  jobsRetried: 0,
  jobsFailed: 0,
  workflowActions: 0,
  workflowReplays: 0,
  bulkContacts: 0,
  dealsEvaluated: 0,
  dealLabelsWritten: 0,
});

export interface MetricsSnapshot {
  /** From the database: survives restarts. */
  queue: QueueCounts;
  /** Workflow-action requests remembered in the database (30 days), replays included once. */
  answeredWorkflowRequests: number;
  /** Of this process since `countersSince`: they restart from zero when the process restarts. */
  counters: Counters;
  countersSince: string;
  rateLimitWaits: number;
}

const snake = (name: string) => name.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`);

/** Prometheus text exposition of the same numbers. */
export function toPrometheus(snapshot: MetricsSnapshot): string {
  const lines: string[] = [
    '# HELP rolecall_queue_jobs Jobs in the webhook queue by state.',
    '# TYPE rolecall_queue_jobs gauge',
  ];
  for (const [state, n] of Object.entries(snapshot.queue)) {
    lines.push(`rolecall_queue_jobs{state="${snake(state)}"} ${n}`);
  }
  lines.push(
    '# HELP rolecall_answered_workflow_requests Workflow-action requests remembered in the database.',
    '# TYPE rolecall_answered_workflow_requests gauge',
    `rolecall_answered_workflow_requests ${snapshot.answeredWorkflowRequests}`,
  );
  for (const [name, n] of Object.entries(snapshot.counters)) {
    lines.push(`# TYPE rolecall_${snake(name)}_total counter`, `rolecall_${snake(name)}_total ${n}`);
  }
  lines.push(
    '# TYPE rolecall_rate_limit_waits_total counter',
    `rolecall_rate_limit_waits_total ${snapshot.rateLimitWaits}`,
  );
  return `${lines.join('\n')}\n`;
}
