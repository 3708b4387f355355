import { SetMetadata } from '@nestjs/common';
import type { Role } from '@hubpulse/contracts';

export const AUTH_KIND = 'hubpulse:auth';
/** Route needs no session (health, login). */
export const Public = () => SetMetadata(AUTH_KIND, 'public');
/** Route takes a write (ingestion) key instead of a session. */
export const WriteKey = () => SetMetadata(AUTH_KIND, 'write-key');

export const ROLES_KEY = 'hubpulse:roles';
/** Route needs a session whose user has one of these roles (403 otherwise). */
export const Roles = (...roles: Role[]) => SetMetadata(ROLES_KEY, roles);
