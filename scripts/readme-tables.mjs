// Writes the README's commands and settings tables from package.json.
//   node scripts/readme-tables.mjs          rewrite README.md
//   node scripts/readme-tables.mjs --check  exit 1 when README.md is out of date
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';

const root = path.resolve(import.meta.dirname, '..');
const manifest = JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8'));
const readmePath = path.join(root, 'README.md');

const cell = (text) => String(text).replace(/\|/g, '\\|').replace(/\n/g, ' ');

export function commandsTable() {
  const hidden = new Set((manifest.contributes.menus?.commandPalette ?? []).filter((m) => m.when === 'false').map((m) => m.command));
  const rows = manifest.contributes.commands.map(
    (c) => `| ${cell(`${c.category}: ${c.title}`)} | \`${c.command}\` | ${hidden.has(c.command) ? 'tree item only' : 'palette'} |`,
  );
  return ['| Command | Id | Where |', '|---|---|---|', ...rows].join('\n');
}

export function settingsTable() {
  const rows = Object.entries(manifest.contributes.configuration.properties).map(
    ([key, s]) => `| \`${key}\` | ${s.scope} | \`${JSON.stringify(s.default)}\` | ${cell(s.markdownDescription)} |`,
  );
  return ['| Setting | Scope | Default | What it does |', '|---|---|---|---|', ...rows].join('\n');
}

export function renderReadme(text) {
  const replace = (t, name, table) =>
    t.replace(new RegExp(`<!-- ${name}:start -->[\\s\\S]*?<!-- ${name}:end -->`), `<!-- ${name}:start -->\n${table}\n<!-- ${name}:end -->`);
  return replace(replace(text, 'commands', commandsTable()), 'settings', settingsTable());
}

const current = readFileSync(readmePath, 'utf8');
const wanted = renderReadme(current);
if (process.argv.includes('--check')) {
  if (current !== wanted) {
    console.error('README.md tables are out of date: run node scripts/readme-tables.mjs');
    process.exit(1);
  }
} else if (current !== wanted) {
  writeFileSync(readmePath, wanted);
  console.log('README.md tables updated');
}
