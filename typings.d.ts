// SQL migration files (and .txt data files such as the common-password list) are bundled as text (webpack asset/source, Jest transform in tests/sql-transform.js).
declare module '*.sql' {
  const sql: string;
  export default sql;
}
declare module '*.txt' {
  const text: string;
  export default text;
}
