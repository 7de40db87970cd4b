import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after } from 'node:test';

/** A temporary folder removed when the calling test file finishes. */
export async function tempDir(prefix = 'valkey-welkin-'): Promise<string> {
  const dir = await mkdtemp(path.join(tmpdir(), prefix));
  after(() => rm(dir, { recursive: true, force: true }));
  return dir;
}
