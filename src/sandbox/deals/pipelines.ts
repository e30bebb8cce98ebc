/** Deal pipelines and stages as HubSpot's pipelines API returns them (`/crm/v3/pipelines/deals`). */
export interface StageDef {
  id: string;
  label: string;
  displayOrder: number;
  /** Strings, as HubSpot sends them: `isClosed` "true"/"false", `probability` "0.0"–"1.0". */
  metadata: { isClosed: string; probability: string };
}

export interface PipelineDef {
  id: string;
  label: string;
  displayOrder: number;
  stages: StageDef[];
}

const stage = (id: string, label: string, order: number, probability: number, closed = false): StageDef => ({
  id,
  label,
  displayOrder: order,
  metadata: { isClosed: String(closed), probability: probability.toFixed(1) },
});

/** HubSpot's default "Sales Pipeline" (ids as in every portal) and a renewals pipeline like portals add. */
export const DEFAULT_PIPELINES: PipelineDef[] = [
  {
    id: 'default',
    label: 'Sales Pipeline',
    displayOrder: 0,
    stages: [
      stage('appointmentscheduled', 'Appointment Scheduled', 0, 0.2),
      stage('qualifiedtobuy', 'Qualified To Buy', 1, 0.4),
      stage('presentationscheduled', 'Presentation Scheduled', 2, 0.6),
      stage('decisionmakerboughtin', 'Decision Maker Bought-In', 3, 0.8),
      stage('contractsent', 'Contract Sent', 4, 0.9),
      stage('closedwon', 'Closed Won', 5, 1, true),
      stage('closedlost', 'Closed Lost', 6, 0, true),
    ],
  },
  {
    id: '75412396',
    label: 'Renewals & Expansion',
    displayOrder: 1,
    stages: [
      stage('75412397', 'Renewal Due', 0, 0.3),
      stage('75412398', 'Customer Review', 1, 0.5),
      stage('75412399', 'Negotiation', 2, 0.7),
      stage('75412400', 'Closed Won', 3, 1, true),
      stage('75412401', 'Closed Lost', 4, 0, true),
    ],
  },
];

export function findStage(pipelines: readonly PipelineDef[], stageId: string): StageDef | undefined {
  for (const p of pipelines) {
    const s = p.stages.find((x) => x.id === stageId);
    if (s) return s;
  }
  return undefined;
}

/** The read-only values HubSpot derives from `dealstage`. */
export function stageFacts(pipelines: readonly PipelineDef[], stageId: string): Record<string, string> {
  const s = findStage(pipelines, stageId);
  if (!s) return {};
  const closed = s.metadata.isClosed === 'true';
  const probability = Number(s.metadata.probability);
  return {
    hs_is_closed: String(closed),
    hs_is_closed_won: String(closed && probability >= 1),
    hs_is_closed_lost: String(closed && probability <= 0),
    hs_deal_stage_probability: String(probability),
  };
}
