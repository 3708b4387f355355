import { Controller, Get, Put } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import type { z } from 'zod';
import type { EventMappingsBody, IngestionSourcesResponse } from '@hubpulse/contracts';
import { Roles } from '../common/public.decorator';
import { ZodBody, ZodQuery } from '../common/zod.pipe';
import { EventMappingsService, mappingsSchema, type MappingsInput } from './event-mappings.service';
import { IngestStatsService, sourcesWindowSchema as windowSchema } from './ingest-stats.service';
import { Audited } from '../audit/audit.decorator';


@ApiTags('ingestion admin')
@Roles('admin')
@Controller('api/ingestion')
export class IngestionAdminController {
  constructor(
    private readonly stats: IngestStatsService,
    private readonly mappings: EventMappingsService,
  ) {}

  @Get('sources')
  @ApiOperation({ summary: 'Per write key and format: events per minute, rejects by reason, last event seen, ingestion lag (admin)' })
  sources(@ZodQuery(windowSchema) query: z.output<typeof windowSchema>): Promise<IngestionSourcesResponse> {
    return this.stats.sources(query.window);
  }

  @Get('mappings')
  @ApiOperation({ summary: 'SDK event name → hub action table (admin)' })
  list(): EventMappingsBody {
    return { mappings: this.mappings.list() };
  }

  @Audited('event_mappings.replace', () => 'event_mappings')
  @Put('mappings')
  @ApiOperation({ summary: 'Replace the SDK event mapping table (admin)' })
  async replace(@ZodBody(mappingsSchema) body: MappingsInput): Promise<EventMappingsBody> {
    return { mappings: await this.mappings.replace(body.mappings) };
  }
}
