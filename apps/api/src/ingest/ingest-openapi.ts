import type { OpenAPIObject } from '@nestjs/swagger';
import { MAX_EVENTS_PER_BATCH, hubEventSchema } from '@hubpulse/contracts';
import { openApiSchema } from '../common/zod.pipe';

const example = { events: [{ event_id: 'e-1', type: 'view', actor_id: 'p0001', occurred_at: '2026-03-01T09:30:00Z', content_id: 'c-1', channel: 'blog', purpose: 'inform' }] };

/**
 * POST /v1/events in the OpenAPI document. The ingestion fast path (ingest-http.ts) answers it ahead
 * of Express, so no Nest controller describes it: its contract is written here and added to the
 * generated document.
 */
export function withIngestPaths(doc: OpenAPIObject): OpenAPIObject {
  doc.paths['/v1/events'] = {
    post: {
      operationId: 'ingestEvents',
      tags: ['ingestion'],
      security: [{ bearer: [] }],
      summary: 'Ingest a batch of hub events; answers after they are stored',
      description: 'Each event is validated on its own: valid ones are stored, invalid ones are listed in `rejected` by index with "field: why" errors.',
      requestBody: {
        required: true,
        content: {
          'application/json': {
            schema: {
              type: 'object',
              required: ['events'],
              properties: { events: { type: 'array', minItems: 1, maxItems: MAX_EVENTS_PER_BATCH, items: openApiSchema(hubEventSchema) } },
              example,
            },
          },
        },
      },
      responses: {
        '200': { description: '{"accepted":n,"rejected":[{"index":i,"errors":["field: why"]}]}' },
        '400': { description: 'Body is not {"events":[...]}' },
        '401': { description: 'Missing or wrong write key' },
        '403': { description: 'The write key has no events scope' },
        '413': { description: 'Body over the size limit' },
        '415': { description: 'Unsupported Content-Encoding' },
        '429': { description: 'Rate limit of the write key exceeded; nothing stored; Retry-After given' },
        '503': { description: 'Storage unavailable; nothing stored; Retry-After given' },
      },
    },
  };
  return doc;
}
