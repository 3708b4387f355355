import { pageFor } from '@hubpulse/contracts';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useId, useRef, useState } from 'react';
import { Link, useLocation } from 'react-router';
import { createSavedView } from '../../api/saved-views.api';
import { queryKeys } from '../../api/query-keys';

/**
 * "Save view" in every page header: keeps the page's path and query string (range, grouping,
 * filters, segment, goal) under a name, privately or shared. Absent where the address is not a
 * dashboard page (PAGE_ACCESS).
 */
export function SaveView() {
  const { pathname, search } = useLocation();
  const page = pageFor(pathname);
  const [open, setOpen] = useState(false);
  const button = useRef<HTMLButtonElement>(null);
  if (!page) return null;
  // Closing (Cancel, Close, Escape) gives focus back to the button that opened the panel.
  const close = () => {
    setOpen(false);
    button.current?.focus();
  };
  return (
    <div className="save-view" onKeyDown={(e) => open && e.key === 'Escape' && close()}>
      <button ref={button} type="button" className="button button--ghost button--small" aria-expanded={open} onClick={() => setOpen((o) => !o)}>
        Save view
      </button>
      {open && <SaveViewForm key={pathname + search} defaultName={page.label} path={pathname} query={search} onClose={close} />}
    </div>
  );
}

function SaveViewForm({ defaultName, path, query, onClose }: { defaultName: string; path: string; query: string; onClose: () => void }) {
  const queryClient = useQueryClient();
  const [name, setName] = useState(defaultName);
  const [shared, setShared] = useState(false);
  const ids = useId();
  const save = useMutation({
    mutationFn: () => createSavedView({ name: name.trim(), path: path.replace(/\/+$/, '') || '/', query: query.replace(/^\?/, ''), shared }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: queryKeys.savedViews }),
  });
  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (name.trim()) save.mutate();
  };

  return (
    <section className="save-view__panel" aria-label="Save this view">
      {save.data ? (
        <p role="status">
          Saved as “{save.data.name}”{save.data.shared ? ', shared' : ''}. <Link to="/reports/saved-views">Your saved views</Link>{' '}
          {/* The form (and its focused Save) is gone: focus comes here, not to the page. */}
          <button type="button" className="button button--ghost button--small" onClick={onClose} autoFocus>
            Close
          </button>
        </p>
      ) : (
        <form noValidate onSubmit={submit}>
          <div className="form-field">
            <label htmlFor={`${ids}-name`}>Name</label>
            <input id={`${ids}-name`} type="text" maxLength={120} value={name} autoFocus aria-invalid={!name.trim() || undefined} onChange={(e) => setName(e.target.value)} />
            {!name.trim() && <span className="field-error">Give the view a name</span>}
          </div>
          <p className="field-help save-view__state" title={query || undefined}>
            Keeps this page{query ? ' with its range, grouping and filters' : ''}.
          </p>
          <label className="check">
            <input type="checkbox" checked={shared} onChange={(e) => setShared(e.target.checked)} /> Share: everyone whose role may open this page sees it
          </label>
          {save.error && (
            <span className="field-error" role="alert">
              {save.error.message}
            </span>
          )}
          <div className="save-view__actions">
            <button type="submit" className="button button--primary button--small" disabled={save.isPending || !name.trim()}>
              {save.isPending ? 'Saving…' : 'Save'}
            </button>
            <button type="button" className="button button--ghost button--small" onClick={onClose}>
              Cancel
            </button>
          </div>
        </form>
      )}
    </section>
  );
}
