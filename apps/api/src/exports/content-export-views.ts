import { z } from 'zod';
import {
  contentAuthorsTable,
  contentDecayTable,
  contentItemsTable,
  contentListQuerySchema,
  contentPeriodQuerySchema,
  newsletterBreakdownTable,
  newsletterIssueQuerySchema,
  newsletterLinksTable,
  newsletterQuerySchema,
  newslettersTable,
  type SessionUser,
  type ViewTable,
} from '@hubpulse/contracts';
import type { ContentService } from '../content/content.service';
import { ALL_ROLES, RANGE_DOCS, tableSource, type ExportView } from './export-view';

const ID = z.string({ error: 'is required' }).min(1, 'is required').max(200, 'must be at most 200 characters');
const MACHINE_DOC = { name: 'include_machine', description: '1 = count machine opens', required: false };

/** The Content area's export views (issue 15), read through ContentService as the page's own routes are. */
export function contentViews(content: ContentService): ExportView<never>[] {
  const views: ExportView<never>[] = [];
  // As the exporting user, like the page: counts their ledger refuses are hidden the same way.
  const table = <P>(id: string, title: string, description: string, params: z.ZodType<P>, paramDocs: ExportView<P>['paramDocs'], build: (p: P, userId: string) => Promise<ViewTable>) =>
    views.push({ id, title, description, roles: ALL_ROLES, params, paramDocs, large: false, source: async (p: P, user: SessionUser) => tableSource(title, await build(p, user.id)) } as unknown as ExportView<never>);

  table('content.items', 'Content: items', 'Items published in the period with reach and read rate in their audience, interactions, comments and leader replies', contentListQuerySchema, [
    ...RANGE_DOCS,
    { name: 'channel', description: 'Only this channel', required: false },
    { name: 'purpose', description: 'Only this purpose', required: false },
    { name: 'segment', description: "Only items aimed at this segment id ('everyone': at everyone)", required: false },
    { name: 'sort', description: 'read_rate (default), reach, interactions, comments, published_at', required: false },
    { name: 'order', description: 'desc (top) or asc (bottom)', required: false },
    { name: 'limit', description: '1–200, default 50', required: false },
  ], async (p, user) => contentItemsTable(await content.list(p, user)));
  table('content.item-decay', 'Content: attention by day since publishing', "An item's new readers by day since publishing, in buckets of at least the minimum group size", z.strictObject({ id: ID }), [{ name: 'id', description: "The item's id", required: true }], async (p, user) =>
    contentDecayTable(await content.item(p.id, user)),
  );
  table('content.authors', 'Content: authors', 'Per author: items, readers, read rate, interactions and comments', contentPeriodQuerySchema, RANGE_DOCS, async (p, user) => contentAuthorsTable(await content.authors(p, user)));
  table('content.newsletters', 'Content: newsletter issues', 'Per issue: recipients, unique open rate and click-to-open', newsletterQuerySchema, [...RANGE_DOCS, MACHINE_DOC], async (p, user) => newslettersTable(await content.newsletters(p, user)));
  const issue = newsletterIssueQuerySchema.extend({ issue: ID }).strict();
  const issueDocs = [{ name: 'issue', description: 'The issue', required: true }, { name: 'by', description: 'department (default) or segment', required: false }, MACHINE_DOC];
  table('content.newsletter-links', 'Content: newsletter links', "An issue's links with their clickers", issue, issueDocs, async ({ issue: id, ...q }, user) => newsletterLinksTable(await content.issue(id, q, user)));
  table('content.newsletter-breakdown', 'Content: newsletter by group', "An issue's open rate and click-to-open by department or segment", issue, issueDocs, async ({ issue: id, ...q }, user) => newsletterBreakdownTable(await content.issue(id, q, user)));
  return views;
}
