import data from './default-playbook.json' with { type: 'json' };
import { loadPlaybookData } from './load.ts';
import type { Playbook } from './schema.ts';

function validated(): Playbook {
  const loaded = loadPlaybookData(data, 'default-playbook.json');
  if (!loaded.value) {
    // Shipping an invalid default is a bug, caught by test/playbook/default-playbook.test.ts.
    throw new Error(
      `the shipped default playbook is invalid:\n${loaded.errors.map((e) => e.text).join('\n')}`,
    );
  }
  return loaded.value;
}

/** The playbook rolecall ships: a generic B2B SaaS vendor selling to revenue teams (validated at load). */
export const defaultPlaybook: Playbook = validated();
