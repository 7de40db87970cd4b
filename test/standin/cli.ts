/**
 * Runs the stand-in until SIGINT/SIGTERM:
 *   node --import tsx test/standin/cli.ts --fixture <file.yaml> [--port 0] [--user <name>]
 * Prints `KUBECONFIG=<path>` (current context: --user, else the first fixture user), then one
 * `# context <user>` line per user.
 */
import { parseArgs } from 'node:util';
import { loadFixtureFile } from './fixture';
import { startStandin } from './server';

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: { fixture: { type: 'string' }, port: { type: 'string', default: '0' }, user: { type: 'string' } },
    strict: true,
  });
  if (!values.fixture) throw new Error('usage: cli.ts --fixture <file.yaml> [--port <n>] [--user <name>]');
  const fixture = await loadFixtureFile(values.fixture);
  const standin = await startStandin({ fixture, port: Number(values.port) });
  process.stdout.write(`KUBECONFIG=${standin.kubeconfigPath(values.user)}\n`);
  for (const user of Object.keys(fixture.users)) process.stdout.write(`# context ${user}\n`);
  process.stdout.write(`# serving ${standin.url}\n`);
  const shutdown = (signal: string): void => {
    process.stderr.write(`stand-in: ${signal}, stopping\n`);
    standin.stop().then(
      () => process.exit(0),
      (e: unknown) => {
        process.stderr.write(`stand-in: stop failed: ${String(e)}\n`);
        process.exit(1);
      },
    );
  };
  process.once('SIGINT', () => shutdown('SIGINT'));
  process.once('SIGTERM', () => shutdown('SIGTERM'));
}

main().catch((e: unknown) => {
  process.stderr.write(`stand-in: ${e instanceof Error ? e.message : String(e)}\n`);
  process.exit(1);
});
