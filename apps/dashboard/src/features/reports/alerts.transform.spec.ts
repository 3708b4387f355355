import type { AlertDto } from '@hubpulse/contracts';
import { alertDraftErrors, draftFromAlert, draftToBody, EMPTY_ALERT_DRAFT, sortAlerts } from './alerts.transform';

describe('alert form', () => {
  it('sends only the fields of the kind', () => {
    const index = draftToBody({ ...EMPTY_ALERT_DRAFT, name: ' Sales low ', level: '40', groupBy: 'department', group: 'sales', recipients: 'a@x.io, b@x.io\nc@x.io', webhooks: [{ kind: 'slack', url: ' https://hooks.slack.com/x ' }] }, false);
    expect(index).toEqual({
      name: 'Sales low', kind: 'index', goal_id: null, statuses: null, level: 40, direction: 'below', purpose: 'engagement', group_by: 'department', group: 'sales',
      cooldown_hours: 24, recipients: ['a@x.io', 'b@x.io', 'c@x.io'], enabled: true, webhooks: [{ kind: 'slack', url: 'https://hooks.slack.com/x' }],
    });
    const goal = draftToBody({ ...EMPTY_ALERT_DRAFT, name: 'g', kind: 'goal_status', goalId: 'g1', recipients: 'a@x.io' }, true);
    expect(goal).toMatchObject({ kind: 'goal_status', goal_id: 'g1', statuses: ['at_risk', 'off_track'], level: null, purpose: null, group_by: null });
    // an edit keeps the stored webhooks unless new ones are given or they are removed
    expect(goal).not.toHaveProperty('webhooks');
    expect(draftToBody({ ...EMPTY_ALERT_DRAFT, removeWebhooks: true }, true).webhooks).toEqual([]);
  });

  it('names what is missing before sending, with the API’s field names', () => {
    expect(alertDraftErrors({ ...EMPTY_ALERT_DRAFT, groupBy: 'location', cooldownHours: '1.5' }, false)).toEqual({
      name: 'Give the alert a name.', level: 'A number from 0 to 100.', group: 'Pick a location.', cooldown_hours: 'Whole hours, 0 or more.', recipients: 'Give at least one recipient or webhook.',
    });
    expect(alertDraftErrors({ ...EMPTY_ALERT_DRAFT, name: 'x', kind: 'goal_status', statuses: [] }, true, 1)).toEqual({ goal_id: 'Pick a goal.', statuses: 'Pick at least one status.' });
  });

  it('fills the form from an alert, and lists firing alerts first', () => {
    const a = { id: '1', name: 'B', kind: 'goal_probability', goal_id: 'g', level: 30, statuses: null, direction: null, purpose: null, group_by: null, group: null, cooldown_hours: 12, recipients: [{ user_id: 'u', email: 'a@x.io', name: 'A' }], enabled: false, state: 'ok' } as unknown as AlertDto;
    expect(draftFromAlert(a)).toMatchObject({ kind: 'goal_probability', goalId: 'g', level: '30', cooldownHours: '12', recipients: 'a@x.io', enabled: false });
    expect(sortAlerts([a, { ...a, name: 'A', state: 'resolved' }, { ...a, name: 'C', state: 'firing' }]).map((x) => x.name)).toEqual(['C', 'A', 'B']);
  });
});
