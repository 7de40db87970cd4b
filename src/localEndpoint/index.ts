/** Entry point of dist/local-endpoint.js: Connect Local App…, loaded on first use (src/app/lazy.ts). */
export { LocalEndpoints } from './localEndpoints';
