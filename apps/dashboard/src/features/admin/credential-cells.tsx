import { type QueryKey, useMutation, useQueryClient } from '@tanstack/react-query';
import { lastUsedCell } from '../write-keys/write-keys.transform';

/** Cells of a list of secrets (write keys, read tokens): which one, when it was last used, and revoking it. */

/** The row heading: the name, and the first characters of the secret to recognise it by. */
export function CredentialNameCell({ name, prefix, prefixTitle }: { name: string; prefix: string; prefixTitle: string }) {
  return (
    <th scope="row" className="source-cell">
      <span className="source-cell__name">{name}</span>
      <code className="source-cell__prefix" title={prefixTitle}>
        {prefix}…
      </code>
    </th>
  );
}

/** "Last used": how long ago ("never" when never), the exact time as its title. */
export function LastUsedCell({ iso, now, testId }: { iso: string | null; now: number; testId?: string }) {
  const lastUsed = lastUsedCell(iso, now);
  return (
    <td className="nowrap" data-testid={testId}>
      {iso ? (
        <time dateTime={iso} title={lastUsed.title ?? undefined}>
          {lastUsed.text}
        </time>
      ) : (
        <span className="muted">{lastUsed.text}</span>
      )}
    </td>
  );
}

/** Revoke after a confirmation (`confirm` is its question), then refresh the list (`invalidate`); the button only where `show`. */
export function RevokeCell({ name, confirm, show, revoke, invalidate }: { name: string; confirm: string; show: boolean; revoke: () => Promise<void>; invalidate: QueryKey }) {
  const queryClient = useQueryClient();
  const mutation = useMutation({ mutationFn: revoke, onSettled: () => queryClient.invalidateQueries({ queryKey: invalidate }) });
  return (
    <td className="actions-cell">
      {show && (
        <button type="button" className="button button--danger button--small" disabled={mutation.isPending} aria-label={`Revoke ${name}`} onClick={() => window.confirm(confirm) && mutation.mutate()}>
          Revoke
        </button>
      )}
      {mutation.error && (
        <span className="field-error" role="alert">
          {mutation.error.message}
        </span>
      )}
    </td>
  );
}
