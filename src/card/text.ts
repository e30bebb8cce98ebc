import { objectionLine } from './guidance.ts';
import { confidenceWord } from './labels.ts';
import { isDetailNotice, type PersonaCardModel } from './model.ts';

/** The persona card as plain text and as JSON fields: what `rolecall card` prints. Pure. */

/** The card's content as lists of the strings a rep reads; an empty list where the card shows nothing. */
export interface CardContent {
  title: string;
  lifecycle: string | null;
  persona: string[];
  role: string[];
  profile: string[];
  status: string[];
  why: string[];
  notices: string[];
  actions: string[];
  talkingPoints: string[];
  objections: string[];
  questions: string[];
  goals: string[];
  successMetrics: string[];
  painPoints: string[];
  templateNote: string[];
  evaluation: string[];
  triggerEvents: string[];
  channels: string[];
  bringIn: string[];
  provenance: string[];
  /** Quiet lines about the playbook content: due for review, an example playbook. */
  review: string[];
}

const some = (value: string | null | undefined): string[] => (value ? [value] : []);

/** The actions the card offers, primary first. */
export function cardActions(model: PersonaCardModel): string[] {
  return [...some(model.primaryAction?.label), 'Re-classify', 'Enroll in a workflow'];
}

export function cardContent(model: PersonaCardModel): CardContent {
  const g = model.guidance;
  const named = model.kind === 'persona' || model.kind === 'negative';
  return {
    title: model.title,
    lifecycle: model.lifecycle,
    persona: named && model.personaId !== 'unknown' ? [model.heading] : [],
    role: some(model.role),
    profile: some(model.profile),
    status: [
      ...(model.kind === 'empty' ? [] : [model.statusLabel]),
      ...(model.confidence === null ? [] : [confidenceWord(model.confidence)]),
    ],
    why: some(model.why),
    notices: model.notices.filter((n) => !isDetailNotice(n)).map((n) => `${n.title}: ${n.lines.join(' ')}`),
    actions: cardActions(model),
    talkingPoints: g ? (g.talkingPoints.length > 0 ? g.talkingPoints : some(g.talkingPointsNone)) : [],
    objections: g ? g.objections.map(objectionLine) : [],
    questions: g ? g.questions : [],
    goals: g ? g.goals : [],
    successMetrics: g ? g.successMetrics : [],
    painPoints: g ? g.painPoints : [],
    templateNote: some(g?.templateNote),
    evaluation: g ? g.evaluation : [],
    triggerEvents: g ? g.triggerEvents : [],
    channels: some(g?.channels),
    bringIn: g ? g.bringIn : [],
    provenance: some(g?.provenance),
    review: model.notices.filter(isDetailNotice).map((n) => n.lines.join(' ')),
  };
}

const bullets = (items: readonly string[]) => items.map((item) => `  - ${item}`);

/** The card as a rep would read it, top to bottom, as plain text. */
export function renderCardText(model: PersonaCardModel): string {
  const c = cardContent(model);
  const head = [model.heading, ...c.role].join(' · ');
  const lines = [head];
  const meta = [...c.profile, ...c.status, ...(c.lifecycle ? [`lifecycle ${c.lifecycle}`] : [])];
  if (meta.length > 0) lines.push(meta.join(' · '));
  if (c.why.length > 0) lines.push(`Why: ${c.why[0]}`);
  for (const notice of model.notices) {
    if (isDetailNotice(notice)) continue;
    const mark = notice.tone === 'quiet' ? '·' : '!';
    lines.push('', `${mark} ${notice.title}`, ...notice.lines.map((line) => `  ${line}`));
  }
  lines.push(
    '',
    `Actions: ${c.actions.map((a, i) => (i === 0 && model.primaryAction ? `[${a}]` : a)).join(' · ')}`,
  );
  const g = model.guidance;
  if (g) {
    lines.push('', g.talkingPointsTitle, ...bullets(c.talkingPoints));
    lines.push('', 'Top objections:', ...bullets(c.objections));
    lines.push('', 'Discovery questions:', ...bullets(c.questions));
    const goals = [
      ...c.goals.map((goal) => `Goal: ${goal}`),
      ...c.successMetrics.map((metric) => `Measured on: ${metric}`),
      ...c.painPoints,
    ];
    if (goals.length > 0 || g.templateNote)
      lines.push('', 'Goals and pain points:', ...bullets(goals), ...c.templateNote.map((n) => `  (${n})`));
    const buying = [...c.evaluation, ...c.triggerEvents.map((event) => `Trigger: ${event}`)];
    if (buying.length > 0) lines.push('', 'How they buy:', ...bullets(buying));
    if (g.channels) lines.push('', 'Channels and formats:', `  ${g.channels}`);
    if (g.from === 'persona' || c.bringIn.length > 0) {
      lines.push('', 'Who else to bring in:');
      lines.push(
        ...(c.bringIn.length > 0
          ? bullets(c.bringIn)
          : ['  The playbook names no one else to bring in for this persona.']),
      );
    }
    lines.push('', g.provenance);
    for (const notice of model.notices.filter(isDetailNotice)) {
      lines.push(`· ${notice.lines.join(' ')}`);
    }
  }
  return `${lines.join('\n')}\n`;
}
