// Shaping for "Why this score": the explanation per action type with each type's share of the
// raw points, the day-by-day contributions and the person picker's labels.

import type { ScoredPersonDto } from '@hubpulse/contracts';
import { formatPoints, formatScore } from '../../lib/format';

// The rows of both tables come from contracts, where the server's export builds the same tables.
export { buildScoreActionRows as buildActionRows, buildScoreTypeRows as buildTypeRows, type ScoreActionRow as ActionRow, type ScoreTypeRow as TypeRow } from '@hubpulse/contracts';

/** "62 — higher than 62% of the organisation (2,400 people)". */
export function rankSentence(score: number, population: number, where: string): string {
  if (population <= 1) return `the only person in ${where}`;
  return `higher than ${formatScore(score)}% of ${where}`;
}

/** "Maria Lopez (p0042) · Sales · score 62 · raw 48". */
export function personOptionLabel(p: ScoredPersonDto): string {
  const name = p.name ? `${p.name} (${p.person_id})` : p.person_id;
  return [name, p.department, `score ${formatScore(p.score)}`, `raw ${formatPoints(p.raw)}`].filter(Boolean).join(' · ');
}


