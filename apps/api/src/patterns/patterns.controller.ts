import { Controller, Get } from '@nestjs/common';
import { ApiOperation, ApiQuery, ApiTags } from '@nestjs/swagger';
import type { AmbassadorsResponse, LeaderResponsivenessResponse, PersonasResponse, PurposesResponse } from '@hubpulse/contracts';
import { ZodQuery } from '../common/zod.pipe';
import { PatternsService, patternsQuerySchema, type PatternsQuery } from './patterns.service';

const range = [
  ApiQuery({ name: 'from', required: false, description: 'YYYY-MM-DD; default: 89 days before `to`' }),
  ApiQuery({ name: 'to', required: false, description: 'YYYY-MM-DD; default: day of the newest event' }),
  ApiQuery({ name: 'by', required: false, enum: ['org', 'department', 'location'], description: 'Grouping; default org' }),
];
const Range = (): MethodDecorator => (target, key, descriptor) => {
  for (const d of range) d(target, key, descriptor);
};

/** People patterns in aggregate, each number with its definition; never a person's name or id. Any signed-in role. */
@ApiTags('engagement')
@Controller('api/engagement')
export class PatternsController {
  constructor(private readonly patterns: PatternsService) {}

  @Get('purposes')
  @ApiOperation({ summary: 'The five purpose indices (0–100) per day and group with numerator, denominator and definition; suppressed below the minimum group size' })
  @Range()
  purposes(@ZodQuery(patternsQuerySchema) query: PatternsQuery): Promise<PurposesResponse> {
    return this.patterns.purposes(query);
  }

  @Get('personas')
  @ApiOperation({ summary: 'People per persona per ISO week and group, and the movement between consecutive weeks (counts only)' })
  @Range()
  personas(@ZodQuery(patternsQuerySchema) query: PatternsQuery): Promise<PersonasResponse> {
    return this.patterns.personas(query);
  }

  @Get('ambassadors')
  @ApiOperation({ summary: 'The pipeline from observer to ambassador per ISO week and group (counts only)' })
  @Range()
  ambassadors(@ZodQuery(patternsQuerySchema) query: PatternsQuery): Promise<AmbassadorsResponse> {
    return this.patterns.ambassadors(query);
  }

  @Get('leaders')
  @ApiOperation({ summary: 'Leader responsiveness to Q&A questions and CEO-blog feedback: share answered, median hours to the first leader reply, unanswered queue by age' })
  @Range()
  leaders(@ZodQuery(patternsQuerySchema) query: PatternsQuery): Promise<LeaderResponsivenessResponse> {
    return this.patterns.leaders(query);
  }
}
