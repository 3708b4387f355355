import type { SavedViewDto } from '@hubpulse/contracts';
import { groupSavedViews, viewLink, viewStateText } from './saved-views.transform';

const view = (id: string, name: string, mine: boolean): SavedViewDto => ({
  id,
  name,
  path: '/engagement',
  query: '',
  shared: !mine,
  page_label: 'Engagement → scores',
  owner: { id: mine ? 'me' : 'other', email: 'x@y', name: '' },
  mine,
  can_delete: mine,
  created_at: '2026-01-01T00:00:00.000Z',
  updated_at: '2026-01-01T00:00:00.000Z',
});

describe('saved views transform', () => {
  it('reads a query string as short parts', () => {
    expect(viewStateText('by=department&days=180')).toBe('by department · days 180');
    expect(viewStateText('q=caf%C3%A9+noir')).toBe('q café noir');
    expect(viewStateText('')).toBe('default state');
  });

  it('makes the /views link on this origin', () => {
    expect(viewLink('http://localhost:3000/', 'a b')).toBe('http://localhost:3000/views/a%20b');
  });

  it('puts own views first, each group by name', () => {
    const g = groupSavedViews([view('1', 'beta', false), view('2', 'Alpha', true), view('3', 'alpha', false), view('4', 'Zed', true)]);
    expect(g.mine.map((v) => v.id)).toEqual(['2', '4']);
    expect(g.shared.map((v) => v.id)).toEqual(['3', '1']);
  });
});
