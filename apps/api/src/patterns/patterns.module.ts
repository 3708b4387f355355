import { Module } from '@nestjs/common';
import { PatternsController } from './patterns.controller';
import { PatternsService } from './patterns.service';
import { PatternWarmup } from './pattern-warmup';
import { PatternReleaseThread } from './release-thread';

@Module({
  controllers: [PatternsController],
  providers: [PatternsService, PatternWarmup, { provide: PatternReleaseThread, useFactory: () => new PatternReleaseThread() }],
  exports: [PatternsService],
})
export class PatternsModule {}
