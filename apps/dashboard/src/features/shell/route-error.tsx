import { Link, isRouteErrorResponse, useRouteError } from 'react-router';

/** Shown when a page fails to load or render, instead of a blank screen. */
export function RouteError() {
  const error = useRouteError();
  const message = isRouteErrorResponse(error)
    ? `${error.status} ${error.statusText}`
    : error instanceof Error
      ? error.message
      : 'Unexpected error';
  return (
    <main className="standalone">
      <title>Error · Hubpulse</title>
      <div className="standalone__card" role="alert">
        <h1>Something went wrong</h1>
        <p>{message}</p>
        <p>
          <a href={window.location.pathname + window.location.search}>Reload the page</a> or <Link to="/">go to your start page</Link>.
        </p>
      </div>
    </main>
  );
}

export function NotFoundPage() {
  return (
    <main className="standalone">
      <title>Not found · Hubpulse</title>
      <div className="standalone__card">
        <h1>Page not found</h1>
        <p>There is nothing at this address.</p>
        <p>
          <Link to="/">Go to your start page</Link>
        </p>
      </div>
    </main>
  );
}

export function PageSplash() {
  return (
    <div className="splash" role="status" aria-live="polite">
      <span className="spinner" aria-hidden="true" />
      <span>Loading Hubpulse…</span>
    </div>
  );
}
