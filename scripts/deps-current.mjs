// Exits 0 when node_modules holds every package version package-lock.json asks for, 1 when
// `npm ci` is needed. Compares versions, not file times: a fresh clone or checkout makes
// package-lock.json newer than node_modules without changing what it locks.
import { readFileSync } from 'node:fs';
import path from 'node:path';

const root = path.resolve(import.meta.dirname, '..');
const read = (file) => {
  try {
    return JSON.parse(readFileSync(path.join(root, file), 'utf8')).packages ?? {};
  } catch {
    return undefined;
  }
};
const locked = read('package-lock.json') ?? {};
const installed = read('node_modules/.package-lock.json');
if (!installed) process.exit(1);
const missing = Object.entries(locked).filter(
  ([key, entry]) => key.startsWith('node_modules/') && !entry.optional && !entry.link && installed[key]?.version !== entry.version,
);
if (missing.length) {
  console.log(`node_modules is out of date (${missing.length} package(s), e.g. ${missing[0][0].slice('node_modules/'.length)}): running npm ci`);
  process.exit(1);
}
