/** Runs valkey-lint in-process on temporary projects written from a map of paths to contents. */
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { runCli } from '../../../src/cli/valkey-lint';
import { tempDir } from '../../support/tempDir';

export interface CliRun {
  code: number;
  stdout: string;
  stderr: string;
}

export async function run(args: string[], cwd: string): Promise<CliRun> {
  let stdout = '';
  let stderr = '';
  const code = await runCli(args, { stdout: (t) => (stdout += t), stderr: (t) => (stderr += t), cwd });
  return { code, stdout, stderr };
}

export function write(dir: string, files: Record<string, string | Buffer>): void {
  for (const [rel, text] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(dir, rel)), { recursive: true });
    writeFileSync(path.join(dir, rel), text);
  }
}

export async function project(files: Record<string, string | Buffer>, prefix = 'valkey-lint-cli-'): Promise<string> {
  const dir = await tempDir(prefix);
  write(dir, files);
  return dir;
}

export interface JsonFinding {
  file: string;
  line: number;
  rule: string;
  severity: string;
}

export const findingsOf = (r: CliRun): JsonFinding[] => JSON.parse(r.stdout) as JsonFinding[];
export const where = (r: CliRun): string[] => findingsOf(r).map((f) => `${f.file}:${f.line}:${f.rule}:${f.severity}`).sort();

/** A JavaScript file with a KEYS (warning), a Python one with a FLUSHALL, and a missing TTL. */
export const KEYS_JS = "const Redis = require('ioredis');\nconst r = new Redis();\nr.keys('*');\n";
export const FLUSH_RB = 'r = Redis.new\nr.flushall\n';
export const NO_TTL_PY = 'import redis\nr = redis.Redis()\nr.set("session:1", "x")\n';
