const { createClient } = require('@clickhouse/client');
const { createChdbConnection } = require('chdb/connection');
(async () => {
  const conn = createChdbConnection({ path: '/tmp/chtest2' });
  const c0 = createClient({ connection: conn });
  await c0.command({ query: 'CREATE DATABASE IF NOT EXISTS dbx' });
  const client = createClient({ connection: conn, database: 'dbx' });
  await client.command({ query: 'CREATE TABLE IF NOT EXISTS t (id String) ENGINE=MergeTree ORDER BY id' });
  await client.insert({ table: 't', values: [{id:'a'}], format: 'JSONEachRow' });
  const r = await client.query({ query: 'SELECT currentDatabase() d, (SELECT count() FROM t) c', format: 'JSONEachRow' });
  console.log(await r.json());
  await client.command({ query: 'INSERT INTO t SELECT toString(number) FROM numbers(3)' });
  const r2 = await client.query({ query: 'SELECT count() c FROM dbx.t', format: 'JSONEachRow' });
  console.log(await r2.json());
  try { await client.query({ query: 'SELECT nope FROM t', format:'JSONEachRow' }); } catch (e) { console.log('err', e.constructor.name, e.code, e.type, e.message.slice(0,100)); }
  await client.close(); await c0.close();
  const chdb = require('chdb'); await chdb.drainPending();
  const c2 = createClient({ connection: createChdbConnection({ path: '/tmp/chtest2' }), database: 'dbx' });
  console.log(await (await c2.query({ query: 'SELECT count() c FROM t', format: 'JSONEachRow' })).json());
})().catch(e=>{console.error('ERR',e);process.exit(1)});
