import { Global, Module } from '@nestjs/common';
import { ReadCache } from './read-cache';

/** The read cache every feature module's heavy reads go through (see ReadCache). */
@Global()
@Module({ providers: [ReadCache], exports: [ReadCache] })
export class ReadCacheModule {}
