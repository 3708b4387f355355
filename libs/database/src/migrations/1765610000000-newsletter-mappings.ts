import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Default SDK mappings for newsletters and mail (issue 15): the names mail and intranet tools send
 * through Segment / RudderStack and PostHog become newsletter sends, opens and clicks
 * (`properties.issue`, `properties.link` and `properties.machine` are kept as sent). A name an
 * admin already mapped is left as it is.
 */
export const NEWSLETTER_EVENT_MAPPINGS: [event: string, type: string, channel: string | null, purpose: string | null][] = [
  ['Newsletter Sent', 'newsletter_send', 'newsletter', null],
  ['Email Sent', 'newsletter_send', 'newsletter', null],
  ['Email Delivered', 'newsletter_send', 'newsletter', null],
  ['Newsletter Opened', 'newsletter_open', 'newsletter', null],
  ['Email Opened', 'newsletter_open', 'newsletter', null],
  ['Newsletter Link Clicked', 'newsletter_click', 'newsletter', null],
  ['Email Link Clicked', 'newsletter_click', 'newsletter', null],
  ['Link Clicked', 'newsletter_click', 'newsletter', null],
];

const SOURCES = ['segment', 'posthog'] as const;

export class NewsletterMappings1765610000000 implements MigrationInterface {
  name = 'NewsletterMappings1765610000000';

  async up(q: QueryRunner): Promise<void> {
    const existing = (await q.manager.createQueryBuilder().select(['source', 'event']).from('event_mappings', 'm').getRawMany()) as { source: string; event: string }[];
    const taken = new Set(existing.map((r) => `${r.source}\u0000${r.event}`));
    const rows = SOURCES.flatMap((source) =>
      NEWSLETTER_EVENT_MAPPINGS.filter(([event]) => !taken.has(`${source}\u0000${event}`)).map(([event, type, channel, purpose]) => ({ source, event, type, channel, purpose })),
    );
    if (rows.length) await q.manager.createQueryBuilder().insert().into('event_mappings').values(rows).execute();
  }

  async down(q: QueryRunner): Promise<void> {
    for (const source of SOURCES) {
      for (const [event, type] of NEWSLETTER_EVENT_MAPPINGS) {
        await q.manager.createQueryBuilder().delete().from('event_mappings').where('source = :source AND event = :event AND type = :type', { source, event, type }).execute();
      }
    }
  }
}
