import { Controller, Get, Param, Req } from '@nestjs/common';
import { ApiOperation, ApiQuery, ApiTags } from '@nestjs/swagger';
import type { z } from 'zod';
import { contentListQuerySchema, contentPeriodQuerySchema, newsletterIssueQuerySchema, newsletterQuerySchema } from '@hubpulse/contracts';
import type { AuthedRequest } from '../auth/auth.guard';
import { ZodQuery } from '../common/zod.pipe';
import { ContentService } from './content.service';

/**
 * The Content area (issue 15): which items, newsletters and authors worked, for whom. Reads only;
 * every number about people is released by content-release / content-figures through the disclosure
 * plan. Every signed-in role reads them (the dashboard's page access decides who sees the area).
 */
@ApiTags('content')
@Controller('api/content')
export class ContentController {
  constructor(private readonly content: ContentService) {}

  @Get('items')
  @ApiOperation({ summary: 'Items published in a period (default: 90 days up to the newest event), top or bottom by read rate, reach, interactions, comments or publication; filters channel, purpose and audience segment; each figure hidden with its reason where fewer than k people are behind it, by subtraction too' })
  @ApiQuery({ name: 'from', required: false })
  @ApiQuery({ name: 'to', required: false })
  @ApiQuery({ name: 'channel', required: false })
  @ApiQuery({ name: 'purpose', required: false })
  @ApiQuery({ name: 'segment', required: false, description: "items aimed at this segment id ('everyone': at everyone)" })
  @ApiQuery({ name: 'sort', required: false, description: 'read_rate (default), reach, interactions, comments, published_at' })
  @ApiQuery({ name: 'order', required: false, description: 'desc (top, default) or asc (bottom)' })
  @ApiQuery({ name: 'limit', required: false, description: '1–200, default 50' })
  items(@ZodQuery(contentListQuerySchema) q: z.output<typeof contentListQuerySchema>, @Req() req: AuthedRequest) {
    return this.content.list(q, req.user!.id);
  }

  @Get('items/:id')
  @ApiOperation({ summary: "One item: reach and read rate within its audience (a segment or everyone), interactions, comments and answers, leader replies, median time to a commenter's first comment, decay of attention by day since publishing (buckets of ≥ k readers)" })
  item(@Param('id') id: string, @Req() req: AuthedRequest) {
    return this.content.item(id, req.user!.id);
  }

  @Get('authors')
  @ApiOperation({ summary: "Per author of items published in the period: items, readers and their share of everyone, read rate, interactions, comments (each hidden under k contributors, where it differs from one of the author's items by 1..k−1 readers, or from what the reader was shown before)" })
  @ApiQuery({ name: 'from', required: false })
  @ApiQuery({ name: 'to', required: false })
  authors(@ZodQuery(contentPeriodQuerySchema) q: z.output<typeof contentPeriodQuerySchema>, @Req() req: AuthedRequest) {
    return this.content.authors(q, req.user!.id);
  }

  @Get('newsletters')
  @ApiOperation({ summary: 'Newsletter issues first sent in the period: recipients, unique open rate, click-to-open; machine opens (flagged, or within 60 s of the send) excluded unless include_machine=1' })
  @ApiQuery({ name: 'from', required: false })
  @ApiQuery({ name: 'to', required: false })
  @ApiQuery({ name: 'include_machine', required: false, description: '1 = count machine opens' })
  newsletters(@ZodQuery(newsletterQuerySchema) q: z.output<typeof newsletterQuerySchema>, @Req() req: AuthedRequest) {
    return this.content.newsletters(q, req.user!.id);
  }

  @Get('newsletters/:issue')
  @ApiOperation({ summary: "One issue: open rate and click-to-open, its link table, and the same by department or segment (by=department|segment)" })
  @ApiQuery({ name: 'by', required: false, description: 'department (default) or segment' })
  @ApiQuery({ name: 'include_machine', required: false, description: '1 = count machine opens' })
  issue(@Param('issue') issue: string, @ZodQuery(newsletterIssueQuerySchema) q: z.output<typeof newsletterIssueQuerySchema>, @Req() req: AuthedRequest) {
    return this.content.issue(issue, q, req.user!.id);
  }
}
