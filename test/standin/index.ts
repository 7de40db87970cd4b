/** Public surface of the Kubernetes API server stand-in (see README.md). */
export { startStandin, type Standin, type StandinOptions } from './server';
export { loadFixtureFile, checkFixture } from './fixture';
export type { LoggedRequest, PathPattern, RequestLog } from './faults';
export type { Fixture, FixtureNamespace, FixtureObject, FixtureUser, Json, JsonObject, KubeObject, NonResourceRule, Rule } from './types';
