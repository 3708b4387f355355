// Lets tsx-run scripts (benchmarks, tools) import .sql (and .txt) files as text, as webpack and Jest do.
const fs = require('node:fs');
require.extensions['.sql'] = require.extensions['.txt'] = (module, filename) => {
  module.exports = { __esModule: true, default: fs.readFileSync(filename, 'utf8') };
};
