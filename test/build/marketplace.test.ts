import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { publicUrlProblem, writeMarketplaceProject } from '../../src/build/marketplace.ts';
import { OPTIONAL_SCOPES, REQUIRED_SCOPES } from '../../src/hubspot/app-scopes.ts';
import { checkProject } from '../../src/project/check-project.ts';

const root = join(import.meta.dirname, '../..');
const read = (dir: string, file: string) => readFileSync(join(dir, file), 'utf8');

describe('the marketplace build', () => {
  it('refuses to build without a usable public URL', () => {
    expect(publicUrlProblem(undefined)).toMatch(/--public-url is required/);
    expect(publicUrlProblem('http://rolecall.acme.io')).toMatch(/https/);
    expect(publicUrlProblem('https://rolecall.example.com')).toMatch(/placeholder/);
    expect(publicUrlProblem('https://rolecall.acme.io/app')).toMatch(/without a path/);
    expect(publicUrlProblem('https://rolecall.acme.io')).toBeNull();
    const out = mkdtempSync(join(tmpdir(), 'rolecall-market-'));
    expect(
      writeMarketplaceProject({ sourceDir: join(root, 'extensions'), outDir: out, publicUrl: '' }).errors,
    ).toHaveLength(1);
  });

  it('writes an OAuth, marketplace project on the given backend, with no app functions, that HubSpot’s parser accepts', async () => {
    const out = join(mkdtempSync(join(tmpdir(), 'rolecall-market-')), 'project');
    const result = writeMarketplaceProject({
      sourceDir: join(root, 'extensions'),
      outDir: out,
      publicUrl: 'https://rolecall.acme.io',
    });
    expect(result.errors).toEqual([]);
    const app = JSON.parse(read(out, 'extensions/app/app-hsmeta.json'));
    expect(app.config.distribution).toBe('marketplace');
    expect(app.config.auth).toEqual({
      type: 'oauth',
      redirectUrls: ['https://rolecall.acme.io/oauth/callback'],
      requiredScopes: [...REQUIRED_SCOPES],
      optionalScopes: [...OPTIONAL_SCOPES],
      conditionallyRequiredScopes: [],
    });
    expect(app.config.permittedUrls.fetch).toEqual(['https://rolecall.acme.io']);
    expect(result.outputs.some((f) => f.includes('/functions/'))).toBe(false);
    expect(
      JSON.parse(read(out, 'extensions/app/webhooks/webhooks-hsmeta.json')).config.settings.targetUrl,
    ).toBe('https://rolecall.acme.io/hubspot/webhooks');
    const allText = result.outputs
      .filter((f) => /\.(tsx?|json)$/.test(f))
      .map((f) => read(out, f))
      .join('\n');
    expect(allText).not.toContain('rolecall.example.com');
    expect(allText).not.toMatch(/hubspot\.serverless\(/);
    expect(read(out, 'extensions/app/cards/shared/saveClient.ts')).toContain(
      'hubspot.fetch(`${BACKEND_URL}/api/cards/save-classification`',
    );
    // The private project is untouched.
    expect(JSON.parse(read(root, 'extensions/app/app-hsmeta.json')).config.auth.type).toBe('static');
    expect(await checkProject(out)).toEqual([]);
  });
});
