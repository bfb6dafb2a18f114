import { defineCheck, fail, notApplicable, pass, warn, type ResourceResult } from '../../src/sdk.js';

// The seed's readiness scorecard: what a person must attest because a scan cannot measure it.
const DEFAULT_ITEMS = [
  'client-compatibility-verified',
  'data-path-review',
  'retention-survives-broker-replacement',
  'burst-and-catch-up-load-test',
  'broker-loss-drill',
  'zone-loss-drill',
  'backlog-drill',
  'migration-rollback-test',
  'runbooks',
  'cost-owner-review',
];

export default defineCheck({
  meta: {
    id: 'attestation/readiness-scorecard',
    area: 'attestation',
    title: 'What a scan cannot measure has been attested',
    failureTitle: 'Items a scan cannot measure are not attested',
    description:
      'Drills, reviews and load tests decide readiness as much as configuration does, but no scan can observe them. ' +
      'readiness.yaml `attestations` records each item with owner, date and a link to the evidence; missing items fail, ' +
      'items older than `maxAgeDays` are stale. Whether this area counts in the score is a profile decision.',
    remediation: 'Run the drill or review, then add `{ item, owner, date, evidence }` under `attestations` in readiness.yaml.',
    references: [{ title: 'kafka-readiness: attestations in readiness.yaml', url: 'README.md#readinessyaml' }],
    // Informational unless a profile (production, regulated) makes the scorecard count.
    severity: 'info',
    requires: ['cluster'],
    defaultOptions: { items: DEFAULT_ITEMS, maxAgeDays: 180, required: false },
    optionsSchema: { type: 'object', additionalProperties: false, properties: { items: { type: 'array', items: { type: 'string' } }, maxAgeDays: { type: 'number', minimum: 0 }, required: { type: 'boolean' } } },
  },
  evaluate(_artifacts, { options, policy, now }) {
    if (!options.required && policy.attestations.length === 0) {
      return notApplicable('no attestations in readiness.yaml (the production and regulated profiles require the scorecard)');
    }
    return options.items.map((item): ResourceResult => {
      const res = { kind: 'attestation', name: item };
      const entries = policy.attestations.filter((a) => a.item === item).sort((a, b) => b.date.localeCompare(a.date));
      const latest = entries[0];
      if (!latest) return fail(res, 'not attested', { observed: 'no attestation', expected: `an attestation newer than ${options.maxAgeDays} days` });
      const ageDays = Math.floor((now - Date.parse(`${latest.date}T00:00:00Z`)) / 86_400_000);
      const evidence = { observed: `${latest.date} by ${latest.owner} (${ageDays} days ago)`, expected: `<= ${options.maxAgeDays} days old`, details: { evidence: latest.evidence, at: latest.at, ...(latest.note ? { note: latest.note } : {}) } };
      return ageDays > options.maxAgeDays
        ? warn(res, `attested ${ageDays} days ago by ${latest.owner}: stale (older than ${options.maxAgeDays} days)`, evidence)
        : pass(res, `attested ${latest.date} by ${latest.owner}`, evidence);
    });
  },
});
