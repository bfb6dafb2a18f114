// An external check plugin: loaded from readiness.yaml (`plugins: [./plugins/topic-naming.mjs]`), no fork
// needed. Plain JavaScript; a TypeScript plugin would `import { defineCheck } from 'kafka-readiness/sdk'`.
//
// Rule: every application topic is named <domain>.<event> with a known domain, so ownership, ACL prefixes
// and retention policies can follow the name.

const DOMAINS = ['cases', 'permits', 'benefits', 'billing', 'intake', 'registry', 'audit'];

export default {
  meta: {
    id: 'naming/topic-domain-prefix',
    area: 'naming',
    title: 'Topics are named <domain>.<event>',
    description:
      'Topic names that start with an owning domain let ACL prefixes, retention policies and cost reports follow ' +
      'ownership. A topic outside the known domains has no clear owner.',
    remediation: 'Rename the topic (create the new one, migrate producers and consumers) or add its domain to this plugin.',
    references: [{ title: 'Example plugin source', url: 'examples/plugins/topic-naming.mjs' }],
    severity: 'low',
    requires: ['topics'],
    defaultOptions: { domains: DOMAINS },
  },
  evaluate({ topics }, { options }) {
    return topics
      .filter((t) => !t.internal && !t.name.startsWith('__'))
      .map((t) => {
        const domain = t.name.split('.')[0];
        const ok = t.name.includes('.') && options.domains.includes(domain);
        return {
          resource: { kind: 'topic', name: t.name },
          status: ok ? 'pass' : 'warn',
          message: ok ? `owned by domain ${domain}` : `"${domain}" is not a known domain (${options.domains.join(', ')})`,
          evidence: { observed: t.name, expected: `<${options.domains.join('|')}>.<event>` },
        };
      });
  },
};
