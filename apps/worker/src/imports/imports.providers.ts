import { ImportRunService } from './import-run.service';
import { ImportStore } from './import.store';
import { ImportsProcessor } from './imports.processor';

/** What WorkerProcessorsModule registers for the `imports` queue. */
export const IMPORT_WORKER_PROVIDERS = [ImportStore, ImportRunService, ImportsProcessor];
