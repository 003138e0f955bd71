// Issue 17: the buckets of the replicas' lag (seconds from the writer's commit to the entry applied on a replica),
// shared by the workers that count it and the writer thread that renders it.
export const REPLICA_LAG_BUCKETS_S = [0.0001, 0.00025, 0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 1];
