/** Reduces any error shape to sentences a rep can read; the one place cards format errors. */
export function errorMessages(error: unknown): string[] {
  if (error === null || error === undefined) return ['Something went wrong, but no detail was given.'];
  if (typeof error === 'string') return [error.trim() || 'Something went wrong.'];
  if (Array.isArray(error)) return error.flatMap(errorMessages);
  if (typeof error === 'object') {
    const record = error as Record<string, unknown>;
    // App-function results carry `errors: string[]`; HubSpot bodies carry `message`; Errors carry both shapes.
    if (Array.isArray(record.errors) && record.errors.length > 0) return record.errors.flatMap(errorMessages);
    if (typeof record.message === 'string' && record.message.trim()) return [record.message.trim()];
  }
  return ['Something went wrong, but the error could not be read.'];
}
