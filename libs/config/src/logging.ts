import { Logger as NestPinoLogger, PinoLogger } from 'nestjs-pino';
import { storage } from 'nestjs-pino/storage';
import pino from 'pino';
import type { LogLevel } from './config.schema';

/** Nest's start-up chatter (a line per module and per route): debug, so an info log starts with what matters. */
const START_CONTEXTS = new Set(['NestFactory', 'NestApplication', 'InstanceLoader', 'RoutesResolver', 'RouterExplorer']);

/**
 * Censored wherever a log call passes them, as a second line of defence: nothing logs requests'
 * headers or bodies today, and an access line has no query string (SDK beacons carry write keys there).
 */
const REDACT = [
  'authorization',
  'cookie',
  'password',
  'writeKey',
  '*.authorization',
  '*.cookie',
  '*["set-cookie"]',
  '*.password',
  '*.writeKey',
  'req.headers.authorization',
  'req.headers.cookie',
  'res.headers["set-cookie"]',
];

/**
 * The process's logger: one JSON object a line on stdout, `level` as a name, ISO `time`, `msg`,
 * `app` (api or worker) and `pid`; an error under `err` with its stack.
 */
export function createLogger(level: LogLevel, app: 'api' | 'worker', destination?: pino.DestinationStream): pino.Logger {
  const options: pino.LoggerOptions = {
    level,
    base: { app, pid: process.pid },
    timestamp: pino.stdTimeFunctions.isoTime,
    formatters: { level: (label) => ({ level: label }) },
    redact: { paths: REDACT, censor: '[redacted]' },
  };
  return destination ? pino(options, destination) : pino(options);
}

/** Inside an HTTP request its logger (lines carry `request_id`, see apps/api http-log.ts), elsewhere the process's. */
class ScopedPinoLogger extends PinoLogger {
  constructor(private readonly processLogger: pino.Logger) {
    super({ pinoHttp: { logger: processLogger } });
  }

  // nestjs-pino's own fallback is one logger per process, fixed by the first PinoLogger made: a test
  // file that builds several apps would keep the first one's level.
  override get logger(): pino.Logger {
    return storage.getStore()?.logger ?? this.processLogger;
  }
}

/**
 * Nest's LoggerService over pino: every `Logger` / `new Logger(context)` call in the code comes out as
 * a JSON line with `context`. Nest's start-up lines go to debug.
 */
export class HubpulseLogger extends NestPinoLogger {
  constructor(readonly pino: pino.Logger) {
    super(new ScopedPinoLogger(pino), {});
  }

  override log(message: unknown, ...optionalParams: unknown[]): void {
    const context = optionalParams.at(-1);
    if (typeof context === 'string' && START_CONTEXTS.has(context)) super.debug(message, ...optionalParams);
    else super.log(message, ...optionalParams);
  }
}
