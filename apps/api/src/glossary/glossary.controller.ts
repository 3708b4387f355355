import { Controller, Get, Inject } from '@nestjs/common';
import { ApiCookieAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { buildGlossary, type GlossaryDto } from '@hubpulse/contracts';
import { HUBPULSE_CONFIG, type HubpulseConfig } from '@hubpulse/config';

/** Reports → Glossary: every definition shown beside a number, with this deployment's minimum group size. */
@ApiTags('glossary')
@ApiCookieAuth()
@Controller('api/glossary')
export class GlossaryController {
  constructor(@Inject(HUBPULSE_CONFIG) private readonly config: HubpulseConfig) {}

  @Get()
  @ApiOperation({ summary: 'Every metric definition the dashboard shows beside numbers, grouped by area, each with an anchor id' })
  get(): GlossaryDto {
    return { min_group_size: this.config.minGroupSize, groups: buildGlossary(this.config.minGroupSize) };
  }
}
