import { Logger } from '@nestjs/common';
import { UnrecoverableError, type Job } from 'bullmq';
import { JobName } from '@hubpulse/queue';
import type { ImportRunService } from './import-run.service';
import { ImportsProcessor } from './imports.processor';
import { ImportFileError } from './import-row';

function setup(outcome: Error | null) {
  const runner = {
    run: jest.fn(async (_id: string, _attempt: number, report: (p: object) => Promise<void>) => {
      await report({ bytes: 1, total: 2, rows: 1, accepted: 1, rejected: 0 });
      if (outcome) throw outcome;
      return { id: 'i1', status: 'done' };
    }),
    markFailed: jest.fn(async () => undefined),
  };
  const processor = new ImportsProcessor(runner as unknown as ImportRunService);
  const job = (attemptsMade: number) =>
    ({ name: JobName.ImportsRun, data: { importId: 'i1' }, attemptsMade, opts: { attempts: 3 }, updateProgress: jest.fn(async () => undefined) }) as unknown as Job;
  return { runner, processor, job };
}

describe('ImportsProcessor', () => {
  it('runs the import, passing the attempt number and reporting progress on the job', async () => {
    const { runner, processor, job } = setup(null);
    const j = job(1);
    await expect(processor.process(j)).resolves.toEqual({ id: 'i1', status: 'done' });
    expect(runner.run).toHaveBeenCalledWith('i1', 2, expect.any(Function));
    expect(j.updateProgress).toHaveBeenCalledWith({ bytes: 1, total: 2, rows: 1, accepted: 1, rejected: 0 });
  });

  it('rethrows a storage error so BullMQ retries, marking the import queued until the last attempt; the store text stays in the log', async () => {
    const down = new Error('Code: 252. DB::Exception: Too many parts (300) in table hp.events');
    const { runner, processor, job } = setup(down);
    const logged = jest.spyOn(Logger.prototype, 'error').mockImplementation(() => undefined);
    try {
      await expect(processor.process(job(0))).rejects.toBe(down);
      expect(runner.markFailed).toHaveBeenLastCalledWith('i1', 'storage error (logged by the worker under import i1, attempt 1)', false);
      await expect(processor.process(job(2))).rejects.toBe(down);
      expect(runner.markFailed).toHaveBeenLastCalledWith('i1', 'storage error (logged by the worker under import i1, attempt 3)', true);
      expect(logged).toHaveBeenCalledWith(expect.stringContaining('Too many parts'));
    } finally {
      logged.mockRestore();
    }
  });

  it('fails a bad file for good, without retries', async () => {
    const { runner, processor, job } = setup(new ImportFileError('line 1 (header): missing required column(s) type'));
    await expect(processor.process(job(0))).rejects.toThrow(UnrecoverableError);
    expect(runner.markFailed).toHaveBeenCalledWith('i1', 'line 1 (header): missing required column(s) type', true);
  });

  it('refuses a job name it does not know', async () => {
    const { processor } = setup(null);
    await expect(processor.process({ name: 'imports.other', data: {} } as unknown as Job)).rejects.toThrow('imports queue has no handler for job "imports.other"');
  });
});
