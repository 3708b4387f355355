import { Controller, Get, NotFoundException, Param } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { PeopleRepository } from '@hubpulse/clickhouse';
import { SINCE_ALWAYS } from '@hubpulse/ingestion';
import { Roles } from '../common/public.decorator';
import { Audited, byParam } from '../audit/audit.decorator';

/**
 * A person's directory history (issue 15): department, location, manager and title with the days
 * they held them. About one person, so admins only, like a person's score ("why"), and every read
 * is in the audit log.
 */
@ApiTags('directory')
@Controller('api/directory')
export class DirectoryHistoryController {
  constructor(private readonly people: PeopleRepository) {}

  @Audited('directory.person.history', byParam('person', 'personId'), () => ({}))
  @Get('people/:personId/history')
  @Roles('admin')
  @ApiOperation({ summary: "One person's directory history: department, location, manager and title with valid_from (inclusive; null: since before anything was recorded) and valid_to (exclusive, null: still holds), oldest first (admins only)" })
  async history(@Param('personId') personId: string) {
    const stints = await this.people.history(personId);
    if (stints.length === 0 && !(await this.people.person(personId))) throw new NotFoundException(`person ${personId}: not in the directory`);
    // valid_from null: held since before anything was recorded (SINCE_ALWAYS)
    return { person_id: personId, stints: stints.map(({ person_id: _, ...s }) => ({ ...s, valid_from: s.valid_from === SINCE_ALWAYS ? null : s.valid_from })) };
  }
}
