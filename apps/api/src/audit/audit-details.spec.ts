import { counts, resultName, summariseBody, summariseValue } from './audit-details';

describe('audit details', () => {
  it('keeps each field as sent, secrets never', () => {
    expect(summariseBody({ name: 'Q3 push', target: 0.5, active: false, note: null, password: 'hunter2 hunter2', new_password: 'x', api_key: 'k', token: 't' })).toEqual({
      name: 'Q3 push', target: 0.5, active: false, note: null, password: '[not recorded]', new_password: '[not recorded]', api_key: '[not recorded]', token: '[not recorded]',
    });
    expect(summariseBody({ auth: { client_secret: 's', user: 'u' } })).toEqual({ auth: { client_secret: '[not recorded]', user: 'u' } });
    expect(summariseBody(undefined)).toEqual({});
    expect(summariseBody('raw text')).toEqual({ body: 'raw text' });
  });

  it('shortens long values instead of storing them whole', () => {
    expect(summariseValue('x'.repeat(500))).toBe(`${'x'.repeat(200)}… (500 characters)`);
    expect(summariseValue(Array.from({ length: 1000 }, (_, i) => i))).toBe('1000 items');
    const rule = { kind: 'and', children: [{ kind: 'attribute', field: 'department', op: 'in', values: ['Sales'] }] };
    expect(summariseValue(rule)).toEqual(rule);
    expect(summariseValue({ blob: 'y'.repeat(3000) })).toBe('1 fields (3011 characters)');
    const wide = Object.fromEntries(Array.from({ length: 45 }, (_, i) => [`f${i}`, i]));
    expect(Object.keys(summariseBody(wide))).toHaveLength(41);
    expect(summariseBody(wide)['…']).toBe('5 more fields');
  });

  it('reads counts and the name from an answer', () => {
    expect(counts({ created: 2, updated: 0, other: 'x' }, 'created', 'updated', 'missing')).toEqual({ created: 2, updated: 0 });
    expect(counts(undefined, 'created')).toEqual({});
    expect(resultName({ name: 'Berlin' })).toBe('Berlin');
    expect(resultName({ segment: { name: 'Berlin' }, job_id: null })).toBe('Berlin');
    expect(resultName(undefined)).toBeUndefined();
  });
});
