import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { setWriteKeyOrigins } from '../../api/admin.api';
import { queryKeys } from '../../api/query-keys';
import { type WriteKeyRow, parseOrigins } from './write-keys.transform';

/**
 * "Allowed origins" of a browser key: the pages (scheme, host and port) its SDK may send from. A
 * browser key without any is refused by every page; server keys have none.
 */
export function OriginsCell({ row }: { row: WriteKeyRow }) {
  const [draft, setDraft] = useState<string | null>(null);
  const queryClient = useQueryClient();
  const save = useMutation({
    mutationFn: (origins: string[]) => setWriteKeyOrigins(row.id, origins),
    onSuccess: () => {
      setDraft(null);
      void queryClient.invalidateQueries({ queryKey: queryKeys.writeKeys });
    },
  });
  if (!row.browser) return <td className="muted">Server key: not from pages</td>;
  const revoked = row.revokedAt !== null;
  const fieldId = `origins-${row.id}`;

  if (draft === null) {
    return (
      <td className="origins-cell">
        {row.allowedOrigins.length ? (
          <ul className="origins-cell__list">
            {row.allowedOrigins.map((o) => (
              <li key={o}>
                <code>{o}</code>
              </li>
            ))}
          </ul>
        ) : (
          <span className="muted">None: every page is refused</span>
        )}
        {!revoked && (
          <button type="button" className="button button--secondary button--small" aria-label={`Edit allowed origins of ${row.name}`} onClick={() => setDraft(row.allowedOrigins.join('\n'))}>
            Edit
          </button>
        )}
      </td>
    );
  }

  const parsed = parseOrigins(draft);
  const problem = parsed.invalid.length ? `Not a web origin: ${parsed.invalid.join(', ')}. Give scheme, host and port only, such as https://intranet.example.com.` : null;
  return (
    <td className="origins-cell">
      <form
        className="origins-cell__form"
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          if (!problem) save.mutate(parsed.origins);
        }}
      >
        <label htmlFor={fieldId}>Pages that may send with “{row.name}”, one per line</label>
        <textarea id={fieldId} rows={3} cols={34} placeholder="https://intranet.example.com" value={draft} aria-invalid={problem ? true : undefined} onChange={(e) => setDraft(e.target.value)} />
        {(problem ?? save.error?.message) && (
          <span className="field-error" role="alert">
            {problem ?? save.error?.message}
          </span>
        )}
        <div className="origins-cell__actions">
          <button type="submit" className="button button--primary button--small" disabled={save.isPending || problem !== null}>
            {save.isPending ? 'Saving…' : 'Save origins'}
          </button>
          <button type="button" className="button button--ghost button--small" onClick={() => setDraft(null)}>
            Cancel
          </button>
        </div>
      </form>
    </td>
  );
}
