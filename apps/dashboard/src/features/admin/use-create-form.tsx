import { type QueryKey, useMutation, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { formErrors } from './form-errors.transform';

interface CreateFormOptions<D, B, R> {
  empty: D;
  /** Problems found before sending, by field (shown once the form was submitted). */
  check: (draft: D) => Partial<Record<string, string>>;
  toBody: (draft: D) => B;
  send: (body: B) => Promise<R>;
  /** The list the new item shows in. */
  invalidate: QueryKey;
  onDone: (result: R) => void;
  /** Fields a 400 may name. */
  fields: readonly string[];
}

/**
 * A small admin form that creates something (a key, an invitation): the draft, checks before
 * sending, the 400's field problems beside the fields, and the form emptied after success.
 */
export function useCreateForm<D, B, R>({ empty, check, toBody, send, invalidate, onDone, fields }: CreateFormOptions<D, B, R>) {
  const queryClient = useQueryClient();
  const [draft, setDraft] = useState<D>(empty);
  const [checked, setChecked] = useState(false);
  const mutation = useMutation({
    mutationFn: send,
    onSuccess: async (result) => {
      setDraft(empty);
      setChecked(false);
      onDone(result);
      await queryClient.invalidateQueries({ queryKey: invalidate });
    },
  });
  const local = checked ? check(draft) : {};
  const server = formErrors(mutation.error, fields);
  return {
    draft,
    set: (patch: Partial<D>) => setDraft({ ...draft, ...patch }),
    error: (field: string): string | undefined => local[field] ?? server.byField[field],
    general: server.general,
    pending: mutation.isPending,
    submit: (e: FormEvent) => {
      e.preventDefault();
      setChecked(true);
      if (Object.keys(check(draft)).length === 0) mutation.mutate(toBody(draft));
    },
  };
}

/** A form's problems that belong to no field, above it. */
export function FormProblems({ messages }: { messages: readonly string[] }) {
  return messages.length > 0 ? (
    <p className="form__error" role="alert">
      {messages.join(' ')}
    </p>
  ) : null;
}
