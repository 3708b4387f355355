import {
  CORRELATION_METHOD,
  DID_METHOD,
  FORECAST_METHOD,
  GOAL_STATUS_RULE,
  LINK_ENGAGEMENT_DEFINITIONS,
  MULTIPLE_COMPARISONS_NOTE,
  PROGRESS_DEFINITION,
} from './goal-definitions';
import {
  CHANNEL_ACTIVITY_DEFINITION,
  CHANNEL_STAT_DEFINITIONS,
  COMPOSITION_DEFINITION,
  ENGAGEMENT_INDEX_DEFINITION,
  PROGRAMME_FORECAST_DEFINITION,
  RAW_SCORE_DEFINITION,
  SCORE_BANDS_DEFINITION,
  SCORE_DEFINITION,
} from './metric-definitions';
import {
  AMBASSADOR_DEFINITION,
  AMBASSADOR_STAGE_DEFINITIONS,
  LEADER_ITEMS_DEFINITION,
  LEADER_METRIC_DEFINITIONS,
  MANAGEMENT_SHARE_DEFINITION,
  PERSONA_DEFINITIONS,
  PERSONA_MOVEMENT_DEFINITION,
  PERSONA_PERIOD_DEFINITION,
  POPULATION_DEFINITION,
  PURPOSE_DEFINITIONS,
  PURPOSE_PART_DEFINITIONS,
} from './pattern-definitions';
import { HIDDEN_REASONS, hiddenReasonText } from './privacy.types';
import { ENGAGEMENT_TACTIC_DEFINITIONS, PROGRAMME_METRIC_DEFINITIONS } from './programmes.types';
import { TACTIC_LABELS } from './labels';
import { CONTENT_DEFINITIONS } from './content.types';

/**
 * The Reports → Glossary: every definition the dashboard shows beside a number, built from the very
 * constants the panels and the API answers read (nothing is copied), grouped by area. Pure.
 */
export interface GlossaryEntry {
  /** Anchor (`#<id>`), unique over the glossary. */
  id: string;
  term: string;
  definition: string;
}
export interface GlossaryGroup {
  id: string;
  title: string;
  /** Where in the dashboard these numbers are shown. */
  where: string;
  entries: GlossaryEntry[];
}

const slug = (s: string) =>
  s
    .toLowerCase()
    .normalize('NFKD')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');
const words = (key: string) => key.replaceAll('_', ' ');
const capital = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

function group(id: string, title: string, where: string, items: [term: string, definition: string][]): GlossaryGroup {
  return { id, title, where, entries: items.map(([term, definition]) => ({ id: `${id}-${slug(term)}`, term, definition })) };
}

const HIDDEN_REASON_TERMS: Record<(typeof HIDDEN_REASONS)[number], string> = {
  below_minimum: 'Hidden: below the minimum group size',
  numerator: 'Hidden: too few counted',
  complement: 'Hidden: too few not counted',
  difference: 'Hidden: overlap with another group',
  remainder: 'Hidden: remainder of the organisation',
  hierarchy: 'Hidden: merged upward',
  complementary: 'Hidden: complementary suppression',
  period: 'Hidden: neighbouring period',
  earlier_release: 'Hidden: earlier release',
  moved: 'Hidden: people moved',
};

/** Every group of the glossary; `minGroupSize` fills the privacy sentences as the dashboard shows them. */
export function buildGlossary(minGroupSize: number): GlossaryGroup[] {
  const purposes = Object.values(PURPOSE_DEFINITIONS);
  return [
    group('overview', 'Overview', 'Overview', [
      ['Engagement index', ENGAGEMENT_INDEX_DEFINITION],
      ['Channel activity', CHANNEL_ACTIVITY_DEFINITION],
    ]),
    group('scores', 'Engagement scores', 'Engagement → Scores, score explanations, segment score bands', [
      ['Engagement score (0–100)', SCORE_DEFINITION],
      ['Raw score', RAW_SCORE_DEFINITION],
    ]),
    group('purposes', 'Purpose indices', 'Engagement → Purposes, Strategy → purpose scorecard', [
      ['Population', POPULATION_DEFINITION],
      ...purposes.map((p): [string, string] => [
        `${p.label} index`,
        `${p.definition} Numerator: ${p.numerator}. Denominator: ${p.denominator}.`,
      ]),
      ['Management participation', MANAGEMENT_SHARE_DEFINITION],
      ...Object.entries(PURPOSE_PART_DEFINITIONS).map(([k, d]): [string, string] => [capital(words(k)), d]),
    ]),
    group('personas', 'Personas', 'Engagement → Personas & ambassadors', [
      ['Persona week', PERSONA_PERIOD_DEFINITION],
      ...Object.values(PERSONA_DEFINITIONS).map((p): [string, string] => [`Persona: ${p.label}`, p.definition]),
      ['Persona movement', PERSONA_MOVEMENT_DEFINITION],
    ]),
    group('ambassadors', 'Ambassador pipeline', 'Engagement → Personas & ambassadors', [
      ['Ambassador pipeline', AMBASSADOR_DEFINITION],
      ...Object.values(AMBASSADOR_STAGE_DEFINITIONS).map((s): [string, string] => [`Stage: ${s.label}`, s.definition]),
    ]),
    group('leaders', 'Leader responsiveness', 'Engagement → Leader responsiveness', [
      ['Items addressed to leaders', LEADER_ITEMS_DEFINITION],
      ...Object.entries(LEADER_METRIC_DEFINITIONS).map(([k, d]): [string, string] => [capital(words(k)), d]),
    ]),
    group('strategy', 'Goals and KPIs', 'Strategy and each goal', [
      ['Goal status', GOAL_STATUS_RULE],
      ['Progress', PROGRESS_DEFINITION],
      ['Forecast', FORECAST_METHOD],
      ['Correlation with engagement', CORRELATION_METHOD],
      ['Many correlations at once', MULTIPLE_COMPARISONS_NOTE],
      ['Difference in differences', DID_METHOD],
      ['Linked audience: mean score', LINK_ENGAGEMENT_DEFINITIONS.mean_score],
      ['Linked audience: purpose reach', LINK_ENGAGEMENT_DEFINITIONS.purposes],
      ['Linked audience', LINK_ENGAGEMENT_DEFINITIONS.audience],
    ]),
    group('segments', 'Segments', 'Audiences → a segment', [
      ['Composition', COMPOSITION_DEFINITION],
      ['Score bands', SCORE_BANDS_DEFINITION],
      ['Channel reach rate', CHANNEL_STAT_DEFINITIONS.reach_rate],
      ['Channel read rate', CHANNEL_STAT_DEFINITIONS.read_rate],
      ['Channel interaction rate', CHANNEL_STAT_DEFINITIONS.interaction_rate],
      ['Shrinkage towards the organisation', CHANNEL_STAT_DEFINITIONS.shrinkage],
      ['95% interval', CHANNEL_STAT_DEFINITIONS.interval],
      ['Channel ranking', CHANNEL_STAT_DEFINITIONS.ranking],
    ]),
    group('programmes', 'Programmes', 'Audiences → a programme', [
      ['Reach forecast', PROGRAMME_FORECAST_DEFINITION],
      ...Object.entries(PROGRAMME_METRIC_DEFINITIONS).map(([k, d]): [string, string] => [`Measure: ${words(k)}`, d]),
      ...Object.entries(ENGAGEMENT_TACTIC_DEFINITIONS).map(([k, d]): [string, string] => [`Tactic: ${TACTIC_LABELS[k as keyof typeof TACTIC_LABELS]}`, d]),
    ]),
    group('content', 'Content', 'Content → items, an item, newsletters, authors', [
      ['Audience', CONTENT_DEFINITIONS.audience],
      ['Read rate (content)', CONTENT_DEFINITIONS.read_rate],
      ['Reach rate (content)', CONTENT_DEFINITIONS.reach_rate],
      ['Interactions', CONTENT_DEFINITIONS.interactions],
      ['Comments and answers', CONTENT_DEFINITIONS.comments],
      ['Leader replies', CONTENT_DEFINITIONS.leader_replies],
      ['Median time to first comment', CONTENT_DEFINITIONS.time_to_first_comment],
      ['Attention by day since publishing', CONTENT_DEFINITIONS.decay],
      ["Author's readers", CONTENT_DEFINITIONS.author_readers],
      ["Author's read rate", CONTENT_DEFINITIONS.author_read_rate],
      ["Authors' hidden figures", CONTENT_DEFINITIONS.author_privacy],
      ['Unique open rate', CONTENT_DEFINITIONS.open_rate],
      ['Click-to-open rate', CONTENT_DEFINITIONS.click_to_open],
      ['Machine opens', CONTENT_DEFINITIONS.machine_opens],
      ['Top and bottom content', CONTENT_DEFINITIONS.top_bottom],
    ]),
    group('privacy', 'Privacy: hidden numbers', 'Everywhere a number about people is hidden', HIDDEN_REASONS.map((r) => [HIDDEN_REASON_TERMS[r], hiddenReasonText(r, minGroupSize)])),
  ];
}

/**
 * The groups with only the entries whose term or definition contains every word of `search`
 * (case- and accent-insensitive); groups left empty are dropped. An empty search keeps everything.
 */
export function searchGlossary(groups: readonly GlossaryGroup[], search: string): GlossaryGroup[] {
  const fold = (s: string) => s.toLowerCase().normalize('NFKD').replace(/[\u0300-\u036f]/g, '');
  const terms = fold(search).split(/\s+/).filter(Boolean);
  if (terms.length === 0) return [...groups];
  return groups
    .map((g) => ({ ...g, entries: g.entries.filter((e) => { const text = fold(`${e.term} ${e.definition} ${g.title}`); return terms.every((t) => text.includes(t)); }) }))
    .filter((g) => g.entries.length > 0);
}

/** `GET /api/glossary`. */
export interface GlossaryDto {
  min_group_size: number;
  groups: GlossaryGroup[];
}
