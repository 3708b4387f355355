import { hubEvent } from '@hubpulse/testing';

/**
 * A small known hub for the tests that write data with one build and read it with another (upgrade
 * fixture, backup and restore): 40 people in three departments, 3,000 events of 30 of them over
 * October 2026 (so the active people's complement is not below k and the totals show).
 */
export const smallHubPeople = () =>
  Array.from({ length: 40 }, (_, i) => ({ person_id: `p${i}`, name: `Person ${i}`, department: ['Sales', 'Operations', 'Finance'][i % 3], location: i % 2 ? 'Berlin' : 'Paris' }));

export const smallHubEvents = (prefix: string) =>
  Array.from({ length: 3000 }, (_, i) =>
    hubEvent({ event_id: `${prefix}-${i}`, actor_id: `p${i % 30}`, type: ['view', 'react', 'comment'][i % 3], occurred_at: new Date(Date.UTC(2026, 9, 1 + (i % 30), 10)).toISOString() }),
  );
