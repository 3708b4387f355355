import { Logger } from '@nestjs/common';
import { Store, storage } from 'nestjs-pino/storage';
import { Writable } from 'node:stream';
import { createLogger, HubpulseLogger } from './logging';

/** A logger at `level` whose lines land in an array, parsed. */
function capture(level: Parameters<typeof createLogger>[0]) {
  const lines: Record<string, unknown>[] = [];
  const sink = new Writable({
    write(chunk: Buffer, _enc, done) {
      for (const l of chunk.toString().split('\n')) if (l) lines.push(JSON.parse(l) as Record<string, unknown>);
      done();
    },
  });
  const pino = createLogger(level, 'api', sink);
  return { lines, pino, nest: new HubpulseLogger(pino) };
}

describe('HubpulseLogger', () => {
  afterEach(() => Logger.overrideLogger(false));

  it("writes Nest's Logger calls as JSON with context, level names and errors (with stack) under err", () => {
    const { lines, nest } = capture('info');
    Logger.overrideLogger(nest);
    new Logger('Imports').log('import 1 done');
    new Logger('HTTP').error({ msg: 'GET /x → 500', err: new Error('boom') });
    expect(lines).toEqual([
      expect.objectContaining({ level: 'info', app: 'api', context: 'Imports', msg: 'import 1 done', time: expect.stringMatching(/^\d{4}-\d\d-\d\dT/) }),
      expect.objectContaining({ level: 'error', context: 'HTTP', msg: 'GET /x → 500', err: expect.objectContaining({ message: 'boom', stack: expect.stringMatching(/^Error: boom\n {4}at /) }) }),
    ]);
  });

  it("puts Nest's start-up lines at debug, and only those", () => {
    const info = capture('info');
    info.nest.log('Mapped {/api/x, GET} route', 'RouterExplorer');
    info.nest.log('AppModule dependencies initialized', 'InstanceLoader');
    info.nest.log('worker started', 'Worker');
    expect(info.lines.map((l) => l.msg)).toEqual(['worker started']);
    const debug = capture('debug');
    debug.nest.log('Mapped {/api/x, GET} route', 'RouterExplorer');
    expect(debug.lines).toEqual([expect.objectContaining({ level: 'debug', context: 'RouterExplorer' })]);
  });

  it("writes through the request's logger inside a request (its id on the line), the process's outside", () => {
    const { lines, pino, nest } = capture('info');
    storage.run(new Store(pino.child({ request_id: 'abc-123' })), () => nest.log('inside', 'Ingest'));
    nest.log('outside', 'Ingest');
    expect(lines).toEqual([expect.objectContaining({ msg: 'inside', request_id: 'abc-123' }), expect.not.objectContaining({ request_id: expect.anything() })]);
  });

  it('censors credentials a call passes, and writes nothing below its level', () => {
    const { lines, pino } = capture('warn');
    pino.info('not written');
    pino.warn({ headers: { authorization: 'Bearer hp_wk_secret', cookie: 'hp_session=s' }, writeKey: 'hp_wk_secret' }, 'careful');
    expect(lines).toHaveLength(1);
    expect(JSON.stringify(lines)).not.toContain('secret');
    expect(JSON.stringify(lines)).not.toContain('hp_session=s');
  });
});
