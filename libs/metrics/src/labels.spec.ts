import { TABLE_NAMES } from '../../clickhouse/src/tables';
import { queryPurposes, rejectReason, statusClass } from './labels';

describe('metric labels', () => {
  it('status classes', () => {
    expect([200, 204, 302, 401, 404, 429, 503].map(statusClass)).toEqual(['2xx', '2xx', '3xx', '4xx', '4xx', '4xx', '5xx']);
  });

  it('a reject reason keeps only the field an error names, never the values it quotes', () => {
    expect(rejectReason('occurred_at: must be an ISO 8601 date-time, e.g. 2026-03-01T09:30:00Z')).toBe('occurred_at');
    expect(rejectReason('type: must be one of view, react')).toBe('type');
    expect(rejectReason('properties.salary_of_p17: must be a string, number, boolean or null (properties are flat)')).toBe('properties');
    expect(rejectReason('properties.aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa…: name must be at most 100 characters')).toBe('properties');
    expect(rejectReason('identify.hired_at: must be an ISO 8601 date (YYYY-MM-DD) or date-time')).toBe('identify');
    expect(rejectReason('event: no mapping for "Secret Project Viewed" (add one under Admin → Event mappings)')).toBe('event');
    expect(rejectReason('$set: this write key has no directory scope')).toBe('$set');
    expect(rejectReason('unknown field(s) salary, manager_of')).toBe('unknown_field');
    expect(rejectReason('request: 429 Too many events for this write key; retry in 2 s')).toBe('request_429');
    expect(rejectReason('request: 401 Authorization: missing')).toBe('request_401');
    expect(rejectReason('must be an object')).toBe('invalid');
    expect(rejectReason('a value someone sent: with a colon')).toBe('invalid');
    expect(rejectReason('x'.repeat(41) + ': too long to be a field name')).toBe('invalid');
    expect(rejectReason(undefined)).toBe('invalid');
  });

  it('a ClickHouse statement is labelled by the first of our tables it names and its verb', () => {
    const purpose = queryPurposes(TABLE_NAMES);
    expect(purpose('SELECT count() FROM hp.events FINAL WHERE actor_id = {p:String}')).toBe('events.select');
    expect(purpose('  WITH x AS (SELECT 1) SELECT * FROM hp.engagement_scores JOIN hp.people USING person_id')).toBe('engagement_scores.select');
    expect(purpose('SELECT * FROM hp.people_history')).toBe('people_history.select');
    expect(purpose('INSERT INTO hp.segment_members')).toBe('segment_members.insert');
    expect(purpose('ALTER TABLE hp.engagement_scores REPLACE PARTITION ID \'202603\' FROM hp.engagement_scores_staging')).toBe('engagement_scores.alter');
    expect(purpose('TRUNCATE TABLE hp.engagement_scores_staging')).toBe('none.truncate');
    expect(purpose('SELECT 1')).toBe('none.select');
    expect(purpose('show tables')).toBe('none.other');
  });
});
