import { describe, expect, it } from 'vitest';
import { runServe } from '../../src/cli/commands/serve.ts';
import { loadServerConfig } from '../../src/server/config.ts';

const valid = {
  HUBSPOT_ACCESS_TOKEN: 'pat-na1-00000000-1111-2222-3333-444444444444',
  HUBSPOT_CLIENT_SECRET: 'a-client-secret-value',
  ROLECALL_PUBLIC_URL: 'https://rolecall.example.com/',
};

describe('server configuration', () => {
  it('reads a valid environment with defaults', () => {
    const result = loadServerConfig(valid);
    expect(result).toMatchObject({
      ok: true,
      config: { publicUrl: 'https://rolecall.example.com', port: 8080, dbPath: 'rolecall.db' },
    });
  });

  it('names every missing variable and the fix, never a secret value', () => {
    const result = loadServerConfig({ PORT: 'eighty', HUBSPOT_CLIENT_SECRET: 'x' });
    expect(result.ok).toBe(false);
    const text = result.ok ? '' : result.errors.join('\n');
    expect(text).toMatch(/HUBSPOT_ACCESS_TOKEN is not set; copy/);
    expect(text).toMatch(/HUBSPOT_CLIENT_SECRET looks too short/);
    expect(text).toMatch(/ROLECALL_PUBLIC_URL is not set/);
    expect(text).toMatch(/PORT must be a port number/);
  });

  it('rejects a public URL that is not http(s)', () => {
    const result = loadServerConfig({ ...valid, ROLECALL_PUBLIC_URL: 'ftp://x.example.com' });
    expect(result.ok ? '' : result.errors.join()).toMatch(/ROLECALL_PUBLIC_URL must start with https/);
  });

  it('never echoes the token in an error', () => {
    const result = loadServerConfig({ ...valid, HUBSPOT_ACCESS_TOKEN: 'pat-1', PORT: '99999' });
    expect(result.ok ? '' : result.errors.join()).not.toContain('pat-1');
  });

  it('stops "rolecall serve" before listening, naming each variable to set', async () => {
    await expect(runServe({ PORT: '8080' })).rejects.toThrow(
      /HUBSPOT_ACCESS_TOKEN is not set[\s\S]*ROLECALL_PUBLIC_URL is not set[\s\S]*app\.json/,
    );
  });

  it('refuses a playbook file that does not load', async () => {
    await expect(runServe({ ...valid, ROLECALL_PLAYBOOK: '/nonexistent/playbook.yaml' })).rejects.toThrow(
      /ROLECALL_PLAYBOOK \/nonexistent\/playbook\.yaml cannot be used/,
    );
  });
});
