import type { z } from 'zod';
import { formatIssues } from '@hubpulse/contracts';
import { InvalidInputError } from './errors';

/** Parses `value` or throws a 400 naming each bad field. */
export function parseOr400<S extends z.ZodType>(schema: S, value: unknown, prefix = ''): z.output<S> {
  const r = schema.safeParse(value);
  if (!r.success) throw new InvalidInputError(formatIssues(r.error.issues, prefix));
  return r.data;
}
