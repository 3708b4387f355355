import type { IncomingMessage } from 'node:http';
import { IngestHttpHandler } from '../ingest/ingest-http';
import { expressRoute } from './http-metrics';

/** Route labels: templates, never the ids or keys a path holds. */
describe('HTTP route labels', () => {
  // routeOf reads nothing but the method and URL: the handler's services are not reached.
  const ingest = new IngestHttpHandler(...([undefined, undefined, undefined, undefined, {}] as unknown as ConstructorParameters<typeof IngestHttpHandler>));
  const req = (method: string, url: string) => ({ method, url }) as IncomingMessage;

  it('names the ingestion fast path by template, hiding the key a path holds', () => {
    expect(ingest.routeOf(req('POST', '/v1/events?x=1'))).toBe('/v1/events');
    expect(ingest.routeOf(req('POST', '/batch/'))).toBe('/batch/');
    expect(ingest.routeOf(req('OPTIONS', '/v1/batch'))).toBe('/v1/batch');
    expect(ingest.routeOf(req('GET', '/v1/projects/hp_wk_secret_key_123/settings'))).toBe('/v1/projects/:writeKey/settings');
    expect(ingest.routeOf(req('GET', '/array/hp_wk_secret_key_123/config.js'))).toBe('/array/:token/config.js');
    expect(ingest.routeOf(req('GET', '/v1/events'))).toBeUndefined();
    expect(ingest.routeOf(req('GET', '/api/segments/abc'))).toBeUndefined();
  });

  it('takes the pattern Express matched, else nothing', () => {
    expect(expressRoute({ route: { path: '/api/segments/:id' } } as unknown as IncomingMessage)).toBe('/api/segments/:id');
    expect(expressRoute({} as IncomingMessage)).toBeUndefined();
  });
});
