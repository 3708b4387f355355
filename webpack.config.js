// Nest CLI webpack build of api and worker: libs are bundled, node_modules stay external,
// and the ClickHouse .sql migrations (and .txt data files) are bundled as text. Output: dist/apps/<app>/main.js
// (and the API's worker-thread scripts beside it).
const path = require('node:path');

module.exports = (options) => {
  const entry = String(Array.isArray(options.entry) ? options.entry.at(-1) : options.entry);
  const app = /apps[\\/](\w+)[\\/]/.exec(entry)?.[1];
  if (!app) throw new Error(`cannot tell the app from the webpack entry ${entry}`);
  // Worker-thread scripts built beside main.js (the API starts them from its own folder).
  const threads = app === 'api' ? { 'release-thread': './apps/api/src/patterns/release-thread.main.ts' } : {};
  return {
    ...options,
    entry: { main: options.entry, ...threads },
    output: { ...options.output, path: path.join(__dirname, 'dist', 'apps', app), filename: '[name].js' },
    module: {
      ...options.module,
      rules: [...(options.module?.rules ?? []), { test: /\.(sql|txt)$/, type: 'asset/source' }],
    },
    devtool: 'source-map',
  };
};
