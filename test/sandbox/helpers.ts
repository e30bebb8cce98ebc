import type { Client } from '@hubspot/api-client';
import { createHubSpotClient } from '../../src/hubspot/client.ts';
import { type Sandbox, type SandboxOptions, startSandbox } from '../../src/sandbox/index.ts';

/** A started sandbox plus an SDK client pointed at it. */
export interface Harness {
  sandbox: Sandbox;
  client: Client;
}

export async function harness(options: SandboxOptions = {}): Promise<Harness> {
  const sandbox = await startSandbox({ contacts: 200, rateLimit: false, ...options });
  return { sandbox, client: createHubSpotClient({ accessToken: sandbox.token, baseUrl: sandbox.baseUrl }) };
}

export interface RawResponse {
  status: number;
  headers: Headers;
  text: string;
  json: Record<string, unknown>;
}

/** Plain HTTP, for what the SDK hides (status codes, headers, malformed bodies). */
export async function raw(
  sandbox: Sandbox,
  method: string,
  path: string,
  body?: unknown,
  token: string | null = sandbox.token,
): Promise<RawResponse> {
  const headers: Record<string, string> = {};
  if (token !== null) headers.authorization = `Bearer ${token}`;
  if (body !== undefined) headers['content-type'] = 'application/json';
  const response = await fetch(`${sandbox.baseUrl}${path}`, {
    method,
    headers,
    body: body === undefined ? undefined : typeof body === 'string' ? body : JSON.stringify(body),
  });
  const text = await response.text();
  let json: Record<string, unknown> = {};
  try {
    json = text ? JSON.parse(text) : {};
  } catch {
    json = {};
  }
  return { status: response.status, headers: response.headers, text, json };
}

/** The ApiException the SDK throws, or fails the test if the call succeeded. */
export async function sdkError(
  call: Promise<unknown>,
): Promise<{ code: number; body: Record<string, unknown> }> {
  try {
    await call;
  } catch (error) {
    return error as { code: number; body: Record<string, unknown> };
  }
  throw new Error('expected the SDK call to fail');
}

export const keys = (value: unknown): string[] => Object.keys(value as object).sort();
