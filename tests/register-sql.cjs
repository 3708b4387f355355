// Lets tsx-run scripts (benchmarks, tools) import .sql files as text, as webpack and Jest do.
const fs = require('node:fs');
require.extensions['.sql'] = (module, filename) => {
  module.exports = { __esModule: true, default: fs.readFileSync(filename, 'utf8') };
};
