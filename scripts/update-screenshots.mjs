// Copies the screenshots the end-to-end tests took (test-results/screenshots/) that the README
// shows into docs/screenshots/. Run after `npm run test:e2e`.
import { copyFileSync, existsSync, mkdirSync } from 'node:fs';
import path from 'node:path';

const root = path.resolve(import.meta.dirname, '..');
const shown = ['explorer-sandbox', 'explorer-welcome', 'explorer-contexts', 'login-waiting', 'login-needed', 'wiring-confirm', 'manifest-diagnostic', 'console', 'health-dashboard', 'key-value'];
mkdirSync(path.join(root, 'docs', 'screenshots'), { recursive: true });
for (const name of shown) {
  const from = path.join(root, 'test-results', 'screenshots', `${name}.png`);
  if (!existsSync(from)) {
    console.error(`${from} is missing: run npm run test:e2e first`);
    process.exitCode = 1;
    continue;
  }
  copyFileSync(from, path.join(root, 'docs', 'screenshots', `${name}.png`));
  console.log(`docs/screenshots/${name}.png`);
}
