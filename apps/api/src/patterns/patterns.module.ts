import { Module } from '@nestjs/common';
import { HUBPULSE_CONFIG, type HubpulseConfig } from '@hubpulse/config';
import { PatternsController } from './patterns.controller';
import { PatternsService } from './patterns.service';
import { PatternWarmup } from './pattern-warmup';
import { PatternReleaseThread } from './release-thread';

@Module({
  controllers: [PatternsController],
  providers: [
    PatternsService,
    PatternWarmup,
    { provide: PatternReleaseThread, inject: [HUBPULSE_CONFIG], useFactory: (config: HubpulseConfig) => new PatternReleaseThread(undefined, config.releaseThreads) },
  ],
  exports: [PatternsService],
})
export class PatternsModule {}
