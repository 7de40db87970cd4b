/**
 * The go-live bundle (dist/golive.js), required on first use of "Check Go-Live Readiness…": the
 * checks, the workspace lint they run, and the report view. Its Kubernetes reads live in kube.js.
 */
export { checkGoLive } from './editor/checkCommand';
