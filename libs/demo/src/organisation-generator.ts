import type { Person } from '@hubpulse/contracts';
import { DAY_MS, formatDayKey } from '@hubpulse/contracts';
import { resolveWindow } from './calendar';
import { generateContent } from './content-generator';
import type { DemoOrganisation, Level, OrganisationOptions, PersonProfile } from './demo.types';
import { COMPANY_DOMAIN, DEPARTMENTS, FIRST_NAMES, HEADQUARTERS, LAST_NAMES, LOCATIONS } from './organisation-catalog';
import { Rng } from './random';

export const DEFAULT_PEOPLE = 2400;
export const DEFAULT_DAYS = 90;
export const EXECUTIVE_OFFICE = 'Executive Office';
const MIN_PEOPLE = 20;

interface Slot {
  department: number;
  level: Level;
  title: string;
  manager: number;
}

/**
 * A believable company: a CEO, an executive office, ten departments each led by an executive with
 * directors, managers and individual contributors, spread over several offices, hired over ~15
 * years; plus everything they publish on the hub during the window (see content-generator.ts).
 */
export function generateOrganisation(options: OrganisationOptions): DemoOrganisation {
  const headcount = options.people ?? DEFAULT_PEOPLE;
  if (!Number.isInteger(headcount) || headcount < MIN_PEOPLE) throw new Error(`people must be an integer ≥ ${MIN_PEOPLE}, got ${headcount}`);
  const window = resolveWindow(options.endDate, options.days ?? DEFAULT_DAYS);
  const rng = new Rng(options.seed, 'organisation');

  const slots = shuffleBelowCeo(buildStructure(headcount, rng), rng);
  const departments = [...DEPARTMENTS.map((d) => d.name), EXECUTIVE_OFFICE];
  const idWidth = Math.max(4, String(headcount).length);
  const personId = (i: number) => `p${String(i + 1).padStart(idWidth, '0')}`;
  const emails = new Set<string>();

  const people: Person[] = [];
  const profiles: PersonProfile[] = [];
  slots.forEach((slot, i) => {
    const location = i === 0 ? LOCATIONS.find((l) => l.name === HEADQUARTERS)! : LOCATIONS[rng.weightedIndex(LOCATIONS.map((l) => l.weight))];
    const first = rng.pick(FIRST_NAMES);
    const last = rng.pick(LAST_NAMES);
    const profile = buildProfile(slot, location.utcOffset, window.days, rng);
    const isLeader = slot.level === 'ceo' || slot.level === 'executive' || slot.level === 'director';
    people.push({
      person_id: personId(i),
      name: `${first} ${last}`,
      email: uniqueEmail(first, last, emails),
      department: departments[slot.department],
      location: location.name,
      title: slot.title,
      manager_id: slot.manager < 0 ? null : personId(slot.manager),
      hired_at: formatDayKey(window.startMs + profile.firstDay * DAY_MS),
      is_leader: isLeader,
      attributes: {
        level: slot.level,
        employment_type: (['full_time', 'part_time', 'contractor'] as const)[rng.weightedIndex([92, 3, 5])],
        work_mode: (['office', 'hybrid', 'remote'] as const)[rng.weightedIndex([35, 50, 15])],
      },
    });
    profiles.push(profile);
  });

  const executives = DEPARTMENTS.map((_, d) => slots.findIndex((s) => s.department === d && s.level === 'executive'));
  const org: DemoOrganisation = { seed: options.seed, window, people, content: [], profiles, contentMeta: [], departments, ceo: 0, executives };
  const { content, meta } = generateContent(org);
  org.content = content;
  org.contentMeta = meta;
  return org;
}

/** Headcount per department by largest remainder, so the total is exact. */
function allocate(total: number, shares: readonly number[]): number[] {
  const sum = shares.reduce((a, b) => a + b, 0);
  const exact = shares.map((s) => (total * s) / sum);
  const counts = exact.map(Math.floor);
  const order = exact.map((e, i) => [e - Math.floor(e), i] as const).sort((a, b) => b[0] - a[0] || a[1] - b[1]);
  const missing = total - counts.reduce((a, b) => a + b, 0);
  for (let k = 0; k < missing; k++) counts[order[k % order.length][1]]++;
  return counts;
}

function buildStructure(headcount: number, rng: Rng): Slot[] {
  const office = DEPARTMENTS.length;
  const slots: Slot[] = [{ department: office, level: 'ceo', title: 'Chief Executive Officer', manager: -1 }];
  const officeTitles = ['Chief of Staff', 'Executive Assistant', 'Head of Internal Communications'];
  for (const title of officeTitles) slots.push({ department: office, level: 'individual', title, manager: 0 });

  const counts = allocate(headcount - slots.length, DEPARTMENTS.map((d) => d.share));
  DEPARTMENTS.forEach((spec, d) => {
    const size = counts[d];
    if (size === 0) return;
    const exec = slots.push({ department: d, level: 'executive', title: spec.executiveTitle, manager: 0 }) - 1;
    const directorCount = size >= 12 ? Math.max(1, Math.round(size / 70)) : 0;
    const managerCount = size >= 4 ? Math.max(1, Math.round(size / 9)) : 0;
    const directors: number[] = [];
    for (let k = 0; k < directorCount; k++) {
      directors.push(slots.push({ department: d, level: 'director', title: spec.directorTitles[k % spec.directorTitles.length], manager: exec }) - 1);
    }
    const managers: number[] = [];
    for (let k = 0; k < managerCount; k++) {
      const boss = directors.length ? directors[k % directors.length] : exec;
      managers.push(slots.push({ department: d, level: 'manager', title: rng.pick(spec.managerTitles), manager: boss }) - 1);
    }
    const leads = managers.length ? managers : directors.length ? directors : [exec];
    const titleWeights = spec.titles.map((t) => t[1]);
    for (let k = 0; k < size - 1 - directorCount - managerCount; k++) {
      // Round-robin with a random start keeps teams balanced (7–10 reports) without looking mechanical.
      const boss = leads[(k + rng.int(0, 1)) % leads.length];
      slots.push({ department: d, level: 'individual', title: spec.titles[rng.weightedIndex(titleWeights)][0], manager: boss });
    }
  });
  return slots;
}

/** Person ids say nothing about rank: everyone but the CEO (p0001) is shuffled. */
function shuffleBelowCeo(slots: Slot[], rng: Rng): Slot[] {
  const order = rng.shuffle(slots.slice(1).map((_, i) => i + 1));
  const newIndex = new Array<number>(slots.length);
  newIndex[0] = 0;
  order.forEach((old, k) => (newIndex[old] = k + 1));
  const out = new Array<Slot>(slots.length);
  slots.forEach((s, old) => (out[newIndex[old]] = { ...s, manager: s.manager < 0 ? -1 : newIndex[s.manager] }));
  return out;
}

function buildProfile(slot: Slot, utcOffset: number, days: number, rng: Rng): PersonProfile {
  const spec = DEPARTMENTS[slot.department] as (typeof DEPARTMENTS)[number] | undefined;
  const leader = slot.level !== 'individual' && slot.level !== 'manager';
  const activity =
    slot.level === 'ceo' ? 0.95 : leader ? rng.range(0.75, 0.95) : slot.level === 'manager' ? rng.range(0.6, 0.9)
      : rng.chance(0.12) ? rng.range(0.02, 0.12) // the quiet ones: on the payroll, rarely on the hub
      : clamp(rng.normal(0.62, 0.17), 0.15, 0.95);
  // Posting is heavy-tailed: most never post, a handful post every day.
  const posts = rng.chance(leader ? 0.35 : 0.55) ? 0 : Math.min(4, rng.pareto(leader ? 0.015 : 0.008, 1));
  return {
    department: slot.department,
    level: slot.level,
    activity,
    viewRate: rng.logNormal(leader ? 3.4 : 2.9, 0.5),
    voice: rng.logNormal(leader ? 1.6 : 1, 0.7),
    postRate: posts,
    docRate: (spec?.docRate ?? 0.05) * rng.logNormal(1, 0.6),
    taskRate: rng.chance(0.15) ? 0 : (spec?.taskRate ?? 0.4) * rng.logNormal(1, 0.5) * (slot.level === 'individual' ? 1 : 0.5),
    questionRate: 0.008 * rng.logNormal(1, 0.8),
    utcOffset,
    firstDay: hireDay(slot.level, days, rng),
    manager: slot.manager,
  };
}

/** Day index (relative to the window start) of the hire: spread over ~15 years, a few recent joiners. */
function hireDay(level: Level, days: number, rng: Rng): number {
  if (level === 'ceo') return -Math.round(12.3 * 365);
  if (level === 'individual') {
    const r = rng.next();
    if (r < 0.025 && days >= 10) return rng.int(3, days - 3); // joined during the window
    if (r < 0.05) return -rng.int(1, 60);
  }
  const minYears = level === 'individual' ? 0.2 : level === 'manager' ? 1 : 1.5;
  const years = minYears + (15 - minYears) * Math.pow(rng.next(), 1.6);
  return -Math.round(years * 365);
}

function uniqueEmail(first: string, last: string, taken: Set<string>): string {
  const base = `${first}.${last}`.toLowerCase().replace(/[^a-z.]/g, '');
  let email = `${base}@${COMPANY_DOMAIN}`;
  for (let n = 2; taken.has(email); n++) email = `${base}${n}@${COMPANY_DOMAIN}`;
  taken.add(email);
  return email;
}

function clamp(x: number, lo: number, hi: number): number {
  return Math.min(hi, Math.max(lo, x));
}
