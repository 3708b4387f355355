import type { ClickHouseClient } from '@clickhouse/client';

export interface ClusterHost {
  shard_num: number;
  replica_num: number;
  host_name: string;
}

/**
 * Why Hubpulse cannot run on this cluster, or null: the name must be one of the server's
 * `remote_servers`, with one shard (its replicas hold all the data; see clickhouse-ddl.ts for why
 * nothing is sharded).
 */
export function clusterTopologyProblem(cluster: string, hosts: readonly ClusterHost[]): string | null {
  if (hosts.length === 0) return `CLICKHOUSE_CLUSTER=${cluster}: the ClickHouse server has no such cluster in remote_servers (system.clusters)`;
  const shards = new Set(hosts.map((h) => Number(h.shard_num)));
  if (shards.size > 1) {
    return `CLICKHOUSE_CLUSTER=${cluster} has ${shards.size} shards; Hubpulse supports one shard with any number of replicas (every table replicated, none distributed)`;
  }
  return null;
}

/** Reads the cluster's hosts from the server it talks to; throws with the problem, if any. */
export async function checkClusterTopology(client: ClickHouseClient, cluster: string): Promise<void> {
  const rs = await client.query({
    query: 'SELECT shard_num, replica_num, host_name FROM system.clusters WHERE cluster = {cluster:String}',
    query_params: { cluster },
    format: 'JSONEachRow',
  });
  const problem = clusterTopologyProblem(cluster, await rs.json<ClusterHost>());
  if (problem) throw new Error(problem);
}
