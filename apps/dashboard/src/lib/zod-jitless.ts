import { z } from 'zod';

// The dashboard's Content-Security-Policy has no 'unsafe-eval': zod must not probe `new Function`
// (the caught probe is still reported as a CSP violation). Imported first by main.tsx.
z.config({ jitless: true });
