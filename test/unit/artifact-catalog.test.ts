// The artifact catalog (src/model/artifacts.ts) is the one description of each artifact: the places that
// used to list artifacts by hand follow it.
import { describe, expect, it } from 'vitest';
import { permissionReport } from '../../src/engine/permissions.js';
import { GATHERERS } from '../../src/gather/gatherers.js';
import { ARTIFACT_LIST, ARTIFACT_NAMES, NOT_REQUESTED_MESSAGES, READ_GRANTS } from '../../src/model/snapshot.js';
import { makeSnapshot } from '../helpers/snapshot.js';

describe('artifact catalog', () => {
  it('the test snapshot holds every artifact, on-request ones not requested', () => {
    const s = makeSnapshot();
    expect(Object.keys(s.artifacts).sort()).toEqual([...ARTIFACT_NAMES].sort());
    for (const a of ARTIFACT_LIST.filter((x) => x.gathered.when === 'on-request')) {
      expect(s.artifacts[a.name]).toEqual({ ok: false, error: { reason: 'not-requested', message: NOT_REQUESTED_MESSAGES[a.name] } });
    }
  });

  it('a denied artifact names the grant its catalog entry declares, and the checks it cost', () => {
    for (const a of ARTIFACT_LIST.filter((x) => x.grant)) {
      const report = permissionReport(makeSnapshot({ [a.name]: { ok: false, error: { reason: 'denied', message: 'denied' } } }), [
        { id: 'x/needs-it', missing: [{ artifact: a.name, error: { reason: 'denied', message: 'denied' } }] } as never,
      ]);
      expect(report.missing, a.name).toEqual([{ permission: a.grant, artifacts: [a.name], checks: ['x/needs-it'] }]);
    }
  });

  it('the read-only ACL set has one kafka-acls.sh command per Kafka grant; an AWS grant is named only when denied', () => {
    const report = permissionReport(makeSnapshot(), []);
    const kafkaGrants = Object.entries(READ_GRANTS).filter(([, g]) => g.kind === 'kafka-acl').map(([name]) => name);
    expect(report.readOnlyAcls.map((r) => r.permission)).toEqual(kafkaGrants);
    expect(report.missing).toEqual([]);
    const denied = permissionReport(makeSnapshot({ cloudwatch: { ok: false, error: { reason: 'denied', message: 'AccessDenied', api: 'CloudWatch.ListMetrics' } } }), []);
    expect(denied.missing).toEqual([{ permission: 'cloudwatch:ListMetrics and cloudwatch:GetMetricData (AWS IAM)', artifacts: ['cloudwatch'], checks: [] }]);
    expect(denied.readOnlyAcls.every((r) => !r.missing)).toBe(true);
  });

  it('every artifact has one gather step, listed in catalog order; a scan never gathers only on-request ones', () => {
    expect(Object.keys(GATHERERS)).toEqual([...ARTIFACT_NAMES]);
    for (const a of ARTIFACT_LIST) {
      const step = GATHERERS[a.name];
      if (step.step === 'elsewhere') expect(a.gathered.when, a.name).toBe('on-request');
      // An artifact made from another step's requests names a batch step that is read in the same pass.
      if (step.step === 'with') expect(GATHERERS[step.of].step, a.name).toBe('batch');
      // Read without a request of its own: no API to name (except topics, whose Metadata came with connect).
      if (step.step === 'elsewhere') expect(a.apis, a.name).toEqual([]);
    }
  });
});
