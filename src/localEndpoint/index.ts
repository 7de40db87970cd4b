/** Entry point of dist/localEndpoint.js: Connect Local App…, loaded on first use (src/app/lazy.ts). */
export { LocalEndpoints } from './localEndpoints';
