import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { directoryPeopleQuery } from '../../api/segments.api';
import { Field } from './rule-inputs';

const SHOWN = 6;

/**
 * The manager of a manager-tree condition. Segment editors (admins and planners) search the
 * directory by name, email or id; anyone else types the person id.
 */
export function ManagerField({
  value,
  onChange,
  problems,
  canSearch,
  knownName,
  onNamed,
}: {
  value: string;
  onChange: (id: string) => void;
  problems?: readonly string[];
  canSearch: boolean;
  knownName: string | undefined;
  onNamed: (id: string, name: string) => void;
}) {
  return (
    <div className="manager-field">
      <Field label="Manager (person id)" problems={problems} hint={knownName ? `${knownName}` : canSearch ? 'or search by name below' : 'the id in the directory, e.g. p-0042'}>
        {({ input, error, invalid }) => (
          <input
            id={input}
            className="rule-input rule-input--id"
            value={value}
            aria-invalid={invalid}
            aria-describedby={invalid ? error : undefined}
            onChange={(e) => onChange(e.target.value.trim())}
          />
        )}
      </Field>
      {canSearch && (
        <ManagerSearch
          onPick={(id, name) => {
            onChange(id);
            onNamed(id, name);
          }}
        />
      )}
    </div>
  );
}

function ManagerSearch({ onPick }: { onPick: (id: string, name: string) => void }) {
  const [text, setText] = useState('');
  const [q, setQ] = useState('');
  useEffect(() => {
    const t = setTimeout(() => setQ(text.trim()), 250);
    return () => clearTimeout(t);
  }, [text]);
  const query = useQuery({ ...directoryPeopleQuery(q), enabled: q.length >= 2, placeholderData: keepPreviousData });
  const people = q.length >= 2 ? (query.data ?? []) : [];
  return (
    <div className="manager-search">
      <Field label="Find a manager">
        {({ input }) => (
          <input id={input} className="rule-input rule-input--id" type="search" placeholder="Name or email…" value={text} onChange={(e) => setText(e.target.value)} autoComplete="off" />
        )}
      </Field>
      {q.length >= 2 && (
        <ul className="manager-search__list" aria-label="Matching people">
          {query.isError && <li className="muted">Could not search people.</li>}
          {query.isSuccess && people.length === 0 && <li className="muted">Nobody matches “{q}”.</li>}
          {people.slice(0, SHOWN).map((p) => (
            <li key={p.person_id}>
              <button
                type="button"
                className="manager-search__person"
                onClick={() => {
                  onPick(p.person_id, p.name || p.person_id);
                  // Picked: the list has done its job.
                  setText('');
                  setQ('');
                }}
              >
                <strong>{p.name || p.person_id}</strong> <span className="muted">{[p.department, p.title].filter(Boolean).join(' · ')}</span> <code>{p.person_id}</code>
              </button>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
