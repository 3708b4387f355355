import { useState } from 'react';
import { Link } from 'react-router';
import { CopyButton } from '../admin/copy-button';

/** How to get events in: a curl line for the native API, and where SDKs should point. */
export function SendDataHelp({ origin = window.location.origin }: { origin?: string }) {
  const [now] = useState(() => new Date());
  const occurredAt = now.toISOString().replace(/\.\d{3}Z$/, 'Z');
  const curl = [
    `curl -X POST ${origin}/v1/events \\`,
    `  -H "Authorization: Bearer <WRITE_KEY>" \\`,
    `  -H "Content-Type: application/json" \\`,
    `  -d '{"events":[{"event_id":"test-${now.getTime()}","type":"view","actor_id":"person-1",`,
    `                  "occurred_at":"${occurredAt}","channel":"blog","purpose":"inform"}]}'`,
  ].join('\n');

  return (
    <div className="send-help">
      <p>
        Send events with a write key (it starts with <code>hp_wk_</code>). Replace <code>&lt;WRITE_KEY&gt;</code> below with yours; the
        event shows up here within a few seconds.
      </p>
      <div className="code-block">
        <pre>
          <code>{curl}</code>
        </pre>
        <CopyButton text={curl} />
      </div>
      <ul className="send-help__list">
        <li>
          <strong>Segment or RudderStack SDKs:</strong> point the SDK's host at <code>{origin}</code> (it posts to{' '}
          <code>{origin}/v1/batch</code>) and use the write key as the SDK's write key.
        </li>
        <li>
          <strong>PostHog SDKs:</strong> set the host to <code>{origin}</code> and use the write key as the project API key.
        </li>
        <li>
          SDK events need a mapping to become hub actions: see <Link to="/admin/event-mappings">Event mappings</Link>.
        </li>
      </ul>
    </div>
  );
}
