import { type SavedViewDto, savedViewHref } from '@hubpulse/contracts';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { Link } from 'react-router';
import { deleteSavedView, savedViewsQuery, updateSavedView } from '../../api/saved-views.api';
import { queryKeys } from '../../api/query-keys';
import { ChartPanel } from '../../charts/shared/chart-panel';
import { QueryStates } from '../../charts/shared/chart-states';
import { DataTable } from '../../charts/shared/data-table';
import { formatDateTime } from '../../lib/format';
import { CopyButton } from '../admin/copy-button';
import { groupSavedViews, viewLink, viewStateText } from './saved-views.transform';

/** Reports → Saved views: own views (open, copy link, rename, share, delete) and those others share. */
export function SavedViewsPage() {
  const views = useQuery(savedViewsQuery);
  const groups = views.data && groupSavedViews(views.data);
  return (
    <>
      <title>Saved views · Reports · Hubpulse</title>
      <ChartPanel title="Your saved views" description={<>Save a view with “Save view” at the top of any page: it keeps the page with its range, grouping and filters. A shared view is listed for everyone whose role may open its page; its link opens it for them.</>}>
        <QueryStates data={groups?.mine} error={views.error} onRetry={() => void views.refetch()} loadingLabel="Loading saved views…" empty={(m) => m.length === 0 && 'No saved views yet'} emptyText="Open a page, set it up, and use “Save view” in its header.">
          {(mine) => <ViewsTable caption="Your saved views" views={mine} />}
        </QueryStates>
      </ChartPanel>
      <ChartPanel title="Shared with you" description="Views others shared, of pages your role may open.">
        <QueryStates data={groups?.shared} error={views.error} onRetry={() => void views.refetch()} loadingLabel="Loading saved views…" empty={(s) => s.length === 0 && 'Nothing shared yet'} emptyText="Views others share appear here.">
          {(shared) => <ViewsTable caption="Views shared with you" views={shared} />}
        </QueryStates>
      </ChartPanel>
    </>
  );
}

function ViewsTable({ caption, views }: { caption: string; views: SavedViewDto[] }) {
  return (
    <DataTable caption={caption} columns={['Name', 'Page', 'State', 'Owner', 'Shared', 'Changed', '']}>
      {views.map((v) => (
        <ViewRow key={v.id} view={v} />
      ))}
    </DataTable>
  );
}

function ViewRow({ view }: { view: SavedViewDto }) {
  const queryClient = useQueryClient();
  const [renaming, setRenaming] = useState(false);
  const [name, setName] = useState(view.name);
  const done = () => queryClient.invalidateQueries({ queryKey: ['saved-views'] });
  const update = useMutation({ mutationFn: (patch: { name?: string; shared?: boolean }) => updateSavedView(view.id, patch), onSuccess: () => setRenaming(false), onSettled: done });
  const remove = useMutation({ mutationFn: () => deleteSavedView(view.id), onSettled: () => queryClient.invalidateQueries({ queryKey: queryKeys.savedViews }) });
  const rename = (e: FormEvent) => {
    e.preventDefault();
    if (name.trim()) update.mutate({ name: name.trim() });
  };
  const error = update.error ?? remove.error;

  return (
    <tr data-testid="saved-view-row">
      <th scope="row">
        {renaming ? (
          <form className="saved-views__rename" onSubmit={rename}>
            <input type="text" aria-label={`New name for ${view.name}`} maxLength={120} value={name} autoFocus onChange={(e) => setName(e.target.value)} />
            <button type="submit" className="button button--primary button--small" disabled={!name.trim() || update.isPending}>
              Save
            </button>
            <button type="button" className="button button--ghost button--small" onClick={() => (setRenaming(false), setName(view.name))}>
              Cancel
            </button>
          </form>
        ) : (
          <Link className="saved-views__name" to={savedViewHref(view)}>
            {view.name}
          </Link>
        )}
      </th>
      <td>{view.page_label}</td>
      <td className="muted">{viewStateText(view.query)}</td>
      <td>{view.mine ? 'you' : view.owner.name || view.owner.email}</td>
      <td>
        {view.mine ? (
          <label className="check">
            <input type="checkbox" checked={view.shared} disabled={update.isPending} aria-label={`Share ${view.name}`} onChange={(e) => update.mutate({ shared: e.target.checked })} />{' '}
            {view.shared ? 'Shared' : 'Private'}
          </label>
        ) : (
          'Shared'
        )}
      </td>
      <td className="nowrap">{formatDateTime(view.updated_at)}</td>
      <td>
        <div className="saved-views__actions">
          <Link className="button button--ghost button--small" to={savedViewHref(view)} aria-label={`Open ${view.name}`}>
            Open
          </Link>
          <CopyButton text={viewLink(window.location.origin, view.id)} className="button button--ghost button--small" label="Copy link" />
          {view.mine && !renaming && (
            <button type="button" className="button button--ghost button--small" aria-label={`Rename ${view.name}`} onClick={() => setRenaming(true)}>
              Rename
            </button>
          )}
          {view.can_delete && (
            <button
              type="button"
              className="button button--danger button--small"
              aria-label={`Delete ${view.name}`}
              disabled={remove.isPending}
              onClick={() => window.confirm(`Delete the saved view “${view.name}”?${view.shared ? ' Its link stops working for everyone it was shared with.' : ''}`) && remove.mutate()}
            >
              Delete
            </button>
          )}
        </div>
        {error && (
          <span className="field-error" role="alert">
            {error.message}
          </span>
        )}
      </td>
    </tr>
  );
}
