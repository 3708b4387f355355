// SQL migration files are bundled as text (webpack asset/source, Jest transform in tests/sql-transform.js).
declare module '*.sql' {
  const sql: string;
  export default sql;
}
