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
    expect(text).toMatch(/HUBSPOT_ACCESS_TOKEN or HUBSPOT_CLIENT_ID is needed/);
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
      /HUBSPOT_ACCESS_TOKEN or HUBSPOT_CLIENT_ID is needed[\s\S]*ROLECALL_PUBLIC_URL is not set[\s\S]*app\.json/,
    );
  });

  it('OAuth mode needs the client id and a token key, and no static token', () => {
    const oauth = { ...valid, HUBSPOT_ACCESS_TOKEN: '', HUBSPOT_CLIENT_ID: 'client-id-0001' };
    const missingKey = loadServerConfig(oauth);
    expect(missingKey.ok ? '' : missingKey.errors.join()).toMatch(/ROLECALL_TOKEN_KEY is not set/);
    const ok = loadServerConfig({
      ...oauth,
      ROLECALL_TOKEN_KEY: 'f'.repeat(64),
      DATABASE_URL: 'postgres://u:p@db/x',
    });
    expect(ok).toMatchObject({
      ok: true,
      config: { mode: 'oauth', clientId: 'client-id-0001', databaseUrl: 'postgres://u:p@db/x' },
    });
    expect(loadServerConfig({ ...valid, DATABASE_URL: 'mysql://x' }).ok).toBe(false);
  });

  it('a service key works wherever a static token does (private mode)', () => {
    const result = loadServerConfig({ ...valid, HUBSPOT_ACCESS_TOKEN: 'sk-na1-0a1b2c3d-service-key' });
    expect(result).toMatchObject({
      ok: true,
      config: { mode: 'static', accessToken: 'sk-na1-0a1b2c3d-service-key' },
    });
  });

  it('refuses a playbook file that does not load', async () => {
    await expect(runServe({ ...valid, ROLECALL_PLAYBOOK: '/nonexistent/playbook.yaml' })).rejects.toThrow(
      /ROLECALL_PLAYBOOK \/nonexistent\/playbook\.yaml cannot be used/,
    );
  });
});
