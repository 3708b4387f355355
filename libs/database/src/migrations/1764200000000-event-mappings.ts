import { Table, type MigrationInterface, type QueryRunner } from 'typeorm';

/** Defaults for the event names common hub tools send through Segment/RudderStack and PostHog SDKs. */
export const DEFAULT_EVENT_MAPPINGS: [string, string, string | null, string | null][] = [
  ['Post Created', 'post', null, null],
  ['Comment Added', 'comment', null, null],
  ['Article Viewed', 'view', null, null],
  ['Page Viewed', 'view', null, null],
  ['Reaction Added', 'react', null, null],
  ['Content Shared', 'share', null, null],
  ['Document Shared', 'doc_share', 'documents', 'productivity'],
  ['Task Updated', 'task_update', 'tasks', 'productivity'],
  ['Question Asked', 'post', 'qa', null],
  ['Question Answered', 'answer', 'qa', null],
  ['Feedback Given', 'feedback', null, null],
];

export class EventMappings1764200000000 implements MigrationInterface {
  name = 'EventMappings1764200000000';

  async up(q: QueryRunner): Promise<void> {
    await q.createTable(
      new Table({
        name: 'event_mappings',
        columns: [
          { name: 'source', type: 'varchar', length: '20', isPrimary: true },
          { name: 'event', type: 'varchar', length: '200', isPrimary: true },
          { name: 'type', type: 'varchar', length: '20' },
          { name: 'channel', type: 'varchar', length: '20', isNullable: true },
          { name: 'purpose', type: 'varchar', length: '20', isNullable: true },
        ],
      }),
    );
    const rows = [
      ...['segment', 'posthog'].flatMap((source) => DEFAULT_EVENT_MAPPINGS.map(([event, type, channel, purpose]) => ({ source, event, type, channel, purpose }))),
      { source: 'posthog', event: '$pageview', type: 'view', channel: null, purpose: null },
      { source: 'posthog', event: '$screen', type: 'view', channel: null, purpose: null },
    ];
    await q.manager.createQueryBuilder().insert().into('event_mappings').values(rows).execute();
  }

  async down(q: QueryRunner): Promise<void> {
    await q.dropTable('event_mappings');
  }
}
