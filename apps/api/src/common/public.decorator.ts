import { applyDecorators, SetMetadata } from '@nestjs/common';
import type { Role, WriteKeyScope } from '@hubpulse/contracts';

export const AUTH_KIND = 'hubpulse:auth';
/** Route needs no session (health, login). */
export const Public = () => SetMetadata(AUTH_KIND, 'public');
export const WRITE_KEY_SCOPE = 'hubpulse:write-key-scope';
/** Route takes a write (ingestion) key instead of a session, one holding `scope` (403 otherwise). */
export const WriteKey = (scope: WriteKeyScope = 'events') => applyDecorators(SetMetadata(AUTH_KIND, 'write-key'), SetMetadata(WRITE_KEY_SCOPE, scope));

export const ROLES_KEY = 'hubpulse:roles';
/** Route needs a session whose user has one of these roles (403 otherwise). */
export const Roles = (...roles: Role[]) => SetMetadata(ROLES_KEY, roles);

export const NO_READ_TOKEN = 'hubpulse:no-read-token';
/** A session-only route a personal read token never opens, even for GET (managing the tokens themselves): 403. */
export const NoReadToken = () => SetMetadata(NO_READ_TOKEN, true);
