import { round } from '@hubpulse/contracts';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useEffect, useId, useState } from 'react';
import { scoredPeopleQuery } from '../../api/engagement.api';
import { ErrorState } from '../../charts/shared/chart-states';
import { formatPoints, formatScore } from '../../lib/format';

const SHOWN = 12;

/** Search people by name or id and pick one; the list shows each one's score on the day. */
export function PersonPicker({ day, selected, onPick }: { day: string | undefined; selected: string | null; onPick: (personId: string) => void }) {
  const [text, setText] = useState('');
  const [q, setQ] = useState('');
  const listId = useId();
  // Ask the server once typing pauses, not on every key.
  useEffect(() => {
    const t = setTimeout(() => setQ(text.trim()), 250);
    return () => clearTimeout(t);
  }, [text]);
  const query = useQuery({ ...scoredPeopleQuery(day, q), placeholderData: keepPreviousData });
  const people = query.data ?? [];

  return (
    <div className="person-picker">
      <label className="form-field">
        <span>Person</span>
        <input
          type="search"
          value={text}
          placeholder="Search by name, email or id…"
          aria-controls={listId}
          autoComplete="off"
          onChange={(e) => setText(e.target.value)}
        />
      </label>
      {query.error && !query.data ? (
        <ErrorState error={query.error} onRetry={() => void query.refetch()} height={80} />
      ) : (
        <ul id={listId} className={query.isPlaceholderData || query.isFetching ? 'people-list is-stale' : 'people-list'} aria-label="Matching people">
          {query.isPending && <li className="muted people-list__note">Loading people…</li>}
          {query.isSuccess && people.length === 0 && <li className="muted people-list__note">Nobody matches “{q}”.</li>}
          {people.slice(0, SHOWN).map((p) => (
            <li key={p.person_id}>
              <button
                type="button"
                className={p.person_id === selected ? 'person is-selected' : 'person'}
                aria-pressed={p.person_id === selected}
                onClick={() => onPick(p.person_id)}
              >
                <span className="person__name">
                  {p.name ?? p.person_id}
                  {p.name && <span className="person__id"> {p.person_id}</span>}
                </span>
                <span className="person__dept">{p.department ?? '—'}</span>
                <span className="person__score" title={`Raw ${formatPoints(p.raw)}`}>
                  {formatScore(round(p.score, 1))}
                </span>
              </button>
            </li>
          ))}
          {people.length > SHOWN && <li className="muted people-list__note">{people.length - SHOWN} more: type to narrow the list.</li>}
        </ul>
      )}
    </div>
  );
}
