import { Body, Controller, HttpCode, Post, Req } from '@nestjs/common';
import { ApiBearerAuth, ApiBody, ApiOperation, ApiResponse, ApiTags } from '@nestjs/swagger';
import type { IngestResponse } from '@hubpulse/contracts';
import type { AuthedRequest } from '../auth/auth.guard';
import { WriteKey } from '../common/public.decorator';
import { EventsService } from './events.service';

/**
 * The documented contract of POST /v1/events (OpenAPI). In the running app IngestHttpHandler answers
 * this route ahead of Express with the same EventsService, so this handler is its reference twin.
 */
@ApiTags('ingestion')
@ApiBearerAuth()
@Controller('v1')
export class EventsController {
  constructor(private readonly events: EventsService) {}

  @WriteKey()
  @Post('events')
  @HttpCode(200)
  @ApiOperation({ summary: 'Ingest a batch of hub events; answers after they are stored' })
  @ApiBody({ schema: { example: { events: [{ event_id: 'e-1', type: 'view', actor_id: 'p0001', occurred_at: '2026-03-01T09:30:00Z', content_id: 'c-1', channel: 'blog', purpose: 'inform' }] } } })
  @ApiResponse({ status: 200, description: '{"accepted":n,"rejected":[{"index":i,"errors":["field: why"]}]}' })
  @ApiResponse({ status: 400, description: 'Body is not {"events":[...]}' })
  @ApiResponse({ status: 401, description: 'Missing or wrong write key' })
  @ApiResponse({ status: 413, description: 'Body over the size limit' })
  @ApiResponse({ status: 503, description: 'Storage unavailable; nothing stored; Retry-After given' })
  ingest(@Body() body: unknown, @Req() req: AuthedRequest): Promise<IngestResponse> {
    return this.events.ingest(body, req.writeKey!.id);
  }
}
