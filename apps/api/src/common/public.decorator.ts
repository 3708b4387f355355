import { SetMetadata } from '@nestjs/common';

export const AUTH_KIND = 'hubpulse:auth';
/** Route needs no session (health, login). */
export const Public = () => SetMetadata(AUTH_KIND, 'public');
/** Route takes a write (ingestion) key instead of a session. */
export const WriteKey = () => SetMetadata(AUTH_KIND, 'write-key');
