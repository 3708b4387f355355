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
