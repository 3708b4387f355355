import { Controller, Get } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { Roles } from '../common/public.decorator';
import { DisclosureService } from './disclosure.service';

@ApiTags('privacy')
@Controller('api/privacy')
export class DisclosureController {
  constructor(private readonly disclosure: DisclosureService) {}

  @Get('groups')
  @Roles('admin')
  @ApiOperation({ summary: 'The group plan (admins): every group any view can describe, shown or hidden with the rule and the group it was compared with' })
  groups() {
    return this.disclosure.describePlan();
  }
}
