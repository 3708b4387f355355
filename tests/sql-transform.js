// Jest transform: a .sql file becomes a module exporting its text (webpack does the same with asset/source).
module.exports = {
  process(src) {
    return { code: `module.exports = { __esModule: true, default: ${JSON.stringify(src)} };` };
  },
};
