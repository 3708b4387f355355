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
  for (const [path, method, summary] of BROWSER_PATHS) {
    doc.paths[path] = {
      ...doc.paths[path],
      [method]: {
        operationId: `browserSdk ${method} ${path}`,
        tags: ['ingestion: browser SDKs'],
        summary,
        description: BROWSER_NOTE,
        responses: {
          '200': { description: 'The answer the SDK expects' },
          '204': { description: 'CORS preflight (OPTIONS) for an origin a browser key allows' },
          '400': { description: 'The body or a message is wrong; the message names the field' },
          '401': { description: 'Missing or unknown write key' },
          '403': { description: "From a browser origin the key does not allow (or a preflight from an origin no browser key allows)" },
          '404': { description: 'No active write key of that name in the path' },
        },
      },
    };
  }
  return doc;
}

const BROWSER_NOTE =
  "Browser SDKs unchanged (posthog-js, Segment analytics.js, RudderStack's JS SDK): the write key as each SDK sends it (header, body, query or path). A request with an Origin passes only from an origin its browser key allows (PATCH /api/ingestion/keys/{id}); anonymous visitors are stored as anon:<id>; an identify without traits names the signed-in person and writes nothing.";

const BROWSER_PATHS: [string, 'get' | 'post', string][] = [
  ['/v1/projects/{writeKey}/settings', 'get', 'analytics.js settings (its cdnURL): the Segment.io destination naming this host as apiHost'],
  ['/v1/t', 'post', 'analytics.js track (also /v1/p page, /v1/i identify, /v1/g group, /v1/s screen, /v1/a alias)'],
  ['/v1/b', 'post', 'analytics.js batch (deliveryStrategy batching): {writeKey, batch:[…]}'],
  ['/sourceConfig', 'get', "RudderStack's source config (write key as HTTP Basic user)"],
  ['/beacon/v1/batch', 'post', 'RudderStack beacon batch (useBeacon): ?writeKey= in the query'],
  ['/array/{token}/config', 'get', 'posthog-js remote config (JSON; /array/{token}/config.js as a script)'],
  ['/flags', 'post', 'posthog-js flags (also /decide): no feature flags'],
  ['/i/v0/e/', 'post', 'posthog-js capture: JSON, data=<base64> forms or gzip-js as text/plain; the token inside each event'],
];
