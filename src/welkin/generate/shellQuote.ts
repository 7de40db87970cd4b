/**
 * POSIX shell quoting for showing a command to a user who may paste it into a terminal. The
 * extension itself runs commands from argv arrays, never through a shell.
 */
export function shellQuote(arg: string): string {
  if (arg !== '' && /^[A-Za-z0-9_@%+=:,./-]+$/.test(arg)) return arg;
  return `'${arg.replace(/'/g, `'\\''`)}'`;
}

export function shellCommand(argv: readonly string[]): string {
  return argv.map(shellQuote).join(' ');
}
