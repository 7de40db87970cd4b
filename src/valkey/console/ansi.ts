/** The few ANSI sequences the console writes: colours for hints and notes, and line erasing. */
export const ERASE_LINE = '\x1b[K';
export const CLEAR_SCREEN = '\x1b[2J\x1b[3J\x1b[H';

/**
 * Text for the terminal: C0 controls other than tab, line feed and CR LF, DEL and C1 controls are shown as
 * `\xHH`, so an escape sequence in server data (an error, a pod name, a reply) is printed, not run.
 */
// eslint-disable-next-line no-control-regex
export const terminalSafe = (text: string): string => text.replace(/\r(?!\n)|[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f]/g, (c) => `\\x${c.charCodeAt(0).toString(16).padStart(2, '0')}`);

// Status, note and error lines: their text is made terminal-safe here, the one place they all pass.
export const dim = (text: string): string => `\x1b[90m${terminalSafe(text)}\x1b[0m`;
export const red = (text: string): string => `\x1b[31m${terminalSafe(text)}\x1b[0m`;
export const yellow = (text: string): string => `\x1b[33m${terminalSafe(text)}\x1b[0m`;
export const bold = (text: string): string => `\x1b[1m${terminalSafe(text)}\x1b[0m`;

/** Terminal text from text with `\n` line ends (replies, messages). */
export const crlf = (text: string): string => text.replace(/\r?\n/g, '\r\n');

/** Removes colour and cursor sequences: what the user reads. */
// eslint-disable-next-line no-control-regex
export const stripAnsi = (text: string): string => text.replace(/\x1b\[[0-9;?]*[ -/]*[@-~]/g, '');
