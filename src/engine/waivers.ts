// Waivers: accepted risks from readiness.yaml. A waived finding stays in the report (with its reason, owner,
// ticket and expiry) but leaves the score; an expired waiver stops applying and fails the gate.

import type { ReadinessConfig } from '../config/readiness.js';
import type { WaiverConfig } from '../config/policy-types.js';
import type { CheckResult, WaiverState } from '../report/model.js';
import { patternToRegExp } from '../sdk.js';
import { round1 } from './evaluate.js';

export type { WaiverConfig } from '../config/policy-types.js';

export function expiryMs(expires: string): number {
  return Date.parse(`${expires}T23:59:59.999Z`);
}

export function applyWaivers(checks: CheckResult[], config: ReadinessConfig, nowMs: number): { checks: CheckResult[]; waivers: WaiverState[] } {
  const states: WaiverState[] = config.waivers.map((w, i) => ({
    check: w.check,
    resource: w.resource,
    ...(w.kind ? { kind: w.kind } : {}),
    reason: w.reason,
    owner: w.owner,
    ticket: w.ticket,
    expires: w.expires,
    state: expiryMs(w.expires) < nowMs ? 'expired' : 'unused',
    matched: 0,
    at: config.locate(['waivers', i]),
  }));
  const matchers = config.waivers.map((w) => ({ w, re: patternToRegExp(w.resource) }));
  const out = checks.map((c) => {
    if (c.findings.length === 0) return c;
    let waivedWarn = 0;
    let waivedFail = 0;
    const findings = c.findings.map((f) => {
      const index = matchers.findIndex(({ w, re }) => w.check === c.id && (!w.kind || w.kind === f.resource.kind) && re.test(f.resource.name));
      if (index < 0) return f;
      const state = states[index]!;
      state.matched++;
      const ref = { index, reason: state.reason, owner: state.owner, ticket: state.ticket, expires: state.expires };
      if (state.state === 'expired') return { ...f, expiredWaiver: ref };
      state.state = 'active';
      if (f.status === 'warn') waivedWarn++;
      else waivedFail++;
      return { ...f, waiver: ref };
    });
    const waived = waivedWarn + waivedFail;
    if (waived === 0) return { ...c, findings };
    const counts = { resources: c.counts.resources - waived, pass: c.counts.pass, warn: c.counts.warn - waivedWarn, fail: c.counts.fail - waivedFail, waived };
    const status = counts.fail > 0 ? 'fail' : counts.warn > 0 ? 'warn' : 'waived';
    const score = counts.resources > 0 ? round1((100 * (counts.pass + 0.5 * counts.warn)) / counts.resources) : null;
    return { ...c, findings, counts, status, score } as CheckResult;
  });
  return { checks: out, waivers: states };
}
