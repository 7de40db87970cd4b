import type { Value } from '../analysis/model';
import { OTHER } from '../analysis/model';

type LibValue = Extract<Value, { t: 'lib' }>;

const py = (what: string, async = false): LibValue => ({ t: 'lib', lib: 'redis-py', what, async });

/** redis-py, valkey-py (and their asyncio flavours), aioredis 2 and django-redis, by dotted module name. */
export function moduleValue(dotted: string): LibValue | undefined {
  switch (dotted) {
    case 'redis':
    case 'valkey':
    case 'redis.client':
    case 'valkey.client':
    case 'redis.cluster':
    case 'valkey.cluster':
    case 'redis.sentinel':
    case 'valkey.sentinel':
      return py('module');
    case 'redis.asyncio':
    case 'valkey.asyncio':
    case 'aioredis':
    case 'redis.asyncio.client':
    case 'redis.asyncio.cluster':
    case 'redis.asyncio.sentinel':
      return py('module', true);
    case 'django_redis':
      return py('django-module');
    case 'coredis':
      return py('module', true);
    case 'flask_redis':
      return py('flask-module');
    case 'glide':
    case 'glide_sync':
      return { t: 'lib', lib: 'glide', what: 'glide-module', async: dotted === 'glide' };
    default:
      return undefined;
  }
}

const CLIENT_CLASSES = new Set(['Redis', 'StrictRedis', 'RedisCluster', 'Valkey', 'StrictValkey', 'ValkeyCluster']);
/** Valkey GLIDE for Python: `await GlideClient.create(config)` (`glide`, asyncio) or `GlideClient.create(config)` (`glide_sync`). */
const GLIDE_CLASSES = new Set(['GlideClient', 'GlideClusterClient', 'TGlideClient']);

/** `<module>.<name>` or `from <module> import <name>`. */
export function memberValue(v: LibValue, name: string): Value {
  const async = v.async === true;
  switch (v.what) {
    case 'module':
      if (CLIENT_CLASSES.has(name)) return py('ctor', async);
      if (name === 'from_url') return py('factory', async);
      if (name === 'Sentinel') return py('sentinel-class', async);
      if (name === 'Pipeline' || name === 'ClusterPipeline') return py('pipeline-type', async);
      if (name === 'asyncio') return py('module', true);
      if (['client', 'cluster', 'sentinel'].includes(name)) return py('module', async);
      return OTHER;
    case 'django-module':
      return name === 'get_redis_connection' ? py('factory') : OTHER;
    case 'ctor':
      return name === 'from_url' ? py('factory', async) : OTHER;
    case 'flask-module':
      return name === 'FlaskRedis' ? py('ctor') : OTHER;
    case 'glide-module':
      return GLIDE_CLASSES.has(name) ? { t: 'lib', lib: 'glide', what: 'glide-class', async } : OTHER;
    case 'glide-class':
      return name === 'create' ? { t: 'lib', lib: 'glide', what: 'factory', async } : OTHER;
    default:
      return OTHER;
  }
}

/** Client methods that return a client or pipeline. */
export function clientMethodRole(method: string): 'client' | 'pipeline' | undefined {
  if (method === 'pipeline') return 'pipeline';
  if (method === 'client') return 'client';
  return undefined;
}

/** Keyword arguments of `set()` that give an expiry (or keep the current one). */
export const ttlKeywords = new Set(['ex', 'px', 'exat', 'pxat', 'keepttl', 'expiry']);

/** Keyword arguments of a client constructor that hold an address. */
export const addressKeywords = new Set(['host', 'port', 'url', 'startup_nodes', 'address']);
