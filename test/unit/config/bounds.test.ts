// A workspace (a repository anyone can commit to) cannot make the extension work a cluster harder:
// keys.scanCount and health.ttlAuditSampleSize from workspace settings can lower, never raise, the
// user's value; extraNamespaces from the workspace are told apart from the user's own.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { workspaceMayOnlyLower, workspaceStrings } from '../../../src/config/bounds';

test('a workspace can lower SCAN COUNT or the TTL audit sample, never raise them past the user value or the default', () => {
  const scan = (inspected: Parameters<typeof workspaceMayOnlyLower>[0]) => workspaceMayOnlyLower(inspected, 1, 100_000, 1000);
  assert.equal(scan({ defaultValue: 1000 }), 1000);
  assert.equal(scan({ defaultValue: 1000, workspaceValue: 100_000 }), 1000, 'a workspace asking for 100,000 gets the default');
  assert.equal(scan({ defaultValue: 1000, workspaceFolderValue: 50_000 }), 1000);
  assert.equal(scan({ defaultValue: 1000, workspaceValue: 200 }), 200, 'lowering is fine');
  assert.equal(scan({ defaultValue: 1000, globalValue: 20_000 }), 20_000, 'the user may raise it');
  assert.equal(scan({ defaultValue: 1000, globalValue: 20_000, workspaceValue: 100_000 }), 20_000);
  assert.equal(scan({ defaultValue: 1000, globalValue: 1e9 }), 100_000, 'still within the hard maximum');
  assert.equal(scan({ defaultValue: 1000, workspaceValue: 'lots' }), 1000);
  assert.equal(workspaceMayOnlyLower({ defaultValue: 10_000, workspaceValue: 10_000_000 }, 100, 10_000_000, 10_000), 10_000);
});

test('extra namespaces named only by the workspace are reported, the user’s own are not', () => {
  assert.deepEqual(workspaceStrings({ globalValue: ['shop'], workspaceValue: ['shop', ' payments ', 7, ''], workspaceFolderValue: ['ledger'] }), ['payments', 'ledger']);
  assert.deepEqual(workspaceStrings({ globalValue: ['shop'] }), []);
});
