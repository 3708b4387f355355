import type { ReactNode } from 'react';
import { isApiError } from '../../api/api.client';

interface StateProps {
  /** Keeps the panel from jumping when the chart arrives. */
  height?: number;
}

export function LoadingState({ height = 240, label = 'Loading…' }: StateProps & { label?: string }) {
  return (
    <div className="chart-state chart-state--loading" style={{ minHeight: height }} role="status" aria-live="polite">
      <span className="spinner" aria-hidden="true" />
      <span>{label}</span>
    </div>
  );
}

export function ErrorState({ error, onRetry, height = 240 }: StateProps & { error: unknown; onRetry?: () => void }) {
  const message = error instanceof Error ? error.message : 'Something went wrong.';
  const requestId = isApiError(error) ? error.requestId : undefined;
  return (
    <div className="chart-state chart-state--error" style={{ minHeight: height }} role="alert">
      <p className="chart-state__title">Could not load this data</p>
      <p className="chart-state__text">{message}</p>
      {requestId && <p className="chart-state__meta">Reference: {requestId}</p>}
      {onRetry && (
        <button type="button" className="button button--secondary" onClick={onRetry}>
          Try again
        </button>
      )}
    </div>
  );
}

export function EmptyState({ title, children, height = 240 }: StateProps & { title: string; children?: ReactNode }) {
  return (
    <div className="chart-state chart-state--empty" style={{ minHeight: height }}>
      <p className="chart-state__title">{title}</p>
      {children && <p className="chart-state__text">{children}</p>}
    </div>
  );
}

interface QueryStatesProps<T> extends StateProps {
  /** The query's data; while it is undefined the loading or the error state shows. */
  data: T | undefined;
  error: unknown;
  /** Offered as "Try again" beside an error. */
  onRetry?: () => void;
  loadingLabel?: string;
  /** When it returns a title, the empty state shows instead of the content (with `emptyText` under it). */
  empty?: (data: T) => string | false | null | undefined;
  emptyText?: ReactNode;
  children: (data: T) => ReactNode;
}

/**
 * The one switch every data panel makes: error (only when there is nothing to show), loading, empty,
 * or the content. Data already on screen stays while a refetch fails or runs.
 */
export function QueryStates<T>({ data, error, onRetry, loadingLabel, empty, emptyText, height, children }: QueryStatesProps<T>) {
  if (data === undefined) {
    return error ? <ErrorState error={error} onRetry={onRetry} height={height} /> : <LoadingState label={loadingLabel} height={height} />;
  }
  const emptyTitle = empty?.(data);
  if (emptyTitle) {
    return (
      <EmptyState title={emptyTitle} height={height}>
        {emptyText}
      </EmptyState>
    );
  }
  return <>{children(data)}</>;
}
