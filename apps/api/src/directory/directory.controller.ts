import { Body, Controller, HttpCode, Put } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { contentBatchSchema, peopleBatchSchema } from '@hubpulse/contracts';
import { WriteKey } from '../common/public.decorator';
import { parseOr400 } from '../common/zod';
import { DirectoryService } from './directory.service';

@ApiTags('ingestion')
@ApiBearerAuth()
@Controller('v1')
export class DirectoryController {
  constructor(private readonly directory: DirectoryService) {}

  @WriteKey('directory')
  @Put('people')
  @HttpCode(200)
  @ApiOperation({ summary: 'Upsert people of the directory (a write key with the directory scope): {"people":[{person_id, name, email, department, location, title, manager_id, hired_at, is_leader, attributes}]}' })
  people(@Body() body: unknown) {
    return this.directory.upsertPeople(parseOr400(peopleBatchSchema, body).people);
  }

  @WriteKey('directory')
  @Put('content')
  @HttpCode(200)
  @ApiOperation({ summary: 'Upsert the content catalogue (a write key with the directory scope): {"content":[{content_id, channel, purpose, author_id, title, published_at}]}' })
  content(@Body() body: unknown) {
    return this.directory.upsertContent(parseOr400(contentBatchSchema, body).content);
  }
}
