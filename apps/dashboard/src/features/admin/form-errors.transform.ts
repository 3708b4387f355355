import { isApiError } from '../../api/api.client';

export interface FormErrors {
  /** Problems by field name (the first segment of the API's path). */
  byField: Record<string, string>;
  /** The rest, shown above the form. */
  general: string[];
}

/**
 * A failed request's problems, by field: a 400 lists `field: why` lines (or `issues`); anything
 * else is one general message.
 */
export function formErrors(error: unknown, fields: readonly string[]): FormErrors {
  const byField: Record<string, string> = {};
  const general: string[] = [];
  if (!error) return { byField, general };
  if (!isApiError(error) || error.status !== 400) return { byField, general: [error instanceof Error ? error.message : 'Something went wrong.'] };
  const place = (path: string, message: string, raw: string) => {
    const field = path.split(/[.[]/)[0];
    if (fields.includes(field)) byField[field] = byField[field] ? `${byField[field]}; ${message}` : message;
    else general.push(raw);
  };
  if (error.issues.length > 0) for (const i of error.issues) place(i.path, i.message, i.path ? `${i.path}: ${i.message}` : i.message);
  else
    for (const raw of error.messages) {
      const m = /^([\w.[\]]+)\s*:\s*([\s\S]+)$/.exec(raw.trim());
      if (m) place(m[1], m[2], raw);
      else general.push(raw);
    }
  return { byField, general };
}
