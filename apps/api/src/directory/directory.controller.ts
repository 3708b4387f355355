import { Controller, HttpCode, Put } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { contentBatchSchema, peopleBatchSchema, type Content, type Person } from '@hubpulse/contracts';
import { WriteKey } from '../common/public.decorator';
import { ZodBody } from '../common/zod.pipe';
import { DirectoryService } from './directory.service';
import { Audited } from '../audit/audit.decorator';
import { counts } from '../audit/audit-details';

@ApiTags('ingestion')
@ApiBearerAuth()
@Controller('v1')
export class DirectoryController {
  constructor(private readonly directory: DirectoryService) {}

  @Audited('directory.people.upsert', () => 'directory:people', ({ body, result }) => ({ people: (body as { people?: unknown[] }).people?.length ?? 0, ...counts(result, 'upserted', 'rejected') }))
  @WriteKey('directory')
  @Put('people')
  @HttpCode(200)
  @ApiOperation({ summary: 'Upsert people of the directory (a write key with the directory scope): {"people":[{person_id, name, email, department, location, title, manager_id, hired_at, is_leader, attributes, effective_at}]}; effective_at (date or date-time, not in the future, default now): from when department, location, manager and title hold (the directory keeps their history)' })
  people(@ZodBody(peopleBatchSchema) body: { people: Person[] }) {
    return this.directory.upsertPeople(body.people);
  }

  @Audited('directory.content.upsert', () => 'directory:content', ({ body, result }) => ({ content: (body as { content?: unknown[] }).content?.length ?? 0, ...counts(result, 'upserted', 'rejected') }))
  @WriteKey('directory')
  @Put('content')
  @HttpCode(200)
  @ApiOperation({ summary: 'Upsert the content catalogue (a write key with the directory scope): {"content":[{content_id, channel, purpose, author_id, title, published_at}]}' })
  content(@ZodBody(contentBatchSchema) body: { content: Content[] }) {
    return this.directory.upsertContent(body.content);
  }
}
