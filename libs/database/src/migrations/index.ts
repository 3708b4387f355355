import { Initial1764100000000 } from './1764100000000-initial';
import { EventMappings1764200000000 } from './1764200000000-event-mappings';
import { ScoringModelV21764300000000 } from './1764300000000-scoring-model-v2';
import { SegmentsProgrammes1764410000000 } from './1764410000000-segments-programmes';
import { GoalsStrategy1764500000000 } from './1764500000000-goals-strategy';
import { ProgrammeLaunchMembership1764600000000 } from './1764600000000-programme-launch-membership';
import { WriteKeyScopes1764700000000 } from './1764700000000-write-key-scopes';
import { UsersAccess1764800000000 } from './1764800000000-users-access';
import { SsoIdentities1764900000000 } from './1764900000000-sso-identities';
import { WriteKeyLastUsed1765100000000 } from './1765100000000-write-key-last-used';
import { AuditLogTime1765200000000 } from './1765200000000-audit-log-time';
import { Exports1765300000000 } from './1765300000000-exports';
import { ReadTokens1765310000000 } from './1765310000000-read-tokens';
import { SavedViews1765340000000 } from './1765340000000-saved-views';
import { Deliveries1765400000000 } from './1765400000000-deliveries';
import { Schedules1765410000000 } from './1765410000000-schedules';
import { Alerts1765500000000 } from './1765500000000-alerts';
import { WriteKeyOrigins1765600000000 } from './1765600000000-write-key-origins';
import { NewsletterMappings1765610000000 } from './1765610000000-newsletter-mappings';
import { PersonStints1765620000000 } from './1765620000000-person-stints';

/** Listed explicitly (not globbed) so the bundled build finds them. Append only. */
export const MIGRATIONS = [Initial1764100000000, EventMappings1764200000000, ScoringModelV21764300000000, SegmentsProgrammes1764410000000, GoalsStrategy1764500000000, ProgrammeLaunchMembership1764600000000, WriteKeyScopes1764700000000, UsersAccess1764800000000, SsoIdentities1764900000000, WriteKeyLastUsed1765100000000, AuditLogTime1765200000000, Exports1765300000000, ReadTokens1765310000000, SavedViews1765340000000, Deliveries1765400000000, Schedules1765410000000, Alerts1765500000000, WriteKeyOrigins1765600000000, NewsletterMappings1765610000000, PersonStints1765620000000];
