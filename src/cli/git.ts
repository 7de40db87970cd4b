/** The git facts the CLI needs: the repository root (SARIF's %SRCROOT%) and the files changed since a ref. */
import { execFile } from 'node:child_process';
import path from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);

async function git(cwd: string, args: string[]): Promise<string> {
  const { stdout } = await run('git', args, { cwd, maxBuffer: 256 * 1024 * 1024, encoding: 'utf8' });
  return stdout;
}

/** The top folder of the git work tree holding `cwd`, or undefined outside one (or without git). */
export async function repoRoot(cwd: string): Promise<string | undefined> {
  try {
    return path.resolve((await git(cwd, ['rev-parse', '--show-toplevel'])).trim());
  } catch {
    return undefined;
  }
}

export class GitError extends Error {}

/**
 * Absolute paths of the files that differ from `ref` (committed since, staged or not) plus the
 * untracked files git does not ignore. Deleted files are not listed.
 */
export async function changedSince(cwd: string, ref: string): Promise<Set<string>> {
  const root = await repoRoot(cwd);
  if (!root) throw new GitError(`--changed-since needs a git repository: ${cwd} is not inside one (or git is not installed: apt-get install git)`);
  try {
    await git(root, ['rev-parse', '--verify', '--quiet', '--end-of-options', `${ref}^{commit}`]);
  } catch {
    throw new GitError(`--changed-since ${ref}: not a commit in ${root}`);
  }
  const diff = await git(root, ['diff', '--name-only', '-z', '--no-renames', '--diff-filter=d', ref, '--']);
  const untracked = await git(root, ['ls-files', '--others', '--exclude-standard', '-z']);
  const out = new Set<string>();
  for (const rel of `${diff}\0${untracked}`.split('\0')) if (rel) out.add(path.join(root, rel));
  return out;
}
