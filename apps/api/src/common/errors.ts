import { ForbiddenException, HttpException, HttpStatus } from '@nestjs/common';
import type { WriteKeyScope } from '@hubpulse/contracts';

/** A client mistake: 400 with one "where: why" line per problem. */
export class InvalidInputError extends HttpException {
  constructor(problems: string[]) {
    super({ statusCode: HttpStatus.BAD_REQUEST, error: 'Bad Request', message: problems }, HttpStatus.BAD_REQUEST);
  }
}

/**
 * Storage is down or overloaded: 503 with Retry-After, so SDKs retry. Nothing was acknowledged.
 * `storeError` (the engine's own text: table names, SQL, hosts) is logged under the request id and
 * never sent: the client sees only `what` and the request id.
 */
export class StorageUnavailableError extends HttpException {
  constructor(
    what: string,
    readonly storeError?: unknown,
    readonly retryAfterSeconds = 5,
  ) {
    super(
      { statusCode: HttpStatus.SERVICE_UNAVAILABLE, error: 'Service Unavailable', message: `${what}; nothing was stored, retry later` },
      HttpStatus.SERVICE_UNAVAILABLE,
    );
  }
}

/** A write key sent more events than its rate allows: 429 with Retry-After; nothing was stored. */
export class RateLimitedError extends HttpException {
  constructor(readonly retryAfterSeconds: number) {
    super(
      { statusCode: HttpStatus.TOO_MANY_REQUESTS, error: 'Too Many Requests', message: `rate limit of this write key exceeded; nothing was stored, retry in ${retryAfterSeconds} s` },
      HttpStatus.TOO_MANY_REQUESTS,
    );
  }
}

/** Too many failed sign-ins for this account or from this address: 429 with Retry-After. */
export class SignInThrottledError extends HttpException {
  constructor(readonly retryAfterSeconds: number) {
    super(
      { statusCode: HttpStatus.TOO_MANY_REQUESTS, error: 'Too Many Requests', message: `too many failed sign-ins for this account or from this address; try again in ${retryAfterSeconds} s` },
      HttpStatus.TOO_MANY_REQUESTS,
    );
  }
}

/** 403 for a write key that lacks the scope a write needs. */
export class MissingScopeError extends ForbiddenException {
  constructor(scope: WriteKeyScope) {
    super(`Authorization: this write key has no ${scope} scope; an admin can create a key with it (a browser key never has the directory scope)`);
  }
}
