// A small application configured for Sentinel the way it is on Welkin: it finds Sentinel through
// VALKEY_SENTINEL_HOST / VALKEY_SENTINEL_PORT (from the app ConfigMap in the cluster) and asks it for
// the primary by master name. On the laptop, "Valkey on Welkin: Connect Local App…" sets these
// variables for new terminals (and launch configurations that opt in), pointing at its local
// Sentinel endpoint: the same code runs unchanged.
//
//   node local-app/app.mjs            records one visit and prints where it went
//   node local-app/app.mjs --watch    one visit a second; keeps going through a failover
import Redis from 'iovalkey';

const host = process.env.VALKEY_SENTINEL_HOST;
const port = Number(process.env.VALKEY_SENTINEL_PORT);
const name = process.env.VALKEY_SENTINEL_MASTER || 'mymaster';
if (!host || !port) {
  console.error('VALKEY_SENTINEL_HOST and VALKEY_SENTINEL_PORT are not set: run "Valkey on Welkin: Connect Local App…" on a cluster, then open a new terminal.');
  process.exit(2);
}

const redis = new Redis({ sentinels: [{ host, port }], name, failoverDetector: true, maxRetriesPerRequest: 1 });
redis.on('error', () => undefined);

async function visit() {
  const count = await redis.incr('local-app:visits');
  await redis.expire('local-app:visits', 3600);
  console.log(`visit ${count} recorded on the primary at ${redis.stream?.remoteAddress}:${redis.stream?.remotePort} (Sentinel ${host}:${port}, master ${name})`);
}

if (process.argv.includes('--watch')) {
  setInterval(() => visit().catch((e) => console.log(`not recorded: ${e.message}`)), 1000);
} else {
  try {
    await visit();
  } finally {
    redis.disconnect();
  }
}
