/**
 * Messages between the dashboard panel and its webview script (media/dashboard). Plain data, no
 * editor types: the webview bundle imports these types too.
 */
import type { HealthSample, Judgement } from '../../valkey/health/index';

export type ToWebview =
  /** Everything, sent when the script (re)loads. */
  | { readonly type: 'state'; readonly title: string; readonly intervalSeconds: number; readonly samples: readonly HealthSample[]; readonly judgements: readonly Judgement[]; readonly status: string }
  | { readonly type: 'sample'; readonly sample: HealthSample }
  | { readonly type: 'judgements'; readonly judgements: readonly Judgement[] }
  /** A line under the title: connecting, paused, the last error. */
  | { readonly type: 'status'; readonly status: string; readonly error?: boolean };

export type FromWebview =
  | { readonly type: 'ready' }
  | { readonly type: 'openLink'; readonly url: string }
  | { readonly type: 'runTtlAudit' }
  /** The script drew its charts (tests read this from the log). */
  | { readonly type: 'drawn'; readonly charts: number; readonly points: number };
