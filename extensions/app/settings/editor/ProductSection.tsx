import { Flex, Heading } from '@hubspot/ui-extensions';
import { Fields } from './Field.tsx';
import { ICP_FIELDS, PLAYBOOK_FIELDS, PRODUCT_FIELDS } from './specs.ts';
import type { Draft } from './useDraft.ts';

/** The product, who it is for (ICP), and the playbook's own settings (version, review interval, stages). */
export function ProductSection({ draft }: { draft: Draft }) {
  return (
    <Flex direction="column" gap="sm">
      <Fields draft={draft} specs={PRODUCT_FIELDS} base={['product']} />
      <Heading>Ideal customer profile</Heading>
      <Fields draft={draft} specs={ICP_FIELDS} base={['product', 'icp']} />
      <Heading>Playbook</Heading>
      <Fields draft={draft} specs={PLAYBOOK_FIELDS} base={[]} />
    </Flex>
  );
}
