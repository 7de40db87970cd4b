/**
 * The project index: every file's summary (what it exports that is a client, a client class, a
 * factory, a wrapper or a TTL helper, and what it imports), merged into the facts each file's
 * analysis reads (ProjectFacts). Resolution follows each language's own visibility rules as far as
 * paths tell them (see resolve.ts): JS/TS and Python through their imports, Go through its package
 * folder and imported packages, Java/C#/PHP through package or namespace and imports, Ruby's
 * constants project-wide. Editor-free and file-system-free: callers feed it summaries.
 */
import path from 'node:path';
import type { ClientExport, FileSummary, ProjectFacts, ResolvedWrapper, WrapperExport } from './facts';
import { familyOf, jsCandidates, pythonModuleNames, pythonRelative, rubyCandidates, type Family, type PathAliases } from './resolve';
import type { LanguageId } from '../types';

interface Entry {
  file: string;
  family: Family;
  summary: FileSummary;
  /** JSON of the summary: an unchanged re-summary changes nothing. */
  json: string;
}

/** Facts as plain data (what a worker thread receives); `factsOf` turns it into ProjectFacts. */
export interface FactsData {
  values: string[];
  classes: string[];
  factories: string[];
  ttlHelpers: string[];
  wrappers: ResolvedWrapper[];
  /** This file's own wrappers that other files call (`owner.name` or `name`); absent when none. */
  calledElsewhere?: string[];
}

const EMPTY: FactsData = { values: [], classes: [], factories: [], ttlHelpers: [], wrappers: [] };

const posix = (p: string): string => p.split(path.sep).join('/');

export class ProjectIndex {
  private readonly entries = new Map<string, Entry>();
  private readonly byDir = new Map<string, Set<string>>();
  private aliases: PathAliases[] = [];
  /** Bumped on every change; cached facts of an older generation are recomputed. */
  private generation = 0;
  private readonly factsCache = new Map<string, { generation: number; data: FactsData; key: string }>();
  private anchorCache: { generation: number; names: string[] } | undefined;

  get size(): number {
    return this.entries.size;
  }

  files(): string[] {
    return [...this.entries.keys()];
  }

  setAliases(aliases: readonly PathAliases[]): void {
    this.aliases = [...aliases];
    this.generation++;
  }

  /** Records a file's summary; returns false when it is the same as before (nothing to re-lint). */
  set(file: string, language: LanguageId, summary: FileSummary): boolean {
    const key = posix(file);
    const json = JSON.stringify(summary);
    const before = this.entries.get(key);
    if (before && before.json === json) return false;
    this.entries.set(key, { file: key, family: familyOf(language), summary, json });
    const dir = path.posix.dirname(key);
    let set = this.byDir.get(dir);
    if (!set) this.byDir.set(dir, (set = new Set()));
    set.add(key);
    this.generation++;
    return true;
  }

  remove(file: string): boolean {
    const key = posix(file);
    if (!this.entries.delete(key)) return false;
    this.byDir.get(path.posix.dirname(key))?.delete(key);
    this.generation++;
    return true;
  }

  /**
   * Words a file that uses another file's facts is bound to contain: the basenames of the files that
   * export a client, a wrapper or a TTL helper (the folder's name for an index/__init__ file), and
   * their classes. The linter's text prefilter lets such files through (LintOptions.anchorNames).
   */
  anchorNames(): string[] {
    if (this.anchorCache?.generation === this.generation) return this.anchorCache.names;
    const names = new Set<string>();
    for (const e of this.entries.values()) {
      const s = e.summary;
      if (!s.clients.length && !s.wrappers.length && !s.ttlHelpers.length) continue;
      const base = path.posix.basename(e.file).replace(/\.[^.]+$/, '');
      names.add(/^(?:index|__init__|mod)$/.test(base) ? path.posix.basename(path.posix.dirname(e.file)) : base);
      // Go code names another package's members by the package (its folder): `cache.Store`.
      if (e.family === 'go') names.add(path.posix.basename(path.posix.dirname(e.file)));
      for (const c of s.clients) if (c.kind === 'class') names.add(c.name);
      for (const c of [...s.clients, ...s.wrappers]) if (c.owner) names.add(c.owner);
    }
    const out = [...names].filter((n) => n.length >= 3);
    this.anchorCache = { generation: this.generation, names: out };
    return out;
  }

  summary(file: string): FileSummary | undefined {
    return this.entries.get(posix(file))?.summary;
  }

  /** The facts of `file` as plain data, and a key that changes exactly when they do. */
  factsData(file: string, language?: LanguageId): { data: FactsData; key: string } {
    const key = posix(file);
    const cached = this.factsCache.get(key);
    if (cached && cached.generation === this.generation) return cached;
    const entry = this.entries.get(key);
    const family = entry?.family ?? (language ? familyOf(language) : undefined);
    const data = family ? this.resolveFacts(key, family, entry?.summary) : EMPTY;
    const result = { generation: this.generation, data, key: factsKey(data) };
    this.factsCache.set(key, result);
    return result;
  }

  /** The facts of `file` (which need not be indexed yet: an unsaved buffer uses its path). */
  facts(file: string, language?: LanguageId): ProjectFacts | undefined {
    const { data, key } = this.factsData(file, language);
    return key === '' ? undefined : factsOf(data, key);
  }

  private resolveFacts(file: string, family: Family, summary: FileSummary | undefined): FactsData {
    const out: FactsData = { values: [], classes: [], factories: [], ttlHelpers: [], wrappers: [] };
    const seen = new Set<string>();
    const addAll = (entry: Entry, qualifier?: string): void => {
      const mark = `${entry.file}\0${qualifier ?? ''}`;
      if (seen.has(mark)) return;
      seen.add(mark);
      const q = (name: string): string => (qualifier ? `${qualifier}.${name}` : name);
      for (const c of entry.summary.clients) addClient(out, c, q(c.name));
      for (const w of entry.summary.wrappers) out.wrappers.push(wrapperAs(w, entry.file, w.owner ? q(w.owner) : undefined, w.owner ? w.name : q(w.name)));
      for (const t of entry.summary.ttlHelpers) out.ttlHelpers.push(q(t));
    };
    const addNamed = (entry: Entry, names: Record<string, string>): void => {
      for (const [local, imported] of Object.entries(names)) {
        if (imported === '*') {
          addAll(entry, local);
          continue;
        }
        // A member of a class (a field, a factory method) is not a name of the module.
        for (const c of entry.summary.clients) if (c.name === imported && c.owner === undefined) addClient(out, c, local);
        const cls = entry.summary.instances?.[imported];
        for (const w of entry.summary.wrappers) {
          if (w.owner === imported || (cls !== undefined && w.owner === cls)) out.wrappers.push(wrapperAs(w, entry.file, local, w.name));
          else if (!w.owner && w.name === imported) out.wrappers.push(wrapperAs(w, entry.file, undefined, local));
        }
        for (const t of entry.summary.ttlHelpers) if (t === imported) out.ttlHelpers.push(local);
        // A class owning client fields or factories: its instances' members.
        for (const c of entry.summary.clients) if (c.owner === imported && c.kind !== 'class') addClient(out, c, c.name);
      }
    };
    const others = (pred: (e: Entry) => boolean): Entry[] => [...this.entries.values()].filter((e) => e.file !== file && e.family === family && pred(e));
    const imports = summary?.imports ?? [];
    switch (family) {
      case 'js':
        for (const imp of imports) {
          const target = this.firstIndexed(jsCandidates(file, imp.from, this.aliases));
          if (target && target.file !== file) addNamed(target, Object.keys(imp.names).length ? imp.names : {});
        }
        break;
      case 'python':
        for (const imp of imports) {
          for (const target of this.pythonTargets(file, imp.from)) addNamed(target.entry, target.names(imp.names));
        }
        break;
      case 'go': {
        const dir = path.posix.dirname(file);
        for (const e of this.inDir(dir)) if (e.file !== file && e.family === 'go') addAll(e);
        for (const imp of imports) {
          const pkgDir = this.goPackageDir(imp.from);
          if (!pkgDir || pkgDir === dir) continue;
          const alias = Object.keys(imp.names).find((k) => imp.names[k] === '*') ?? imp.from.split('/').pop()!;
          for (const e of this.inDir(pkgDir)) if (e.family === 'go') addAll(e, alias);
        }
        break;
      }
      case 'java':
      case 'csharp':
      case 'php': {
        const ns = summary?.namespace;
        const sep = family === 'php' ? '\\' : '.';
        const visible = new Set<string>();
        if (ns !== undefined) {
          visible.add(ns);
          // C# code in A.B.C sees the types of A.B and A.
          if (family === 'csharp') for (let n = ns; n.includes('.'); ) visible.add((n = n.slice(0, n.lastIndexOf('.'))));
        } else visible.add('');
        const classImports = new Map<string, string>();
        for (const imp of imports) {
          const from = imp.from.replace(/^\\/, '').replace(/\.\*$/, '');
          if (family === 'csharp' || imp.from.endsWith('.*')) visible.add(from);
          else {
            const cut = from.lastIndexOf(sep);
            const cls = cut >= 0 ? from.slice(cut + 1) : from;
            const local = Object.keys(imp.names)[0] ?? cls;
            classImports.set(`${cut >= 0 ? from.slice(0, cut) : ''}\0${cls}`, local);
          }
        }
        for (const e of others(() => true)) {
          const ens = e.summary.namespace ?? '';
          // Wrappers reached through an interface of another namespace than their class's.
          for (const w of e.summary.wrappers) {
            if (w.ownerNs === undefined || w.ownerNs === ens || !w.owner) continue;
            const local = visible.has(w.ownerNs) ? w.owner : classImports.get(`${w.ownerNs}\0${w.owner}`);
            if (local !== undefined) out.wrappers.push(wrapperAs(w, e.file, local, w.name));
          }
          if (visible.has(ens)) {
            addAll(e);
            continue;
          }
          for (const cls of declaredClasses(e)) {
            const local = classImports.get(`${ens}\0${cls}`);
            if (local !== undefined) addNamed(e, { [local]: cls });
          }
        }
        break;
      }
      case 'ruby':
        // Constants are global in Ruby (and Rails loads every file): the whole project is visible.
        for (const e of others(() => true)) addAll(e);
        for (const imp of imports) {
          for (const candidate of rubyCandidates(file, imp.from, imp.from.startsWith('.'))) {
            const hit = this.entries.get(candidate) ?? [...this.entries.values()].find((e) => e.file.endsWith(`/${candidate}`));
            if (hit && hit.file !== file) addAll(hit);
          }
        }
        break;
    }
    const called = summary?.wrappers.length ? this.calledElsewhere(file, family, summary) : [];
    return dedupe(called.length ? { ...out, calledElsewhere: called } : out);
  }

  /** The wrappers of `file` that another file of its family calls (its summary's `calls`). */
  private calledElsewhere(file: string, family: Family, summary: FileSummary): string[] {
    const out = new Set<string>();
    for (const e of this.entries.values()) {
      if (e.file === file || e.family !== family || !e.summary.calls?.length) continue;
      for (const c of e.summary.calls) {
        const cut = c.indexOf('\0');
        if (c.slice(0, cut) !== file) continue;
        const line = Number(c.slice(cut + 1));
        for (const w of summary.wrappers) if (w.line === line) out.add(w.owner ? `${w.owner}.${w.name}` : w.name);
      }
    }
    return [...out];
  }

  private firstIndexed(candidates: readonly string[]): Entry | undefined {
    for (const c of candidates) {
      const e = this.entries.get(c);
      if (e) return e;
    }
    return undefined;
  }

  private inDir(dir: string): Entry[] {
    return [...(this.byDir.get(dir) ?? [])].flatMap((f) => {
      const e = this.entries.get(f);
      return e ? [e] : [];
    });
  }

  /** The indexed folder whose trailing path segments match the import path best (the module path from go.mod is the rest). */
  private goPackageDir(importPath: string): string | undefined {
    const wanted = importPath.split('/');
    let best: { dir: string; score: number } | undefined;
    for (const dir of this.byDir.keys()) {
      const parts = dir.split('/');
      let score = 0;
      while (score < wanted.length && score < parts.length && parts[parts.length - 1 - score] === wanted[wanted.length - 1 - score]) score++;
      if (score > 0 && (!best || score > best.score)) best = { dir, score };
    }
    return best?.dir;
  }

  /** Files a Python import names: `from pkg.mod import x` → pkg/mod.py (x from it) or pkg/mod/x.py (a submodule). */
  private pythonTargets(file: string, module: string): { entry: Entry; names: (n: Record<string, string>) => Record<string, string> }[] {
    const identity = (n: Record<string, string>): Record<string, string> => n;
    const relative = pythonRelative(file, module);
    const out: { entry: Entry; names: (n: Record<string, string>) => Record<string, string> }[] = [];
    const add = (entry: Entry | undefined, names = identity): void => {
      if (entry && entry.file !== file && entry.family === 'python') out.push({ entry, names });
    };
    if (relative !== undefined) {
      add(this.entries.get(`${relative}.py`) ?? this.entries.get(`${relative}/__init__.py`));
      // `from . import cache` binds a submodule.
      for (const e of this.inDir(relative)) {
        const base = path.posix.basename(e.file, '.py');
        add(e, (n) => Object.fromEntries(Object.entries(n).filter(([, v]) => v === base).map(([k]) => [k, '*'])));
      }
      return out;
    }
    const candidates = [...this.entries.values()].filter((e) => e.family === 'python' && pythonModuleNames(e.file).includes(module));
    // The longest path match is the most specific; all equally long ones are kept (several roots).
    for (const e of candidates) add(e);
    for (const e of [...this.entries.values()].filter((x) => x.family === 'python' && pythonModuleNames(path.posix.dirname(x.file) + '.py').includes(module))) {
      const base = path.posix.basename(e.file, '.py');
      add(e, (n) => Object.fromEntries(Object.entries(n).filter(([, v]) => v === base).map(([k]) => [k, '*'])));
    }
    return out;
  }
}

function declaredClasses(e: Entry): Set<string> {
  const out = new Set<string>([path.posix.basename(e.file).replace(/\.[^.]+$/, '')]);
  for (const c of e.summary.clients) {
    if (c.kind === 'class') out.add(c.name);
    if (c.owner) out.add(c.owner);
  }
  for (const w of e.summary.wrappers) if (w.owner) out.add(w.owner);
  return out;
}

function addClient(out: FactsData, c: ClientExport, name: string): void {
  if (c.kind === 'value' || c.kind === 'field') out.values.push(name);
  else if (c.kind === 'class') out.classes.push(name);
  else out.factories.push(name);
}

function wrapperAs(w: WrapperExport, file: string, owner: string | undefined, name: string): ResolvedWrapper {
  const resolved: ResolvedWrapper = { ...w, name, file };
  if (owner === undefined) delete resolved.owner;
  else resolved.owner = owner;
  return resolved;
}

function dedupe(d: FactsData): FactsData {
  const uniq = (a: string[]): string[] => [...new Set(a)].sort();
  const wrappers = new Map<string, ResolvedWrapper>();
  for (const w of d.wrappers) wrappers.set(`${w.owner ?? ''}\0${w.name}\0${w.file}`, w);
  return {
    values: uniq(d.values),
    classes: uniq(d.classes),
    factories: uniq(d.factories),
    ttlHelpers: uniq(d.ttlHelpers),
    wrappers: [...wrappers.values()].sort((a, b) => `${a.owner ?? ''}.${a.name}`.localeCompare(`${b.owner ?? ''}.${b.name}`) || a.file.localeCompare(b.file)),
    ...(d.calledElsewhere?.length ? { calledElsewhere: uniq(d.calledElsewhere) } : {}),
  };
}

/** '' for no facts at all (the file is linted as if alone). */
export function factsKey(d: FactsData): string {
  if (!d.values.length && !d.classes.length && !d.factories.length && !d.ttlHelpers.length && !d.wrappers.length && !d.calledElsewhere?.length) return '';
  return JSON.stringify(d);
}

export function factsOf(data: FactsData, key = factsKey(data)): ProjectFacts {
  const values = new Set(data.values);
  const classes = new Set(data.classes);
  const factories = new Set(data.factories);
  const ttl = new Set(data.ttlHelpers);
  const wrapperNames = [...new Set(data.wrappers.map((w) => w.name))];
  const calledElsewhere = new Set(data.calledElsewhere ?? []);
  const clientNames = [...new Set([...data.values, ...data.classes, ...data.factories].map((n) => n.split('.').pop()!))];
  return {
    key,
    isClientValue: (name) => values.has(name),
    isClientClass: (name) => classes.has(name),
    isClientFactory: (name) => factories.has(name),
    isTtlHelper: (name) => ttl.has(name),
    wrapper: (name, owner) =>
      data.wrappers.find((w) => w.name === name && (owner === undefined ? w.owner === undefined : w.owner === owner || w.owner?.split('.').pop() === owner)),
    wrapperNames: () => wrapperNames,
    wrappersNamed: (name) => data.wrappers.filter((w) => w.name === name),
    isCalledElsewhere: (name, owner) => calledElsewhere.has(owner ? `${owner}.${name}` : name),
    clientNames: () => clientNames,
  };
}
