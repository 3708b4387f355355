import { Inject, Injectable, Logger } from '@nestjs/common';
import { ConfigError, HUBPULSE_CONFIG, type HubpulseConfig } from '@hubpulse/config';
import { DAY_MS, formatDayKey, type Content, type Role } from '@hubpulse/contracts';
import { GoalsRepository, ProgrammesRepository, SegmentDefinitionsRepository, StoreLock } from '@hubpulse/database';
import { EventsRepository } from '@hubpulse/clickhouse';
import { generateOrganisation, generateEvents, generateGoals } from '@hubpulse/demo';
import { AuthService } from '../auth/auth.service';
import { checkPassword, newToken } from '../auth/password';

const FIRST_ADMIN_EMAIL = 'admin@hubpulse.local';
/** The demo's users besides the admin: one per role. */
const DEMO_USERS: readonly [Exclude<Role, 'admin'>, string][] = [
  ['leader', 'Lena Leader'],
  ['planner', 'Pia Planner'],
  ['analyst', 'Ana Analyst'],
];
import { DirectoryService } from '../directory/directory.service';
import { validateEvents } from '@hubpulse/ingestion';
import { EventWriter } from '../ingest/event-writer.service';
import { ScoreNudgeService } from '../ingest/score-nudge.service';

/** Bootstrap admin and write key on an empty store, and the demo organisation when HUBPULSE_DEMO=1. */
@Injectable()
export class SeedService {
  private readonly logger = new Logger('Seed');

  constructor(
    @Inject(HUBPULSE_CONFIG) private readonly config: HubpulseConfig,
    private readonly auth: AuthService,
    private readonly directory: DirectoryService,
    private readonly writer: EventWriter,
    private readonly goals: GoalsRepository,
    private readonly nudge: ScoreNudgeService,
    private readonly events: EventsRepository,
    private readonly segments: SegmentDefinitionsRepository,
    private readonly programmes: ProgrammesRepository,
    private readonly lock: StoreLock,
  ) {}

  /** Once at a time across API processes starting together: each sees what the first created. */
  run(): Promise<void> {
    return this.lock.run('seed', () => this.seed());
  }

  private async seed(): Promise<void> {
    const { adminEmail, adminPassword, writeKey } = this.config.bootstrap;
    if (adminEmail && adminPassword && (await this.auth.countUsers()) === 0) {
      // The password rules hold for a real install's first admin; the demo's well-known password is exempt.
      const problems = this.config.demo ? [] : checkPassword(adminPassword, { email: adminEmail, field: 'HUBPULSE_BOOTSTRAP_ADMIN_PASSWORD' });
      if (problems.length) throw new ConfigError(problems);
      await this.auth.createUser({ email: adminEmail, password: adminPassword, name: 'Administrator', role: 'admin' });
      this.logger.log(`created admin user ${adminEmail}`);
    } else if (!adminEmail && (await this.auth.countUsers()) === 0) {
      // Nobody could sign in otherwise: make a first admin with a one-time password, shown once.
      const password = newToken().slice(0, 16);
      await this.auth.createUser({ email: FIRST_ADMIN_EMAIL, password, name: 'Administrator', role: 'admin' });
      this.logger.warn(`No users yet: created ${FIRST_ADMIN_EMAIL} with password ${password} (shown once; change it after signing in)`);
    }
    if (writeKey && (await this.auth.countWriteKeys()) === 0) {
      // A server-side key configured by the operator: it sends events and syncs the directory.
      await this.auth.createWriteKey({ name: 'bootstrap', scopes: ['events', 'directory'], browser: false }, writeKey);
      this.logger.log('created the bootstrap write key');
    }
    if (this.config.demo) await this.seedDemo();
  }

  /**
   * One demo user per other role (leader, planner, analyst) with the bootstrap admin's password, so
   * each user group's view of the product can be tried: leader@hubpulse.local lands on Strategy.
   */
  private async seedDemoUsers(): Promise<void> {
    const password = this.config.bootstrap.adminPassword;
    if (!password) return;
    for (const [role, name] of DEMO_USERS) {
      const email = `${role}@hubpulse.local`;
      if (email === this.config.bootstrap.adminEmail) continue;
      await this.auth.createUser({ email, password, name, role });
    }
    this.logger.log(`demo users: ${DEMO_USERS.map(([role]) => `${role}@hubpulse.local`).join(', ')} (the admin's password)`);
  }

  /**
   * A launched programme, so the Strategy page has a before/after comparison to show: leader-led vision
   * briefings for Sales at its largest site (the rest of Sales compares), launched 75 days before the
   * demo's last day and linked to the revenue goal.
   * (The demo's activity does not react to it: whatever difference shows is what the data says.)
   */
  private async seedDemoProgramme(revenueGoalId: string | undefined, endDate: Date, people: readonly { department?: string | null; location?: string | null }[]): Promise<string | null> {
    if (!revenueGoalId) return null;
    const day = (offset: number) => formatDayKey(endDate.getTime() + offset * DAY_MS);
    // The sales site with the most people: the rest of Sales is the comparison group of the before/after.
    const sites = new Map<string, number>();
    for (const p of people) if (p.department === 'Sales' && p.location) sites.set(p.location, (sites.get(p.location) ?? 0) + 1);
    const site = [...sites].sort((a, b) => b[1] - a[1])[0]?.[0];
    if (!site) return null;
    const sales = await this.segments.create(
      {
        name: `Sales in ${site}`,
        description: 'The target of the demo programme "Sales vision briefings"',
        kind: 'dynamic',
        rule: {
          kind: 'and',
          children: [
            { kind: 'attribute', field: 'department', op: 'in', values: ['Sales'] },
            { kind: 'attribute', field: 'location', op: 'in', values: [site] },
          ],
        },
      },
      'demo',
    );
    const programme = await this.programmes.create(
      {
        name: 'Sales vision briefings',
        segmentId: sales.id,
        grouping: 'location',
        contentPurposes: ['vision', 'strategy'],
        contentNotes: 'A monthly CEO blog post on the strategy, discussed in each sales region.',
        channels: ['ceo_blog', 'newsletter'],
        tactic: 'leader_led',
        tacticNotes: 'Regional sales leaders answer questions on the CEO blog within a day.',
        measureMetric: 'read_rate',
        measureTarget: 0.6,
        measureFrom: day(-75),
        measureTo: day(14),
        goalId: revenueGoalId,
      },
      'demo',
    );
    await this.programmes.launch(programme.id, 'demo', null, null, `${day(-75)}T09:00:00.000Z`);
    await this.goals.createLink({
      goalId: revenueGoalId,
      kind: 'programme',
      segmentId: null,
      programmeId: programme.id,
      scope: null,
      scopeValues: [],
      purpose: 'vision',
      hypothesis: `Leader-led vision briefings for Sales in ${site} should lift revenue`,
      createdBy: 'demo',
    });
    return sales.id;
  }

  /**
   * Some demo items aimed at a segment rather than everyone, so the Content area measures reach within
   * an audience: Sales' newsletters at the programme's Sales segment, engagement blog posts and Q&A at
   * the starter segment of new joiners, documents at people managers (the catalogue is written again
   * with the audience: the newest version of an item wins).
   */
  private async aimDemoContent(content: readonly Content[], salesSegmentId: string | null): Promise<void> {
    const starters = new Map((await this.segments.list()).flatMap((s) => (s.starterKey ? [[s.starterKey, s.id] as const] : [])));
    const audienceOf = (c: Content): string | undefined => {
      if (c.channel === 'newsletter' && c.content_id.startsWith('nl-sales-')) return salesSegmentId ?? undefined;
      if ((c.channel === 'blog' && c.purpose === 'engagement') || c.channel === 'qa') return starters.get('new_joiners');
      if (c.channel === 'documents') return starters.get('people_managers');
      return undefined;
    };
    const aimed = content.flatMap((c) => {
      const audience = audienceOf(c);
      return audience ? [{ ...c, audience_segment_id: audience }] : [];
    });
    for (let i = 0; i < aimed.length; i += 1000) await this.directory.upsertContent(aimed.slice(i, i + 1000));
    this.logger.log(`demo content: ${aimed.length} items aimed at a segment`);
  }

  private async storeIsEmpty(): Promise<boolean> {
    return (await this.events.lastEventDay()) === null && (await this.directory.countPeople()) === 0 && (await this.goals.count()) === 0;
  }

  private async seedDemo(): Promise<void> {
    if (!(await this.storeIsEmpty())) return;
    const started = Date.now();
    await this.seedDemoUsers();
    const endDate = new Date(Date.UTC(new Date().getUTCFullYear(), new Date().getUTCMonth(), new Date().getUTCDate()));
    const org = generateOrganisation({ seed: 42, endDate, days: this.config.demoDays });
    this.logger.log(`seeding demo organisation: ${org.people.length} people, ${org.content.length} content items…`);
    for (let i = 0; i < org.people.length; i += 1000) await this.directory.upsertPeople(org.people.slice(i, i + 1000));
    for (let i = 0; i < org.content.length; i += 1000) await this.directory.upsertContent(org.content.slice(i, i + 1000));
    let total = 0;
    let lastLog = Date.now();
    for (const chunk of generateEvents(org)) {
      const { lines, rejected } = validateEvents(chunk, 'demo', 'demo');
      if (rejected.length) throw new Error(`demo generator produced invalid events: ${JSON.stringify(rejected.slice(0, 3))}`);
      // Straight to the writer: no score nudges while seeding, one recompute at the end.
      await this.writer.write(lines);
      total += lines.length;
      if (Date.now() - lastLog > 2000) {
        this.logger.log(`  ${total.toLocaleString('en')} events…`);
        lastLog = Date.now();
      }
    }
    const goalIds = new Map<string, string>();
    for (const goal of generateGoals(org)) goalIds.set(goal.metric, await this.goals.create(goal, 'demo'));
    const salesSegment = await this.seedDemoProgramme(goalIds.get('revenue'), endDate, org.people);
    await this.aimDemoContent(org.content, salesSegment);
    await this.nudge.now('manual');
    this.logger.log(`demo data seeded: ${total.toLocaleString('en')} events in ${((Date.now() - started) / 1000).toFixed(1)} s; scores are being computed`);
  }
}
