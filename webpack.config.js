// Nest CLI webpack build of api and worker: libs are bundled, node_modules stay external,
// and the ClickHouse .sql migrations are bundled as text.
module.exports = (options) => ({
  ...options,
  output: { ...options.output, filename: 'main.js' },
  module: {
    ...options.module,
    rules: [...(options.module?.rules ?? []), { test: /\.sql$/, type: 'asset/source' }],
  },
  devtool: 'source-map',
});
