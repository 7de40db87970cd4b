import assert from 'node:assert/strict';
import { test } from 'node:test';
import { accessLabelUses } from '../../../../src/welkin/manifests/accessLabels';
import { parseManifests } from '../../../../src/welkin/manifests/yamlWorkloads';

test('access labels on pod templates are read with the cluster they name; labels elsewhere are ignored', () => {
  const parsed = parseManifests(`apiVersion: apps/v1
kind: Deployment
metadata:
  name: web
  labels: { elastisys.io/valkey-metadata-only-access: allow }
spec:
  template:
    metadata:
      labels:
        elastisys.io/valkey-cache-access: allow
        elastisys.io/redis-legacy-cache-access: allow
---
apiVersion: batch/v1
kind: CronJob
metadata: { name: nightly }
spec:
  schedule: "0 3 * * *"
  jobTemplate:
    spec:
      template:
        metadata:
          labels: { elastisys.io/valkey-reports-access: allow }
`);
  assert.deepEqual(
    accessLabelUses(parsed).map((u) => `${u.workload.name} ${u.flavour}/${u.clusterName}`),
    ['web valkey/cache', 'web redis/legacy-cache', 'nightly valkey/reports'],
  );
});
