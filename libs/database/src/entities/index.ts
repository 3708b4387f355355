import { AuditLogEntity } from './audit-log.entity';
import { EventMappingEntity } from './event-mapping.entity';
import { ExportEntity } from './export.entity';
import { GoalEntity, GoalLinkEntity, GoalMonthlyTargetEntity, KpiValueEntity, KpiValueHistoryEntity } from './goal.entity';
import { PersonEntity } from './person.entity';
import { ProgrammeEntity } from './programme.entity';
import { ReadTokenEntity } from './read-token.entity';
import { ScoringModelEntity } from './scoring-model.entity';
import { SegmentDefinitionEntity, SegmentDefinitionRevisionEntity } from './segment.entity';
import { IngestionKeyEntity, InviteEntity, SessionEntity, UserEntity } from './user.entity';
import { UserIdentityEntity } from './user-identity.entity';
import { SavedViewEntity } from './saved-view.entity';
import { DeliveryEntity } from './delivery.entity';

export * from './audit-log.entity';
export * from './event-mapping.entity';
export * from './export.entity';
export * from './goal.entity';
export * from './person.entity';
export * from './programme.entity';
export * from './read-token.entity';
export * from './scoring-model.entity';
export * from './segment.entity';
export * from './user.entity';
export * from './user-identity.entity';
export * from './saved-view.entity';
export * from './delivery.entity';

export const ENTITIES = [UserEntity, SessionEntity, InviteEntity, IngestionKeyEntity, PersonEntity, GoalEntity, KpiValueEntity, GoalMonthlyTargetEntity, KpiValueHistoryEntity, GoalLinkEntity, ScoringModelEntity, EventMappingEntity, SegmentDefinitionEntity, SegmentDefinitionRevisionEntity, ProgrammeEntity, AuditLogEntity, UserIdentityEntity, ExportEntity, SavedViewEntity, ReadTokenEntity, DeliveryEntity];
