/** The few ANSI sequences the console writes: colours for hints and notes, and line erasing. */
export const ERASE_LINE = '\x1b[K';
export const CLEAR_SCREEN = '\x1b[2J\x1b[3J\x1b[H';

export const dim = (text: string): string => `\x1b[90m${text}\x1b[0m`;
export const red = (text: string): string => `\x1b[31m${text}\x1b[0m`;
export const yellow = (text: string): string => `\x1b[33m${text}\x1b[0m`;
export const bold = (text: string): string => `\x1b[1m${text}\x1b[0m`;

/** Terminal text from text with `\n` line ends (replies, messages). */
export const crlf = (text: string): string => text.replace(/\r?\n/g, '\r\n');

/** Removes colour and cursor sequences: what the user reads. */
// eslint-disable-next-line no-control-regex
export const stripAnsi = (text: string): string => text.replace(/\x1b\[[0-9;?]*[ -/]*[@-~]/g, '');
