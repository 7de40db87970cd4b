// Loaded by VS Code as `extensionTestsPath` inside code-server's real extension host (see
// bench/lintBlock.bench.ts): measures the longest block of the extension host's event loop while
// the lint server checks pathological files, against the same measurement while the host is idle
// for as long. Writes its figures to VALKEY_WELKIN_BENCH_RESULTS.
import { writeFileSync } from 'node:fs';
import * as vscode from 'vscode';

export interface LintBlockFigures {
  readonly idleMaxBlockMs: number;
  readonly lintMaxBlockMs: number;
  readonly files: number;
  readonly reported: number;
  readonly lintWallMs: number;
  readonly vscode: string;
  readonly node: string;
  readonly error?: string;
}

/** The longest gap between 5 ms timer ticks beyond the 5 ms itself, while `work` runs. */
async function maxBlock(work: () => Promise<void>): Promise<number> {
  let last = performance.now();
  let worst = 0;
  const timer = setInterval(() => {
    const now = performance.now();
    worst = Math.max(worst, now - last - 5);
    last = now;
  }, 5);
  try {
    await work();
  } finally {
    clearInterval(timer);
  }
  return worst;
}

function pathological(): { language: string; content: string }[] {
  const d = 12_000;
  const nest = (open: string): string => `${open.repeat(d)}1${')'.repeat(d)}`;
  const calls = Array.from({ length: 40_000 }, (_, i) => `r.set("k${i}", v);`).join('\n');
  return [
    { language: 'javascript', content: `const Redis = require('ioredis'); const r = new Redis();\nconst x = ${nest('r.set(')};\n` },
    { language: 'typescript', content: `import Redis from 'ioredis';\nconst r = new Redis();\n${'r.set("a", 1);'.repeat(150_000)}\n` },
    { language: 'javascript', content: `const Redis = require('ioredis'); const r = new Redis(); const v = 1;\n${calls}\n` },
    { language: 'python', content: `import redis\nr = redis.Redis()\nx = ${nest('r.set(')}\n` },
    { language: 'go', content: `package main\nimport "github.com/redis/go-redis/v9"\nfunc f(rdb *redis.Client) { x := ${nest('rdb.Set(ctx, ')} }\n` },
    { language: 'java', content: `import redis.clients.jedis.Jedis;\nclass A { void f(Jedis jedis) { Object x = ${nest('jedis.set(')}; } }\n` },
    { language: 'ruby', content: `require "redis"\nr = Redis.new\nx = ${nest('r.set(')}\n` },
    { language: 'php', content: `<?php\n$r = new Redis();\n$x = ${nest('$r->set(')};\n` },
    { language: 'csharp', content: `using StackExchange.Redis;\nclass A { void F(IDatabase db) { var x = ${nest('db.StringSet(')}; } }\n` },
  ];
}

export async function run(): Promise<void> {
  const file = process.env['VALKEY_WELKIN_BENCH_RESULTS'] ?? '';
  const base = { vscode: vscode.version, node: process.version };
  try {
    const ext = vscode.extensions.getExtension('valkey-on-welkin.valkey-welkin');
    if (!ext) throw new Error('the extension is not loaded');
    await ext.activate();
    // Start the server on a small file first: the figure is about linting, not process start.
    const warm = await vscode.workspace.openTextDocument({ language: 'javascript', content: "const Redis = require('ioredis');\nnew Redis().keys('*');\n" });
    await until(() => vscode.languages.getDiagnostics(warm.uri).length > 0, 60_000);
    const files = pathological();
    let reported = 0;
    const started = performance.now();
    const lintMaxBlockMs = await maxBlock(async () => {
      const docs: vscode.TextDocument[] = [];
      for (const f of files) docs.push(await vscode.workspace.openTextDocument(f));
      await until(() => {
        reported = docs.filter((d) => vscode.languages.getDiagnostics(d.uri).length > 0).length;
        return reported === docs.length;
      }, 120_000);
    });
    const lintWallMs = performance.now() - started;
    const idleMaxBlockMs = await maxBlock(() => new Promise((r) => setTimeout(r, lintWallMs)));
    writeFileSync(file, JSON.stringify({ idleMaxBlockMs, lintMaxBlockMs, files: files.length, reported, lintWallMs, ...base } satisfies LintBlockFigures));
  } catch (e) {
    writeFileSync(file, JSON.stringify({ idleMaxBlockMs: NaN, lintMaxBlockMs: NaN, files: 0, reported: 0, lintWallMs: NaN, ...base, error: String(e) }));
  }
}

async function until(ok: () => boolean, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!ok()) {
    if (Date.now() > deadline) throw new Error(`not within ${timeoutMs} ms`);
    await new Promise((r) => setTimeout(r, 100));
  }
}
