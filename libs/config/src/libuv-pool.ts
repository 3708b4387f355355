/**
 * Node's libuv thread pool serves file reads (the dashboard's static files), crypto (password
 * hashing at sign-in), zlib (gzip ingest bodies) and DNS lookups — and embedded chDB runs every
 * query on it too. With the default 4 threads, four long queries (a year's scores, patterns, a
 * segment run: each can take a minute) left none for the rest: a page's static files and sign-in
 * waited for them (a demo start-up measured page loads over 30 s). More threads cost little: they
 * sleep until used.
 */
export const DEFAULT_LIBUV_POOL = 32;

/**
 * Sizes the pool unless UV_THREADPOOL_SIZE is set. libuv reads it once, when the pool first gets
 * work, so call this first thing in a process's main, before anything asynchronous.
 */
export function sizeLibuvPool(env: NodeJS.ProcessEnv = process.env): number {
  const set = Number(env.UV_THREADPOOL_SIZE);
  if (Number.isInteger(set) && set > 0) return set;
  env.UV_THREADPOOL_SIZE = String(DEFAULT_LIBUV_POOL);
  return DEFAULT_LIBUV_POOL;
}
