import { useQuery } from '@tanstack/react-query';
import { Link } from 'react-router';
import { eventMappingsQuery } from '../../api/ingestion.api';
import { ErrorState, LoadingState } from '../../charts/shared/chart-states';
import { AdminOnlyNotice, isForbidden } from '../admin/admin-gate';
import { MappingsEditor } from './mappings-editor';
import { PageHeader } from '../shell/page-header';

export function EventMappingsPage() {
  // Edit what the server has now, not a copy from an earlier visit; and never reload under the
  // user's edits (the editor reads `initial` once, but an error would swap it for ErrorState).
  const query = useQuery({ ...eventMappingsQuery, refetchOnMount: 'always', refetchOnWindowFocus: false, refetchOnReconnect: false });
  const { data, error } = query;
  const fresh = query.isFetchedAfterMount && query.isSuccess;

  if (isForbidden(error)) return <AdminOnlyNotice />;

  return (
    <main className="page">
      <title>Event mappings · Hubpulse</title>
      <PageHeader title="Event mappings">
        <span>How SDK events become hub actions</span>
      </PageHeader>

      <section aria-label="Event mappings" className="panel">
        <header className="panel__header">
          <div className="panel__heading">
            <h2 className="panel__title">Mappings</h2>
            <p className="panel__description panel__description--wide">
              A Segment track event or PostHog event whose name is listed here becomes that hub action; others are rejected with the
              reason 'no mapping for event …' and show up on the <Link to="/admin/data-sources">Data sources</Link> page.
            </p>
            <p className="panel__description panel__description--wide">
              Names match exactly, capitals and spaces included. Channel and purpose are read from the event's properties; a value chosen
              here is used when the properties carry none. Saving replaces the whole table.
            </p>
          </div>
        </header>
        {data && fresh ? (
          <MappingsEditor initial={data.mappings} />
        ) : error ? (
          <ErrorState error={error} onRetry={() => void query.refetch()} />
        ) : (
          <LoadingState label="Loading event mappings…" />
        )}
      </section>
    </main>
  );
}
