/** The console: the engine behind a terminal, and redis-cli's line runner it builds on. */
export { ConsoleEngine, type ConsoleEngineOptions, type ConsoleHost, type ConsoleMode, type ConsoleSession, type ConsoleStatus } from './engine';
export { runConsoleLine, type Send } from './runLine';
export { isSecretLine } from './history';
export { stripAnsi } from './ansi';
