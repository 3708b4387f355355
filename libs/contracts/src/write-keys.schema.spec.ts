import { formatIssues } from './ingest.schema';
import { writeKeyCreateSchema } from './write-keys.schema';

const problems = (body: unknown) => {
  const r = writeKeyCreateSchema.safeParse(body);
  return r.success ? [] : formatIssues(r.error.issues);
};

describe('writeKeyCreateSchema', () => {
  it('defaults to the least: events only, not a browser key', () => {
    expect(writeKeyCreateSchema.parse({ name: ' CMS ' })).toEqual({ name: 'CMS', scopes: ['events'], browser: false });
    expect(writeKeyCreateSchema.parse({ name: 'HR sync', scopes: ['events', 'directory'] })).toMatchObject({ scopes: ['events', 'directory'] });
    expect(writeKeyCreateSchema.parse({ name: 'snippet', scopes: ['events'], browser: true })).toMatchObject({ browser: true });
  });

  it('names the field of each mistake', () => {
    expect(problems({})).toEqual(['name: is required']);
    expect(problems({ name: 'x', scopes: 'events' })).toEqual(['scopes: must be a list such as ["events"] or ["events","directory"]']);
    expect(problems({ name: 'x', scopes: ['events', 'admin'] })).toEqual(['scopes.1: must be one of events, directory']);
    expect(problems({ name: 'x', scopes: [] })).toEqual(['scopes: must hold at least one scope', 'scopes: must include events (every key sends events)']);
    expect(problems({ name: 'x', scopes: ['directory'] })).toEqual(['scopes: must include events (every key sends events)']);
    expect(problems({ name: 'x', browser: 'yes' })).toEqual(['browser: must be true or false']);
    expect(problems({ name: 'x', scope: ['events'] })).toEqual(['unknown field(s) scope']);
  });

  it('refuses the directory scope on a browser key, saying why', () => {
    expect(problems({ name: 'x', scopes: ['events', 'directory'], browser: true })).toEqual([expect.stringMatching(/^scopes: a browser key cannot have the directory scope: it ships inside a web page/)]);
  });
});
