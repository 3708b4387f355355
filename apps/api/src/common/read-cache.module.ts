import { Global, Module } from '@nestjs/common';
import { ReadCache } from './read-cache';
import { ReadWarmup } from './read-warmup';

/** The read cache every feature module's heavy reads go through (see ReadCache), and the background reads that keep the dashboard's defaults in it (ReadWarmup). */
@Global()
@Module({ providers: [ReadCache, ReadWarmup], exports: [ReadCache, ReadWarmup] })
export class ReadCacheModule {}
