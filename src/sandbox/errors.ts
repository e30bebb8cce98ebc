import { randomUUID } from 'node:crypto';

/** HubSpot's error bodies (hubspot-api.md §1, §2, §7), built in one place so every route answers alike. */
export interface HubSpotErrorBody {
  status: 'error';
  message: string;
  correlationId: string;
  category?: string;
  subCategory?: string;
  errors?: { message: string; code?: string; context?: Record<string, string[]> }[];
  context?: Record<string, string[]>;
  links?: Record<string, string>;
  [extra: string]: unknown;
}

/** A failure a route returns (never throws to the client as a 500). */
export class ApiError extends Error {
  constructor(
    readonly statusCode: number,
    readonly body: HubSpotErrorBody,
    readonly headers: Record<string, string> = {},
  ) {
    super(body.message);
  }
}

export const correlationId = (): string => randomUUID();

export function unauthorized(): ApiError {
  return new ApiError(
    401,
    {
      status: 'error',
      message:
        'Authentication credentials not found. This API supports OAuth 2.0 authentication and you can find more details at https://developers.hubspot.com/docs/methods/auth/oauth-overview',
      correlationId: correlationId(),
      category: 'INVALID_AUTHENTICATION',
    },
    { 'X-HubSpot-Auth-Failure': '401 Unauthorized' },
  );
}

export function missingScopes(required: readonly string[]): ApiError {
  return new ApiError(403, {
    status: 'error',
    message:
      "This app hasn't been granted all required scopes to make this call. Read more about required scopes here: https://developers.hubspot.com/scopes.",
    correlationId: correlationId(),
    errors: [
      {
        message: 'One or more of the following scopes are required.',
        context: { requiredGranularScopes: [...required] },
      },
    ],
    links: { scopes: 'https://developers.hubspot.com/scopes' },
    category: 'MISSING_SCOPES',
  });
}

export function validationError(message: string, errors?: HubSpotErrorBody['errors']): ApiError {
  const body: HubSpotErrorBody = { status: 'error', message, correlationId: correlationId() };
  if (errors) body.errors = errors;
  body.category = 'VALIDATION_ERROR';
  return new ApiError(400, body);
}

export function invalidJson(detail: string): ApiError {
  return validationError(`Invalid input JSON on ${detail}`);
}

export function notFound(id: string): ApiError {
  return new ApiError(404, {
    status: 'error',
    message: 'Object not found.  objectId are usually numeric.',
    correlationId: correlationId(),
    context: { id: [id] },
    category: 'OBJECT_NOT_FOUND',
  });
}

/** Property or group missing (the sandbox's wording; HubSpot's exact text is unconfirmed). */
export function resourceNotFound(message: string): ApiError {
  return new ApiError(404, {
    status: 'error',
    message,
    correlationId: correlationId(),
    category: 'OBJECT_NOT_FOUND',
  });
}

export function conflict(message: string): ApiError {
  return new ApiError(409, {
    status: 'error',
    message,
    correlationId: correlationId(),
    category: 'CONFLICT',
  });
}

export function routeNotFound(method: string, url: string): ApiError {
  return new ApiError(404, {
    status: 'error',
    message: `Unable to infer object type from: ${method} ${url.split('?')[0]}`,
    correlationId: correlationId(),
    category: 'OBJECT_NOT_FOUND',
  });
}

/** 423 during heavy syncing (hubspot-api.md §2); HubSpot's exact body is unconfirmed. */
export function locked(): ApiError {
  return new ApiError(
    423,
    {
      status: 'error',
      message: 'The record is locked while HubSpot syncs; retry in 2 seconds.',
      correlationId: correlationId(),
      category: 'LOCKED',
    },
    { 'Retry-After': '2' },
  );
}

export function internalError(): ApiError {
  return new ApiError(500, { status: 'error', message: 'internal error', correlationId: correlationId() });
}

export type RatePolicy = 'TEN_SECONDLY_ROLLING' | 'DAILY' | 'SECONDLY';

const RATE_MESSAGES: Record<RatePolicy, string> = {
  TEN_SECONDLY_ROLLING: 'You have reached your ten_secondly_rolling limit.',
  DAILY: 'You have reached your daily limit.',
  SECONDLY: 'You have reached your secondly limit.',
};

export function rateLimited(
  policy: RatePolicy,
  retryAfterSeconds: number,
  groupName: string,
  headers: Record<string, string> = {},
): ApiError {
  const id = correlationId();
  const body: HubSpotErrorBody = {
    status: 'error',
    message: RATE_MESSAGES[policy],
    errorType: 'RATE_LIMIT',
    correlationId: id,
    policyName: policy,
  };
  if (policy === 'TEN_SECONDLY_ROLLING') body.groupName = groupName;
  else body.requestId = id;
  return new ApiError(429, body, { ...headers, 'Retry-After': String(retryAfterSeconds) });
}
