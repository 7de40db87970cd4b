import { literal, type Snippet, type SnippetContext } from './snippet';

function env({ keys, defaultMaster }: SnippetContext): string {
  return `// From the app ConfigMap, exposed to the pod as environment variables (envFrom: configMapRef).
const sentinelHost = process.env[${literal(keys.sentinelHost)}];
const sentinelPort = Number(process.env[${literal(keys.sentinelPort)}] ?? '26379');
const masterName = process.env[${literal(keys.sentinelMaster)}] || ${literal(defaultMaster)};`;
}

/** iovalkey and ioredis share their API; only the package differs. */
export function ioSnippet(context: SnippetContext, pkg: 'iovalkey' | 'ioredis'): Snippet {
  return {
    id: pkg,
    title: pkg === 'iovalkey' ? 'Node.js: iovalkey' : 'Node.js: ioredis',
    language: 'javascript',
    install: `npm install ${pkg}`,
    code: `import Redis from '${pkg}';

${env(context)}

// The client asks Sentinel for the current primary and follows failovers.
const client = new Redis({ sentinels: [{ host: sentinelHost, port: sentinelPort }], name: masterName });

// Give every key an expiry: the cluster is a cache, not a database.
await client.set('greeting', 'hello', 'EX', 60);
console.log(await client.get('greeting'));
await client.quit();
`,
  };
}

export function nodeRedisSnippet(context: SnippetContext): Snippet {
  return {
    id: 'node-redis',
    title: 'Node.js: node-redis',
    language: 'javascript',
    install: 'npm install redis',
    code: `import { createSentinel } from 'redis';

${env(context)}

// node-redis 5 asks Sentinel for the current primary and follows failovers.
const client = await createSentinel({ name: masterName, sentinelRootNodes: [{ host: sentinelHost, port: sentinelPort }] })
  .on('error', (err) => console.error('Valkey client error', err))
  .connect();

// Give every key an expiry: the cluster is a cache, not a database.
await client.set('greeting', 'hello', { EX: 60 });
console.log(await client.get('greeting'));
await client.close();
`,
  };
}
