/** Live health of a Valkey cluster: collect, judge, audit TTLs, sample for the dashboard. No editor code. */
export { Advice } from './advice';
export { applicationClients, idleBuckets, parseClientList, IDLE_BUCKETS, type ClientEntry, type IdleBucket } from './clients';
export { collectHealth, CONFIG_KEYS, type CollectOptions, type HealthSnapshot, type RoleInfo, type SlowlogEntry } from './collect';
export { parseInfo, readInfo, type Flavour, type InfoFigures, type InfoText } from './info';
export { judgeHealth, type FigureId, type Judgement, type Level } from './judge';
export { HealthLinks } from './links';
export type { Part } from './replies';
export { ttlAuditMarkdown } from './report';
export { HealthSampler, RingBuffer, infoPoint, sampleBetween, type HealthSample, type InfoPoint, type SamplerOptions } from './sampler';
export type { Session as HealthSession } from './session';
export { keyPrefix, marginOfError, runTtlAudit, type CodeLocation, type KeyStats, type PrefixLocator, type PrefixStats, type TtlAuditOptions, type TtlAuditProgress, type TtlAuditReport } from './ttlAudit';
