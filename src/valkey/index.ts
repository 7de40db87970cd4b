/**
 * The Valkey console's connection layer: what the editor side (the console Pseudoterminal) uses.
 * Needs @kubernetes/client-node and iovalkey at run time, so it belongs in a lazily loaded bundle.
 */
export { ValkeySession } from './session';
export type {
  CommandOptions,
  ConnectionInfo,
  ForwardInfo,
  PasswordProvider,
  SessionClient,
  SessionEvent,
  SessionState,
  ValkeySessionOptions,
} from './sessionTypes';
export { describeConnection } from './sessionTypes';
export type { ValkeyError, ValkeyErrorKind } from './errors';
export { runConsoleLine, type Send } from './console/index';
export { ConsoleEngine, type ConsoleEngineOptions, type ConsoleHost, type ConsoleMode, type ConsoleSession, type ConsoleStatus } from './console/index';
export { parseCommandLine, splitArgs, INVALID_ARGUMENTS, type CommandLine } from './resp/args';
export { formatReply, formatReplyFor, formatRaw } from './resp/format';
export type { Reply, ReplyType } from './resp/reply';
export { RespConnection, type Arg } from './connection';
export { KeptForwardSet, IdleWatch, type KeptForward, type KeptLease } from './keptForwards';
export { ForwardSet, type Forward, type ForwardEvent, type ForwardSetOptions, type ForwardTarget, type PortForwardError } from '../kube/portForward';
/** The key browser's domain (scan, prefix tree, details, values, actions). */
export * as keys from './keys/index';
/** Live health: INFO figures judged against the platform's advice, the TTL audit, the dashboard's sampler. */
export * as health from './health/index';
