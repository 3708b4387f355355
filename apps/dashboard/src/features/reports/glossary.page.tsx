import { type GlossaryGroup, searchGlossary } from '@hubpulse/contracts';
import { useQuery } from '@tanstack/react-query';
import { useEffect, useMemo } from 'react';
import { useLocation, useSearchParams } from 'react-router';
import { glossaryQuery } from '../../api/glossary.api';
import { ChartPanel } from '../../charts/shared/chart-panel';
import { QueryStates } from '../../charts/shared/chart-states';

/**
 * Reports → Glossary: every definition the dashboard shows beside a number, grouped by area, each
 * with an anchor (/reports/glossary#<id>); the search (?q=) keeps entries holding every word.
 */
export function GlossaryPage() {
  const glossary = useQuery(glossaryQuery);
  const [search, setSearch] = useSearchParams();
  const q = search.get('q') ?? '';
  const groups = useMemo(() => glossary.data && searchGlossary(glossary.data.groups, q), [glossary.data, q]);
  useScrollToAnchor(!!glossary.data);

  const setQ = (next: string) =>
    setSearch(
      (current) => {
        const params = new URLSearchParams(current);
        if (next) params.set('q', next);
        else params.delete('q');
        return params;
      },
      { replace: true, preventScrollReset: true },
    );

  return (
    <>
      <title>Glossary · Reports · Hubpulse</title>
      <ChartPanel
        title="Glossary"
        description={`What every number means, word for word as shown beside it. Numbers about fewer than ${glossary.data?.min_group_size ?? 'the minimum number of'} people are hidden; the privacy entries say why.`}
        className="panel--wide"
      >
        <div className="glossary__search">
          <label htmlFor="glossary-q">Search the definitions</label>
          <input id="glossary-q" type="search" placeholder="e.g. read rate, persona, forecast" value={q} onChange={(e) => setQ(e.target.value)} />
        </div>
        <QueryStates data={groups} error={glossary.error} onRetry={() => void glossary.refetch()} loadingLabel="Loading the glossary…" empty={(g) => g.length === 0 && `Nothing matches “${q}”`} emptyText="Try fewer or other words.">
          {(g) => <GlossaryGroups groups={g} />}
        </QueryStates>
      </ChartPanel>
    </>
  );
}

function GlossaryGroups({ groups }: { groups: GlossaryGroup[] }) {
  return (
    <>
      <nav className="glossary__toc" aria-label="Glossary areas">
        {groups.map((g) => (
          <a key={g.id} href={`#${g.id}`}>
            {g.title} ({g.entries.length})
          </a>
        ))}
      </nav>
      <div className="glossary__list">
        {groups.map((g) => (
          <section key={g.id} id={g.id} aria-labelledby={`${g.id}-title`} className="glossary__group">
            <h3 id={`${g.id}-title`}>{g.title}</h3>
            <p className="muted">Shown in {g.where}</p>
            <dl>
              {g.entries.map((e) => (
                <div key={e.id} id={e.id} className="glossary__entry" data-testid="glossary-entry">
                  <dt>
                    {e.term}
                    <a href={`#${e.id}`} aria-label={`Link to ${e.term}`}>
                      #
                    </a>
                  </dt>
                  <dd>{e.definition}</dd>
                </div>
              ))}
            </dl>
          </section>
        ))}
      </div>
    </>
  );
}

/** Entries render after the glossary loads: scroll to the address's #anchor then. */
function useScrollToAnchor(ready: boolean) {
  const { hash } = useLocation();
  useEffect(() => {
    if (ready && hash) document.getElementById(decodeURIComponent(hash.slice(1)))?.scrollIntoView();
  }, [ready, hash]);
}
