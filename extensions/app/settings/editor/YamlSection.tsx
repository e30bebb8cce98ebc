import { Box, Button, Flex, Text, TextArea } from '@hubspot/ui-extensions';
import { loadPlaybookText } from '@rolecall/core';
import { useState } from 'react';
import { exportYaml, importYaml } from '../playbookClient.ts';

export interface YamlSectionProps {
  /** After an import: the page reads the new current version. */
  onImported: (message: string) => void;
}

/**
 * The playbook as YAML, so a team can keep it in a repository: export the current version, or import a
 * file's text as a new version (checked here as `rolecall playbook check` checks a file, then by the backend).
 */
export function YamlSection({ onImported }: YamlSectionProps) {
  const [exported, setExported] = useState<string | null>(null);
  const [text, setText] = useState('');
  const [errors, setErrors] = useState<string[]>([]);
  const show = () =>
    exportYaml().then(setExported, () => setExported('# The backend did not answer; try again.'));
  const save = async () => {
    const local = loadPlaybookText(text, 'imported YAML');
    if (!local.value) {
      setErrors(local.errors.map((e) => `${e.path || 'file'}: ${e.message}`));
      return;
    }
    const reply = await importYaml(text);
    if (!reply.ok) {
      setErrors(reply.errors.map((e) => `${e.path || 'file'}: ${e.message}`));
      return;
    }
    setErrors([]);
    setText('');
    onImported(`Imported as version ${reply.version}.`);
  };
  return (
    <Flex direction="column" gap="sm">
      <Text variant="microcopy">
        From a terminal: "rolecall playbook pull team.yaml" and "rolecall playbook push team.yaml" do the
        same.
      </Text>
      <Box>
        <Button testId="yaml-export" size="sm" onClick={() => void show()}>
          Show the current version as YAML
        </Button>
      </Box>
      {exported !== null ? (
        <TextArea
          testId="yaml-exported"
          name="yaml-exported"
          label="Current version (copy it)"
          value={exported}
          rows={12}
          readOnly
        />
      ) : null}
      <TextArea
        testId="yaml-import"
        name="yaml-import"
        label="Import: paste a playbook file (YAML or JSON)"
        value={text}
        rows={8}
        error={errors.length > 0}
        validationMessage={errors.slice(0, 8).join(' · ')}
        onChange={(next) => {
          setText(String(next));
          setErrors([]);
        }}
      />
      <Box>
        <Button
          testId="yaml-save"
          size="sm"
          variant="primary"
          disabled={text.trim() === ''}
          onClick={() => void save()}
        >
          Check and save as a new version
        </Button>
      </Box>
    </Flex>
  );
}
