import request from 'supertest';
import type { ScoreJobDto } from '@hubpulse/contracts';
import { waitFor } from './index';

/** Starts a full score recompute as the admin whose session cookie is `admin` and waits until it ends; returns the job. */
export async function runFullScoreJob(http: Parameters<typeof request>[0], admin: string, timeoutMs = 60_000): Promise<ScoreJobDto> {
  const { job_id } = (await request(http).post('/api/engagement/jobs').set('Cookie', admin).send({ kind: 'full' }).expect(201)).body as { job_id: string };
  return (await waitFor(
    async () => ((await request(http).get('/api/engagement/jobs').set('Cookie', admin)).body as ScoreJobDto[]).find((j) => j.id === job_id && (j.state === 'completed' || j.state === 'failed')),
    'score job',
    timeoutMs,
  )) as ScoreJobDto;
}
