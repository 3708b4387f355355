import { applyPersonPatch, newPerson } from './person-patch';

const ada = { ...newPerson('u1'), name: 'Ada', department: 'Sales', hired_at: '2020-01-15', attributes: { level: 3 } };

describe('applyPersonPatch', () => {
  it('keeps what the patch leaves out and merges attributes', () => {
    const r = applyPersonPatch(ada, { index: 0, call: 'identify', patch: { person_id: 'u1', title: 'CFO', attributes: { team: 'core' } } });
    expect(r).toEqual({ ok: true, person: { ...ada, title: 'CFO', attributes: { level: 3, team: 'core' } } });
  });

  it('refuses a change the person schema refuses, naming the call and field', () => {
    expect(applyPersonPatch(ada, { index: 0, call: 'identify', patch: { person_id: 'u1', hired_at: 'last spring' } })).toEqual({
      ok: false,
      errors: ['identify.hired_at: must be an ISO 8601 date (YYYY-MM-DD) or date-time'],
    });
    const bad = applyPersonPatch(ada, { index: 0, call: '$set', patch: { person_id: 'u1', email: 'not-an-email', manager_id: 'm'.repeat(201) } });
    expect(bad.ok).toBe(false);
    expect(!bad.ok && bad.errors).toEqual([expect.stringMatching(/^\$set\.email: /), '$set.manager_id: must be at most 200 characters']);
  });

  it('says when a stored field the change left alone is what is invalid', () => {
    const legacy = { ...ada, hired_at: 'yesterday' };
    expect(applyPersonPatch(legacy, { index: 0, call: 'group', patch: { person_id: 'u1', department: 'Ops' } })).toEqual({
      ok: false,
      errors: ['group: the stored hired_at of u1 is invalid (must be an ISO 8601 date (YYYY-MM-DD) or date-time); send a valid hired_at with this change'],
    });
    expect(applyPersonPatch(legacy, { index: 0, call: 'identify', patch: { person_id: 'u1', hired_at: '2021-02-01' } })).toMatchObject({ ok: true });
  });

  it('creates a person named by their id', () => {
    expect(applyPersonPatch(newPerson('u9'), { index: 0, call: '$identify', patch: { person_id: 'u9' } })).toEqual({ ok: true, person: newPerson('u9') });
  });
});
