import {
  Alert,
  Button,
  Input,
  LoadingSpinner,
  MultiSelect,
  Select,
  Tabs,
  Text,
  TextArea,
} from '@hubspot/ui-extensions';
import { createRenderer } from '@hubspot/ui-extensions/testing';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { SettingsPage } from '../../extensions/app/settings/SettingsPage.tsx';
import defaultData from '../../src/playbook/default-playbook.json' with { type: 'json' };
import { deepText } from './fixtures.ts';
import { stubPlaybookBackend } from './settings-stub.ts';

// biome-ignore lint/suspicious/noExplicitAny: tests read the saved document by path
type Doc = any;
const REVIEWED = Date.parse(`${defaultData.personas[0]!.reviewedAt}T00:00:00Z`);
const soon = () => new Date(REVIEWED + 3 * 86_400_000);

afterEach(() => vi.restoreAllMocks());

/** The settings page on a stubbed backend, once the editor is on screen. */
async function openEditor(now = soon) {
  const backend = stubPlaybookBackend();
  const page = createRenderer('settings');
  page.render(<SettingsPage now={now} />);
  await page.waitFor(() => expect(page.maybeFind(Button, { testId: 'edit-save' })).not.toBeNull());
  const section = (id: string) =>
    page.findByTestId(Tabs, 'sections').trigger('onSelectedChange', id as never);
  const type = (Component: typeof Input | typeof TextArea, id: string, value: string) =>
    page.findByTestId(Component as typeof Input, `field-${id}`).trigger('onChange', value as never);
  const save = async () => {
    page.findByTestId(Button, 'edit-save').trigger('onClick');
    await new Promise((resolve) => setTimeout(resolve, 20));
  };
  return { page, backend, section, type, save };
}

describe('settings page: states', () => {
  it('shows a spinner while reading the playbook', () => {
    stubPlaybookBackend();
    const page = createRenderer('settings');
    page.render(<SettingsPage now={soon} />);
    expect(page.findByTestId(LoadingSpinner, 'loading')).toBeDefined();
  });

  it('without the backend shows the built-in playbook read-only, and how to change it by a build', async () => {
    stubPlaybookBackend({ fail: true });
    const page = createRenderer('settings');
    page.render(<SettingsPage now={soon} />);
    await page.waitFor(() => expect(page.maybeFind(Alert, { testId: 'backend-error' })).not.toBeNull());
    expect(page.maybeFind(Button, { testId: 'edit-save' })).toBeNull();
    expect(page.findByTestId(Text, 'how-to-change').text).toContain('npm run build -- --playbook');
  });

  it('with the backend says the playbook is edited here, and starts on product and ICP', async () => {
    const { page } = await openEditor();
    expect(page.findByTestId(Text, 'how-to-change').text).toContain('Edit it below');
    expect(page.findByTestId(Input, 'field-product.name').props.value).toBe(defaultData.product.name);
    expect(page.findByTestId(MultiSelect, 'field-product.icp.sizeBands').props.value).toEqual(
      defaultData.product.icp.sizeBands,
    );
    expect(page.maybeFind(Alert, { testId: 'edit-errors' })).toBeNull();
  });
});

describe('settings page: editing the whole playbook', () => {
  it('shows an error on the field it concerns and sends nothing invalid', async () => {
    const { page, backend, type, save } = await openEditor();
    type(Input, 'product.name', '');
    await page.waitFor(() =>
      expect(page.findByTestId(Input, 'field-product.name').props.validationMessage).toContain(
        'must not be empty',
      ),
    );
    expect(deepText(page.findByTestId(Alert, 'edit-errors'))).toContain('product.name: must not be empty');
    await save();
    expect(backend.saved).toEqual([]);
    type(Input, 'product.name', 'Forecast Pro');
    await save();
    await page.waitFor(() => expect(page.maybeFind(Alert, { testId: 'edit-saved' })).not.toBeNull());
    expect((backend.saved[0] as Doc).product.name).toBe('Forecast Pro');
  });

  it('edits a persona: goals, pains and the role talking points; a stale review date says so', async () => {
    const late = () => new Date(REVIEWED + 400 * 86_400_000);
    const { page, backend, section, type, save } = await openEditor(late);
    section('personas');
    page.findByTestId(Select, 'pick-personas').trigger('onChange', '1' as never);
    expect(page.findByTestId(Text, 'persona-review').text).toMatch(/^Stale: last reviewed 1 year/);
    type(TextArea, 'personas[1].goals', 'Close the books two days sooner every month.\nLess.');
    await page.waitFor(() =>
      expect(page.findByTestId(TextArea, 'field-personas[1].goals').props.validationMessage).toContain(
        'full sentence',
      ),
    );
    type(TextArea, 'personas[1].goals', 'Close the books two days sooner every month.');
    page.findByTestId(Button, 'add-personas[1].painPoints').trigger('onClick');
    const pain = `personas[1].painPoints[${defaultData.personas[1]!.painPoints.length}]`;
    type(TextArea, `${pain}.quote`, 'We rebuild the same forecast sheet every Monday morning.');
    type(Input, `${pain}.source`, 'Discovery call, Dec 2026');
    page.findByTestId(Select, 'talking-points-role').trigger('onChange', 'champion' as never);
    type(
      TextArea,
      'personas[1].talkingPoints.champion',
      'Show the forecast your CFO will ask for, built in minutes.',
    );
    type(Input, 'personas[1].reviewedAt', '2027-12-20');
    await save();
    await page.waitFor(() => expect(page.maybeFind(Alert, { testId: 'edit-saved' })).not.toBeNull());
    const saved = backend.saved[0] as Doc;
    expect(saved.personas[1].goals).toEqual(['Close the books two days sooner every month.']);
    expect(saved.personas[1].painPoints.at(-1)).toEqual({
      quote: 'We rebuild the same forecast sheet every Monday morning.',
      source: 'Discovery call, Dec 2026',
    });
    expect(saved.personas[1].talkingPoints.champion).toEqual([
      'Show the forecast your CFO will ask for, built in minutes.',
    ]);
    expect(saved.personas[1].reviewedAt).toBe('2027-12-20');
  });

  it('adds a persona (invalid until filled, errors on its fields) and removes it again', async () => {
    const { page, backend, section, save } = await openEditor();
    section('personas');
    page.findByTestId(Button, 'add-personas').trigger('onClick');
    const at = `personas[${defaultData.personas.length}]`;
    await page.waitFor(() =>
      expect(page.findByTestId(TextArea, `field-${at}.goals`).props.validationMessage).toContain(
        'at least one',
      ),
    );
    expect(page.findByTestId(Input, `field-${at}.id`).props.value).toBe('new_persona');
    await save();
    expect(backend.saved).toEqual([]);
    page.findByTestId(Button, 'remove-personas').trigger('onClick');
    await page.waitFor(() => expect(page.maybeFind(Alert, { testId: 'edit-errors' })).toBeNull());
    await save();
    expect((backend.saved[0] as Doc).personas).toHaveLength(defaultData.personas.length);
  });

  it('removing a persona others refer to is caught by the cross-checks, as playbook check does', async () => {
    const { page, backend, section, save } = await openEditor();
    section('personas');
    const referenced = defaultData.personas.findIndex((p) =>
      JSON.stringify(defaultData.personas).includes(`"personas":["${p.id}"`),
    );
    expect(referenced).toBeGreaterThanOrEqual(0);
    page.findByTestId(Select, 'pick-personas').trigger('onChange', String(referenced) as never);
    page.findByTestId(Button, 'remove-personas').trigger('onClick');
    await page.waitFor(() =>
      expect(deepText(page.findByTestId(Alert, 'edit-errors'))).toContain(
        defaultData.personas[referenced]!.id,
      ),
    );
    await save();
    expect(backend.saved).toEqual([]);
  });

  it('edits a negative persona, role guidance, and the order of the role rules', async () => {
    const { page, backend, section, type, save } = await openEditor();
    section('negative');
    type(
      TextArea,
      'negativePersonas[0].handling',
      'Point them to the free course and keep them out of sales flows.',
    );
    section('roles');
    const gate = defaultData.roles.findIndex((r) => r.id === 'gatekeeper');
    page.findByTestId(Select, 'pick-roles').trigger('onChange', String(gate) as never);
    type(
      TextArea,
      `roles[${gate}].talkingPoints`,
      'Send the vendor form and the price sheet before they ask.',
    );
    section('rules');
    page.findByTestId(Select, 'pick-roleRules').trigger('onChange', '1' as never);
    page.findByTestId(Button, 'up-roleRules').trigger('onClick');
    await save();
    await page.waitFor(() => expect(page.maybeFind(Alert, { testId: 'edit-saved' })).not.toBeNull());
    const saved = backend.saved[0] as Doc;
    expect(saved.negativePersonas[0].handling).toBe(
      'Point them to the free course and keep them out of sales flows.',
    );
    expect(saved.roles[gate].talkingPoints).toEqual([
      'Send the vendor form and the price sheet before they ask.',
    ]);
    expect(saved.roleRules.map((r: { id: string }) => r.id).slice(0, 2)).toEqual([
      defaultData.roleRules[1]!.id,
      defaultData.roleRules[0]!.id,
    ]);
  });

  it('shows what the backend refused, and discards changes on request', async () => {
    const { page, backend, type, save } = await openEditor();
    backend.refuse = [{ path: 'product.whatWeSell', message: 'stored by someone else first' }];
    type(TextArea, 'product.whatWeSell', 'Forecasting for revenue teams that plan every week.');
    await save();
    await page.waitFor(() =>
      expect(deepText(page.findByTestId(Alert, 'edit-errors'))).toContain('stored by someone else first'),
    );
    page.findByTestId(Button, 'edit-discard').trigger('onClick');
    await page.waitFor(() =>
      expect(page.findByTestId(TextArea, 'field-product.whatWeSell').props.value).toBe(
        defaultData.product.whatWeSell,
      ),
    );
  });

  it('exports the current version as YAML and imports a file as a new version, checked first', async () => {
    const { page, backend, section } = await openEditor();
    section('yaml');
    page.findByTestId(Button, 'yaml-export').trigger('onClick');
    await page.waitFor(() => expect(page.maybeFind(TextArea, { testId: 'yaml-exported' })).not.toBeNull());
    const exported = String(page.findByTestId(TextArea, 'yaml-exported').props.value);
    expect(exported).toContain(`name: ${defaultData.product.name}`);

    const broken = exported.replace(/reviewedAt: "?2026-\d\d-\d\d"?/, 'reviewedAt: last spring');
    page.findByTestId(TextArea, 'yaml-import').trigger('onChange', broken as never);
    page.findByTestId(Button, 'yaml-save').trigger('onClick');
    await page.waitFor(() =>
      expect(page.findByTestId(TextArea, 'yaml-import').props.validationMessage).toContain('reviewedAt'),
    );
    expect(backend.saved).toEqual([]);

    const edited = exported.replace(`version: ${defaultData.version}`, 'version: 2026.12-from-git');
    expect(edited).not.toBe(exported);
    page.findByTestId(TextArea, 'yaml-import').trigger('onChange', edited as never);
    page.findByTestId(Button, 'yaml-save').trigger('onClick');
    await page.waitFor(() => expect(page.maybeFind(Alert, { testId: 'edit-saved' })).not.toBeNull());
    expect((backend.saved[0] as Doc).version).toBe('2026.12-from-git');
  });

  it('a rule that catches everyone, moved to the top, shows the rules it hides on those rules', async () => {
    const { page, backend, section, type, save } = await openEditor();
    section('rules');
    page.findByTestId(Button, 'add-roleRules').trigger('onClick');
    type(
      TextArea,
      `roleRules[${defaultData.roleRules.length}].note`,
      'Everyone is an influencer until we know more.',
    );
    for (let i = 0; i < defaultData.roleRules.length; i += 1)
      page.findByTestId(Button, 'up-roleRules').trigger('onClick');
    page.findByTestId(Select, 'pick-roleRules').trigger('onChange', '1' as never);
    await page.waitFor(() =>
      expect(page.findByTestId(Text, 'errors-roleRules[1]').text).toContain(
        `rule "${defaultData.roleRules[0]!.id}" can never match`,
      ),
    );
    await save();
    expect(backend.saved).toEqual([]);
  });
});
