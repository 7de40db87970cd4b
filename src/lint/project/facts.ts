/**
 * What one file tells other files of the same project (its summary), and what the project tells
 * the analysis of one file (its facts). Language-neutral: each language's adapter extracts a
 * summary (`Adapter.summarize`) and reads `FileContext.project` when it resolves a receiver, a
 * call or a class; the project index (src/lint/project/index.ts) merges summaries and resolves
 * each file's imports into its facts.
 */
import type { CommandClass } from '../analysis/model';

/** A name a module defines that is, makes or yields a Redis/Valkey client. */
export interface ClientExport {
  /** The exported name (`redis`, `RedisService`, `getRedis`, `default` for a default export). */
  name: string;
  /**
   * value: an instance (`export const redis = new Redis()`, a module-level `r = redis.Redis()`);
   * class: a class extending or wrapping a client whose instances are clients (`class Cache extends Redis`);
   * factory: a function or method returning a client (`getRedis()`, `get_redis_connection()`, `$this->connection()`);
   * field: a member holding a client, injected or assigned (`@InjectRedis() private redis`, `@Autowired RedisTemplate t`).
   */
  kind: 'value' | 'class' | 'factory' | 'field';
  /** For a field or factory declared in a class: the class name. */
  owner?: string;
  /** 0-based line of the declaration. */
  line: number;
}

/** A project function or method that sends a command on a key taken from one of its parameters. */
export interface WrapperExport {
  /** Function or method name (`incr`, `put`, `setCache`). */
  name: string;
  /** For a method: its class name. */
  owner?: string;
  /**
   * Java/C#: the namespace of `owner` when it is an interface the wrapper's class implements, declared
   * elsewhere (`RedisServiceImpl implements RedisService`: callers hold a `RedisService`).
   */
  ownerNs?: string;
  /** The command it sends (upper case: `INCR`, `SET`, `KEYS`). */
  command: string;
  cls: CommandClass;
  /** Index of the parameter the key (or KEYS pattern) comes from. */
  keyParam: number;
  /** Index of a parameter that carries the TTL, when the wrapper takes one. */
  ttlParam?: number;
  /** The wrapper itself sets an expiry on the key (then callers are fine). */
  setsTtl: boolean;
  /** 0-based line of the command inside the wrapper (for related information). */
  line: number;
}

/** A module the file imports, as written, and the local names it binds. */
export interface ImportRef {
  /** The module as written (`./redis`, `app.cache`, `github.com/x/y/cache`, `App\Services\Cache`). */
  from: string;
  /** local name → imported name (`default` for a default import, `*` for a namespace import). */
  names: Record<string, string>;
}

export interface FileSummary {
  clients: ClientExport[];
  wrappers: WrapperExport[];
  /** Functions or methods that set a TTL on the key passed as their parameter. */
  ttlHelpers: string[];
  imports: ImportRef[];
  /** Module-level instances of classes (`redis_cache = RedisCache()`): name → class name. */
  instances?: Record<string, string>;
  /**
   * Project wrappers of other files that this file calls, as `<wrapper's file>\0<line of its command>` (from the
   * facts it was summarised with): the wrapper's own file then reports at its callers, not inside it.
   */
  calls?: string[];
  /** Namespace / package / module name the file declares (Java/Go package, C#/PHP namespace, Python module path when known). */
  namespace?: string;
}

export const emptySummary = (): FileSummary => ({ clients: [], wrappers: [], ttlHelpers: [], imports: [] });

/** A wrapper as the analysis of a caller sees it: where it lives, for related information. */
export interface ResolvedWrapper extends WrapperExport {
  file: string;
}

/** What the rest of the project says about the names one file uses. */
export interface ProjectFacts {
  /** `name` as used in this file (a local binding, a member `this.name`, or a bare global) is a client instance. */
  isClientValue(name: string): boolean;
  /** Instances of class `name` are clients (a subclass's `this`/`self` is one too). */
  isClientClass(name: string): boolean;
  /** A call of function or method `name` returns a client. */
  isClientFactory(name: string): boolean;
  /** A call of `name` (optionally on an instance of `owner`) is a project wrapper. */
  wrapper(name: string, owner?: string): ResolvedWrapper | undefined;
  /** A call of `name` with a key sets that key's TTL. */
  isTtlHelper(name: string): boolean;
  /**
   * Every wrapper named `name` the file may call, methods of any class included, and functions
   * (owner undefined). Go callers often hold an interface the class implements implicitly.
   */
  wrappersNamed?(name: string): readonly ResolvedWrapper[];
  /** Wrapper `name` (of class `owner`) of this file is called by another file of the project. */
  isCalledElsewhere?(name: string, owner?: string): boolean;
  /** Names of every wrapper the file may call, for the engine's word search. */
  wrapperNames(): readonly string[];
  /** Names of every client value, class and factory, for the text prefilter. */
  clientNames(): readonly string[];
  /** A key for caching: equal keys mean equal facts. */
  readonly key: string;
}
