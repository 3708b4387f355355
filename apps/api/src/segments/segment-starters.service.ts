import { InjectQueue } from '@nestjs/bullmq';
import { Injectable, Logger, type OnApplicationBootstrap } from '@nestjs/common';
import type { Queue } from 'bullmq';
import { STARTER_SEGMENTS } from '@hubpulse/audiences';
import { SegmentDefinitionsRepository, SegmentNameTakenError } from '@hubpulse/database';
import { JobName, QueueName, SEGMENT_JOB_OPTS, segmentRecomputeJobId, type JobPayloads } from '@hubpulse/queue';

/** Who the starter segments are created by. */
const STARTER_CREATOR = 'hubpulse';

/**
 * Starter segments out of the box (observers, contributors, ambassadors, new joiners, people managers,
 * leaders; rules from libs/audiences STARTER_SEGMENTS): created once per key at start-up and computed
 * straight away. An archived starter is not re-created; a name already taken by a planner's own
 * segment gets " (starter)" appended.
 */
@Injectable()
export class SegmentStartersService implements OnApplicationBootstrap {
  private readonly logger = new Logger('Segments');

  constructor(
    private readonly defs: SegmentDefinitionsRepository,
    @InjectQueue(QueueName.Segments) private readonly queue: Queue,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    await this.seed();
  }

  /** Creates the missing starter segments; returns their ids. */
  async seed(): Promise<string[]> {
    const have = await this.defs.starterKeys();
    const created: string[] = [];
    for (const starter of STARTER_SEGMENTS) {
      if (have.has(starter.key)) continue;
      const input = { description: starter.description, kind: 'dynamic' as const, rule: starter.rule, starterKey: starter.key };
      let id: string | null = null;
      for (const name of [starter.name, `${starter.name} (starter)`]) {
        try {
          id = (await this.defs.create({ ...input, name }, STARTER_CREATOR)).id;
          break;
        } catch (err) {
          if (err instanceof SegmentNameTakenError) continue;
          // Another process seeded it at the same moment (unique starter key): nothing to do.
          if ((await this.defs.starterKeys()).has(starter.key)) break;
          throw err;
        }
      }
      if (!id) continue;
      created.push(id);
      const data: JobPayloads[JobName.SegmentsRecompute] = { segmentId: id, reason: 'definition' };
      await this.queue.add(JobName.SegmentsRecompute, data, { ...SEGMENT_JOB_OPTS, jobId: segmentRecomputeJobId(id) });
    }
    if (created.length) this.logger.log(`created ${created.length} starter segment(s)`);
    return created;
  }
}
