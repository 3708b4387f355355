import { firstReadsFor, PAGE_ACCESS, pageFor, roleMayOpen } from './page-access';
import { savedViewCreateSchema, savedViewUpdateSchema } from './saved-views.schema';
import { savedViewHref } from './saved-views.types';

describe('page access', () => {
  it('finds the page of a path, ids and a trailing slash included', () => {
    expect(pageFor('/engagement')?.label).toBe('Engagement → scores');
    expect(pageFor('/engagement/')?.label).toBe('Engagement → scores');
    expect(pageFor('/audiences/segments/3f1c')?.pattern).toBe('/audiences/segments/:id');
    expect(pageFor('/audiences/segments/3f1c/edit')?.pattern).toBe('/audiences/segments/:id/edit');
    expect(pageFor('/nowhere')).toBeNull();
    expect(pageFor('/audiences/segments//edit')).toBeNull();
  });

  it('lets each role open what the dashboard gates let it open', () => {
    expect(roleMayOpen('leader', '/engagement')).toBe(true);
    expect(roleMayOpen('leader', '/admin/audit')).toBe(false);
    expect(roleMayOpen('admin', '/admin/audit')).toBe(true);
    expect(roleMayOpen('analyst', '/engagement/why')).toBe(false);
    expect(roleMayOpen('leader', '/strategy/goals/new')).toBe(true);
    expect(roleMayOpen('planner', '/strategy/goals/new')).toBe(false);
    expect(roleMayOpen('analyst', '/audiences/segments/new')).toBe(false);
    expect(roleMayOpen(undefined, '/overview')).toBe(false);
    // an Admin page not (yet) listed is admin-only, like the area
    expect(roleMayOpen('leader', '/admin/something-new')).toBe(false);
    expect(roleMayOpen('admin', '/admin/something-new')).toBe(true);
  });

  it("fills a page's first reads with its ids, and names none for a path that is not a page or an id that is not plain", () => {
    expect(firstReadsFor('/strategy/goals/g-1/')).toEqual(['/api/goals/g-1', '/api/goals/g-1/values/history']);
    expect(firstReadsFor('/content/items/blog%2F1')).toEqual([]);
    expect(firstReadsFor('/strategy/goals/g-1/edit')).toEqual([]);
    expect(firstReadsFor('/nowhere')).toEqual([]);
  });

  it('lists every pattern once', () => {
    expect(new Set(PAGE_ACCESS.map((p) => p.pattern)).size).toBe(PAGE_ACCESS.length);
  });
});

describe('saved view bodies', () => {
  const problems = (r: { success: boolean; error?: { issues: { path: PropertyKey[]; message: string }[] } }) =>
    (r.error?.issues ?? []).map((i) => `${i.path.join('.')}: ${i.message}`);

  it('accepts a view, dropping a leading ? and defaulting query and shared', () => {
    expect(savedViewCreateSchema.parse({ name: ' By department ', path: '/engagement', query: '?by=department&days=180' })).toEqual({
      name: 'By department',
      path: '/engagement',
      query: 'by=department&days=180',
      shared: false,
    });
    expect(savedViewCreateSchema.parse({ name: 'x', path: '/overview' }).query).toBe('');
  });

  it('names each bad field', () => {
    expect(problems(savedViewCreateSchema.safeParse({ name: '', path: '/nowhere', shared: 'yes' }))).toEqual([
      'name: must not be empty',
      'path: is not a dashboard page',
      'shared: must be true or false',
    ]);
    expect(problems(savedViewCreateSchema.safeParse({ name: 'x', path: '/engagement?by=x', extra: 1 }))).toEqual(
      expect.arrayContaining(['path: must be a path starting with / (the query string goes in query)', ': unknown field(s) extra']),
    );
    expect(problems(savedViewUpdateSchema.safeParse({}))).toEqual([': give name, path, query and/or shared']);
  });

  it('makes the href of a view', () => {
    expect(savedViewHref({ path: '/engagement', query: '' })).toBe('/engagement');
    expect(savedViewHref({ path: '/engagement', query: 'days=180' })).toBe('/engagement?days=180');
  });
});
