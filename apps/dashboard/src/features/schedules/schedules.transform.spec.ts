import type { DeliveryDto } from '@hubpulse/contracts';
import { deliveryTarget, draftErrors, draftToBody, emptyDraft, lastRunText, timeZones, toggle, whenText } from './schedules.transform';

describe('schedules transform', () => {
  it('says when a schedule runs', () => {
    const base = { time: '08:00', time_zone: 'Europe/Berlin', weekday: null, day_of_month: null };
    expect(whenText({ ...base, frequency: 'daily' })).toBe('Every day at 08:00 (Europe/Berlin)');
    expect(whenText({ ...base, frequency: 'weekly', weekday: 7 })).toBe('Every Sunday at 08:00 (Europe/Berlin)');
    expect(whenText({ ...base, frequency: 'monthly', day_of_month: 31 })).toBe('Monthly on the 31st (or the month’s last day) at 08:00 (Europe/Berlin)');
    expect(whenText({ ...base, frequency: 'monthly', day_of_month: 12 })).toBe('Monthly on the 12th at 08:00 (Europe/Berlin)');
  });

  it('checks a draft and turns it into the API body (weekday only for weekly; stored webhooks kept on edit)', () => {
    const d = { ...emptyDraft('Europe/Berlin'), name: ' Weekly ', viewIds: ['v1'], recipientIds: ['u1'] };
    expect(draftErrors(emptyDraft('UTC'), false)).toEqual({ name: 'Give the schedule a name.', view_ids: 'Choose at least one saved view.', recipient_ids: 'Choose at least one person or add a webhook.' });
    expect(draftErrors({ ...d, webhooks: [{ kind: 'slack', url: 'hooks.slack.com/x' }] }, false)).toEqual({ webhooks: 'Webhook addresses start with https://' });
    expect(draftToBody(d, false)).toEqual({ name: 'Weekly', view_ids: ['v1'], frequency: 'weekly', weekday: 1, day_of_month: null, time: '08:00', time_zone: 'Europe/Berlin', recipient_ids: ['u1'], webhooks: [], attachments: ['csv'], paused: false });
    const edit = draftToBody({ ...d, recipientIds: [] }, true) as unknown as Record<string, unknown>;
    expect(edit.webhooks).toBeUndefined();
    expect(edit.paused).toBeUndefined();
    expect(draftErrors({ ...d, recipientIds: [] }, true)).toEqual({});
  });

  it('lists the zones with the current one, and words runs and deliveries', () => {
    expect(timeZones('Europe/Berlin')).toContain('Europe/Berlin');
    expect(lastRunText({ last_status: 'unchanged', last_run_at: 'x' })).toBe('Skipped: nothing changed');
    expect(lastRunText({ last_status: null, last_run_at: null })).toBe('Not run yet');
    const d = { channel: 'teams', target: 'corp.webhook.office.com' } as DeliveryDto;
    expect(deliveryTarget(d)).toBe('Microsoft Teams · corp.webhook.office.com');
    expect(toggle(['a', 'b'], 'a')).toEqual(['b']);
    expect(toggle(['a'], 'b')).toEqual(['a', 'b']);
  });
});
