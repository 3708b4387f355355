import { savedViewHref } from '@hubpulse/contracts';
import { useQuery } from '@tanstack/react-query';
import { useEffect } from 'react';
import { Link, useNavigate, useParams } from 'react-router';
import { isApiError } from '../../api/api.client';
import { savedViewQuery } from '../../api/saved-views.api';
import { PageSplash } from '../shell/route-error';

/**
 * `/views/:id`, the link of a saved view: opens its page with its state, or says plainly that the
 * view is gone or that the caller's role cannot see it (the API decides, from PAGE_ACCESS).
 */
export function OpenViewPage() {
  const { id = '' } = useParams();
  const navigate = useNavigate();
  const view = useQuery({ ...savedViewQuery(id), retry: false });

  useEffect(() => {
    if (view.data) void navigate(savedViewHref(view.data), { replace: true });
  }, [view.data, navigate]);

  if (view.error) {
    const status = isApiError(view.error) ? view.error.status : 0;
    const [title, text] =
      status === 403
        ? ['Your role cannot see this view', view.error.message]
        : status === 404
          ? ['This saved view is gone', 'It was deleted, or its owner keeps it private. Ask whoever sent you the link to share it again.']
          : ['This saved view could not be opened', view.error.message];
    return (
      <main className="page">
        <title>{`${title} · Hubpulse`}</title>
        <div className="notice" role="alert">
          <h1 className="notice__title">{title}</h1>
          <p>{text}</p>
          <p>
            <Link to="/reports/saved-views">Your saved views</Link> · <Link to="/">Your start page</Link>
          </p>
        </div>
      </main>
    );
  }
  return <PageSplash />;
}
