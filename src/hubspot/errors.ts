/** HubSpot failures translated once, into a typed result whose message names the fix. */
export type HubSpotErrorKind =
  | 'auth'
  | 'scope'
  | 'validation'
  | 'not_found'
  | 'conflict'
  | 'rate_limit'
  | 'daily_limit'
  | 'locked'
  | 'server'
  | 'network'
  | 'unexpected';

export interface HubSpotError {
  kind: HubSpotErrorKind;
  /** HTTP status, 0 for network failures. */
  status: number;
  /** One readable sentence that says what to do next. Never contains the token. */
  message: string;
  retryable: boolean;
  correlationId?: string;
  /** Seconds HubSpot asked us to wait, from `Retry-After`. */
  retryAfterSeconds?: number;
  /** The properties HubSpot named as invalid (400). */
  properties?: string[];
  /** Record ids HubSpot named (207 / 404). */
  ids?: string[];
  /** No answer came in time: the request may or may not have been applied. */
  timedOut?: boolean;
  /** Never sent: the request's fence said no (see `HubSpotRequest.fence`). */
  fenced?: boolean;
}

export type HubSpotResult<T> = { ok: true; value: T } | { ok: false; error: HubSpotError };

interface ErrorBody {
  message?: unknown;
  category?: unknown;
  correlationId?: unknown;
  policyName?: unknown;
  errors?: Array<{ message?: unknown; code?: unknown; context?: Record<string, unknown> }>;
  context?: Record<string, unknown>;
}

const asString = (value: unknown): string | undefined => (typeof value === 'string' ? value : undefined);

function contextList(context: Record<string, unknown> | undefined, key: string): string[] {
  const value = context?.[key];
  return Array.isArray(value) ? value.filter((item): item is string => typeof item === 'string') : [];
}

/** Turns one HubSpot error response into a typed error; `what` says what rolecall was doing. */
export function translateHubSpotError(
  status: number,
  rawBody: unknown,
  what: string,
  retryAfterHeader?: string | null,
): HubSpotError {
  const body = (rawBody && typeof rawBody === 'object' ? rawBody : {}) as ErrorBody;
  const said = asString(body.message) ?? '';
  const correlationId = asString(body.correlationId);
  const retryAfter = retryAfterHeader ? Number(retryAfterHeader) : Number.NaN;
  const base = {
    status,
    correlationId,
    ...(Number.isFinite(retryAfter) ? { retryAfterSeconds: retryAfter } : {}),
  };
  const details = Array.isArray(body.errors) ? body.errors : [];

  if (status === 401) {
    return {
      ...base,
      kind: 'auth',
      retryable: false,
      message: `HubSpot rejected the access token while ${what} (401). Check HUBSPOT_ACCESS_TOKEN: it must be a current private-app token for this portal.`,
    };
  }
  if (status === 403) {
    const scopes = details.flatMap((detail) => contextList(detail.context, 'requiredGranularScopes'));
    const named = scopes.length > 0 ? `one of ${scopes.join(', ')}` : 'the scope this call needs';
    return {
      ...base,
      kind: 'scope',
      retryable: false,
      message: `The token may not do this while ${what} (403). Grant ${named} to the app in HubSpot, then run the command again.`,
    };
  }
  if (status === 429) {
    const daily = body.policyName === 'DAILY';
    return {
      ...base,
      kind: daily ? 'daily_limit' : 'rate_limit',
      retryable: !daily,
      message: daily
        ? `HubSpot's daily API limit is used up while ${what}. Run "rolecall tag --resume" after midnight in the portal's time zone.`
        : `HubSpot rate limit reached while ${what}; rolecall waits and retries.`,
    };
  }
  if (status === 400) {
    const properties = details.flatMap((detail) => contextList(detail.context, 'propertyName'));
    const codes = details.map((detail) => asString(detail.code)).filter(Boolean);
    const fix = codes.some((code) => code === 'PROPERTY_DOESNT_EXIST' || code === 'INVALID_OPTION')
      ? 'Run "rolecall setup" to create the properties and options, then run the command again.'
      : 'Correct the value or the playbook, then run the command again.';
    const where = properties.length > 0 ? ` for property ${properties.join(', ')}` : '';
    return {
      ...base,
      kind: 'validation',
      retryable: false,
      properties,
      message: `HubSpot refused a value${where} while ${what}: ${(firstDetail(details) ?? said).replace(/[.\s]+$/, '')}. ${fix}`,
    };
  }
  if (status === 404) {
    return { ...base, kind: 'not_found', retryable: false, message: `Not found while ${what}: ${said}` };
  }
  if (status === 409) {
    return { ...base, kind: 'conflict', retryable: false, message: `Conflict while ${what}: ${said}` };
  }
  if (status === 423 || status === 477) {
    return {
      ...base,
      kind: 'locked',
      retryable: true,
      message: `HubSpot is busy (${status}) while ${what}.`,
    };
  }
  if (status >= 500) {
    return { ...base, kind: 'server', retryable: true, message: `HubSpot failed (${status}) while ${what}.` };
  }
  return {
    ...base,
    kind: 'unexpected',
    retryable: false,
    message: `Unexpected HubSpot answer ${status} while ${what}: ${said || 'no message'}`,
  };
}

function firstDetail(details: ErrorBody['errors'] & object): string | undefined {
  return details.map((detail) => asString(detail.message)).find(Boolean);
}

/** A failure before any HTTP status: DNS, refused, reset, timeout. */
export function networkError(cause: unknown, what: string, baseUrl: string): HubSpotError {
  const code = (cause as { cause?: { code?: string } })?.cause?.code ?? (cause as Error)?.message ?? 'error';
  return {
    kind: 'network',
    status: 0,
    retryable: true,
    message: `Could not reach HubSpot at ${baseUrl} while ${what} (${code}). Check the network or --base-url.`,
  };
}
