// SARIF 2.1.0 for code-scanning dashboards (GitHub code scanning, Azure DevOps, DefectDojo…): every check is a
// rule, every open finding a result, waived findings are results with an external suppression, and checks that
// could not run are tool execution notifications (the run itself still succeeded).
//
// A cluster has no source file, so every result points at the readiness.yaml line that governs its check
// (GitHub rejects results without a physical location); the resource is the result's logical location and its
// fingerprint. Valid against the OASIS sarif-schema-2.1.0.json (errata 01); docs/report-format.md has the details.

import { createHash } from 'node:crypto';
import type * as Sarif from 'sarif';
import type { Evidence, Resource, Severity } from '../../sdk.js';
import type { CheckResult, CutoverChecklist, Finding, Report } from '../model.js';
import { CUTOVER_INTRO, CUTOVER_LABEL } from './cutover.js';
import { escapeMarkdown } from './markdown.js';
import { resourceLabel } from '../format.js';
import { evidenceLine } from '../view.js';

export interface SarifContext {
  /** readiness.yaml as the user gave it (relative to the repository root for code scanning), or null for built-in defaults. */
  configFile: string | null;
  /** "file:line:col" of a path in readiness.yaml (ReadinessConfig.locate); the file name alone when it has no such key. */
  locate?: (path: (string | number)[]) => string;
}

export const SARIF_SCHEMA_URI = 'https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json';
/** tool.driver.informationUri: where a reader of an alert learns about the tool. */
export const SARIF_INFORMATION_URI = 'https://www.npmjs.com/package/kafka-readiness';
/** Used as the artifact when there is no readiness.yaml: results still need a location. */
export const DEFAULT_CONFIG_URI = 'readiness.yaml';
/** Key of our own partial fingerprint (also copied to primaryLocationLineHash, see fingerprint()). */
export const FINGERPRINT_KEY = 'kafkaReadinessFinding/v1';

const LEVEL: Record<Severity, Sarif.ReportingConfiguration.level> = { critical: 'error', high: 'error', medium: 'warning', low: 'note', info: 'note' };
/**
 * GitHub's security-severity (0.0–10.0: ≥ 9 critical, 7–8.9 high, 4–6.9 medium, 0.1–3.9 low, 0 none), from the
 * check severity (or a finding's own). Every rule and result carries one, and every rule is tagged `security`:
 * GitHub shows Critical/High/Medium/Low only for such rules, otherwise Error/Warning/Note.
 */
export const SECURITY_SEVERITY: Record<Severity, string> = { critical: '9.5', high: '8.0', medium: '5.5', low: '3.0', info: '0.0' };

function resultLevel(f: Finding): Sarif.Result.level {
  if (f.status === 'fail') return LEVEL[f.severity];
  return f.severity === 'low' || f.severity === 'info' ? 'note' : 'warning';
}



function evidenceText(e: Evidence | undefined): string {
  const line = evidenceLine(e);
  return line ? ` (${line})` : '';
}

/** A relative path as a relative URI reference (each segment percent-encoded); an absolute one as a file: URI. */
export function pathToUri(file: string): string {
  const p = file.replace(/\\/g, '/');
  const enc = (s: string) => s.split('/').map(encodeURIComponent).join('/');
  if (/^[A-Za-z]:\//.test(p)) return `file:///${p.slice(0, 2)}${enc(p.slice(2))}`;
  if (p.startsWith('/')) return `file://${enc(p)}`;
  return enc(p.replace(/^(\.\/)+/, ''));
}

/** "file:line:col" → line and column (1-based); a bare file name (no such key) → line 1. */
export function parseLocation(at: string | undefined): { line: number; column: number } {
  const m = at ? /:(\d+):(\d+)$/.exec(at) : null;
  return m ? { line: Math.max(1, Number(m[1])), column: Math.max(1, Number(m[2])) } : { line: 1, column: 1 };
}

function textOr(value: string, fallback: string): string {
  return value.trim() ? value : fallback;
}

/** Markdown where `backtick spans` (used in descriptions and remediation texts) stay code and the rest is escaped. */
function rich(text: string): string {
  return text
    .split(/(`[^`\n]+`)/)
    .map((part) => (part.length > 2 && part.startsWith('`') && part.endsWith('`') ? part : escapeMarkdown(part)))
    .join('');
}

function isHttpUrl(url: string): boolean {
  try {
    const u = new URL(url);
    return u.protocol === 'https:' || u.protocol === 'http:';
  } catch {
    return false;
  }
}

/** A URL inside a Markdown link target: parentheses and whitespace percent-encoded so the link cannot break. */
function markdownUrl(url: string): string {
  return url.replace(/\(/g, '%28').replace(/\)/g, '%29').replace(/\s/g, (ch) => encodeURIComponent(ch));
}

function rule(c: CheckResult): Sarif.ReportingDescriptor {
  // helpUri must be an absolute URI: the first web reference (others, e.g. README anchors, stay in the help text).
  const webRef = c.references.find((r) => isHttpUrl(r.url));
  const helpText = [c.remediation, ...c.references.map((r) => `${r.title}: ${r.url}`)].join('\n');
  const helpMarkdown = [
    `**Remediation:** ${rich(c.remediation)}`,
    ...(c.description.trim() ? ['', rich(c.description)] : []),
    ...(c.references.length
      ? ['', ...c.references.map((r) => (isHttpUrl(r.url) ? `- [${escapeMarkdown(r.title)}](${markdownUrl(r.url)})` : `- ${escapeMarkdown(r.title)}: ${escapeMarkdown(r.url)}`))]
      : []),
  ].join('\n');
  return {
    id: c.id,
    name: c.id,
    shortDescription: { text: textOr(c.title, c.id) },
    ...(c.failureTitle ? { messageStrings: { failure: { text: c.failureTitle } } } : {}),
    fullDescription: { text: textOr(c.description, textOr(c.title, c.id)) },
    help: { text: textOr(helpText, c.id), markdown: helpMarkdown },
    ...(webRef ? { helpUri: webRef.url } : {}),
    defaultConfiguration: { level: LEVEL[c.severity] },
    properties: {
      // GitHub shows security-severity only for rules tagged "security".
      tags: [c.area, 'security'],
      'security-severity': SECURITY_SEVERITY[c.severity],
      severity: c.severity,
      weight: c.weight,
      origin: c.origin,
    },
  };
}

/**
 * Stable identity of a finding: SHA-256 of rule id, resource kind and name (and an occurrence number when one
 * check reports the same resource twice). Nothing that changes between scans (message, observed value,
 * readiness.yaml line) goes in, so code scanning keeps matching the alert across runs.
 */
function fingerprint(ruleId: string, r: Resource, occurrence: number): string {
  return createHash('sha256')
    .update(JSON.stringify([ruleId, r.kind, r.name, ...(occurrence > 0 ? [occurrence] : [])]))
    .digest('hex');
}

function validTime(t: string): boolean {
  return /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$/.test(t) && !Number.isNaN(Date.parse(t));
}

export function renderSarif(report: Report, ctx: SarifContext): string {
  const configUri = pathToUri(ctx.configFile ?? DEFAULT_CONFIG_URI);
  const artifactLocation = (): Sarif.ArtifactLocation => (/^file:/.test(configUri) ? { uri: configUri } : { uri: configUri, uriBaseId: '%SRCROOT%' });
  const checkLocation = (checkId: string): Sarif.Location => {
    const at = ctx.configFile !== null && ctx.locate ? parseLocation(ctx.locate(['checks', checkId])) : { line: 1, column: 1 };
    return { physicalLocation: { artifactLocation: artifactLocation(), region: { startLine: at.line, startColumn: at.column } } };
  };

  const rules = report.checks.map(rule);
  const ruleIndex = new Map(report.checks.map((c, i) => [c.id, i]));
  const seen = new Map<string, number>();
  const results: Sarif.Result[] = [];
  for (const c of report.checks) {
    for (const f of c.findings) {
      const key = JSON.stringify([c.id, f.resource.kind, f.resource.name]);
      const occurrence = seen.get(key) ?? 0;
      seen.set(key, occurrence + 1);
      const hash = fingerprint(c.id, f.resource, occurrence);
      const loc = checkLocation(c.id);
      const result: Sarif.Result = {
        ruleId: c.id,
        ruleIndex: ruleIndex.get(c.id)!,
        kind: 'fail',
        level: resultLevel(f),
        message: { text: `${resourceLabel(f.resource)}: ${textOr(f.message, c.title)}${evidenceText(f.evidence)}` },
        locations: [
          {
            ...loc,
            logicalLocations: [{ name: f.resource.name, fullyQualifiedName: `${f.resource.kind}/${f.resource.name}`, kind: f.resource.kind }],
          },
        ],
        // primaryLocationLineHash is what GitHub matches alerts on. Left to upload-sarif it would hash the
        // readiness.yaml line, the same for every resource of a check, so it carries our own fingerprint.
        partialFingerprints: { [FINGERPRINT_KEY]: hash, primaryLocationLineHash: `${hash.slice(0, 16)}:1` },
        properties: {
          area: c.area,
          status: f.status,
          severity: f.severity,
          'security-severity': SECURITY_SEVERITY[f.severity],
          resource: { kind: f.resource.kind, name: f.resource.name },
          ...(f.evidence ? { evidence: JSON.parse(JSON.stringify(f.evidence)) as unknown } : {}),
          ...(f.expiredWaiver ? { expiredWaiver: { ...f.expiredWaiver } } : {}),
        },
      };
      if (f.waiver) {
        const w = f.waiver;
        const state = report.waivers[w.index];
        const suppression: Sarif.Suppression = {
          kind: 'external',
          status: 'accepted',
          justification: w.reason,
          properties: { owner: w.owner, ticket: w.ticket, expires: w.expires, ...(state ? { at: state.at } : {}) },
        };
        if (ctx.configFile !== null && state && /:\d+:\d+$/.test(state.at)) {
          const at = parseLocation(state.at);
          suppression.location = { physicalLocation: { artifactLocation: artifactLocation(), region: { startLine: at.line, startColumn: at.column } } };
        }
        result.suppressions = [suppression];
      }
      results.push(result);
    }
  }

  const cutover = report.cutover ? cutoverSarif(report.cutover, report.checks, rules, ctx.configFile !== null && ctx.locate ? parseLocation(ctx.locate(['migration'])) : { line: 1, column: 1 }, artifactLocation) : null;
  if (cutover) results.push(...cutover.results);

  const notifications: Sarif.Notification[] = report.checks
    .filter((c) => c.status === 'unknown' || c.status === 'error')
    .map((c) => ({
      level: c.status === 'error' ? 'error' : 'warning',
      message: { text: `${c.id}: ${c.status === 'error' ? 'check error' : 'could not check'}: ${c.reason ?? 'no reason given'} (not a pass: left out of the score, lowers coverage)` },
      associatedRule: { id: c.id, index: ruleIndex.get(c.id)! },
      locations: [checkLocation(c.id)],
      properties: { status: c.status, ...(c.missing?.length ? { missing: c.missing.map((m) => ({ artifact: m.artifact, reason: m.error.reason, message: m.error.message })) } : {}) },
    }));
  // Checks that covered only part (unreadable parts, resources not judged): the result stands, the rest is not a pass.
  for (const c of report.checks) {
    if (!c.partial?.length || c.status === 'unknown' || c.status === 'error') continue;
    notifications.push({
      level: c.notJudged ? 'warning' : 'note',
      message: { text: `${c.id}: partly checked: ${c.partial.join('; ')}` },
      associatedRule: { id: c.id, index: ruleIndex.get(c.id)! },
      locations: [checkLocation(c.id)],
      properties: { status: c.status, partial: [...c.partial], ...(c.notJudged ? { notJudged: c.notJudged.count } : {}) },
    });
  }
  const configNotes: Sarif.Notification[] =
    ctx.configFile === null
      ? [{ level: 'note', message: { text: `no readiness.yaml was used (built-in defaults): results point at line 1 of ${DEFAULT_CONFIG_URI}` } }]
      : [];

  const invocation: Sarif.Invocation = {
    executionSuccessful: true,
    ...(validTime(report.snapshot.takenAt) ? { startTimeUtc: report.snapshot.takenAt } : {}),
    ...(validTime(report.generatedAt) ? { endTimeUtc: report.generatedAt } : {}),
    toolExecutionNotifications: [...notifications, ...(cutover?.notifications ?? [])],
    ...(configNotes.length ? { toolConfigurationNotifications: configNotes } : {}),
  };

  const version = report.tool.version;
  const log: Sarif.Log = {
    $schema: SARIF_SCHEMA_URI,
    version: '2.1.0',
    runs: [
      {
        tool: {
          driver: {
            name: report.tool.name,
            version,
            ...(/^\d+\.\d+\.\d+(-[0-9A-Za-z.-]+)?(\+[0-9A-Za-z.-]+)?$/.test(version) ? { semanticVersion: version } : {}),
            informationUri: SARIF_INFORMATION_URI,
            rules,
          },
        },
        invocations: [invocation],
        columnKind: 'utf16CodeUnits',
        results,
        properties: {
          reportVersion: report.reportVersion,
          clusterId: report.cluster.clusterId,
          verdict: report.summary.verdict,
          score: report.summary.score,
          coverage: report.summary.coverage,
          gate: { passed: report.gate.passed, reasons: [...report.gate.reasons] },
          ...(report.cutover ? { cutover: JSON.parse(JSON.stringify(report.cutover)) as unknown } : {}),
          // The write probe's matrix and burst numbers (the report's probe section); findings come from its checks.
          ...(report.probe ? { probe: report.probe } : {}),
        },
      },
    ],
  };
  return `${JSON.stringify(log, null, 2)}\n`;
}

const SEVERITY_RANK: readonly Severity[] = ['info', 'low', 'medium', 'high', 'critical'];

/**
 * The cut-over checklist of a compare report: a rule per item ("cutover/<item id>", appended after the checks'),
 * a result per not-met item (the headline above the deciding checks' own findings, which stay results of their
 * rules) and a warning notification per unknown item (like a check that could not run: nothing was seen to hold).
 * Met items have no result; the whole checklist is in run.properties.cutover. Results point at readiness.yaml's
 * `migration:` key (line 1 without one); the fingerprint is the item id, so an alert follows the item across runs.
 */
function cutoverSarif(
  c: CutoverChecklist,
  checks: readonly CheckResult[],
  rules: Sarif.ReportingDescriptor[],
  at: { line: number; column: number },
  artifactLocation: () => Sarif.ArtifactLocation,
): { results: Sarif.Result[]; notifications: Sarif.Notification[] } {
  const severityOf = new Map(checks.map((x) => [x.id, x.severity]));
  const location = (): Sarif.Location => ({ physicalLocation: { artifactLocation: artifactLocation(), region: { startLine: at.line, startColumn: at.column } } });
  const results: Sarif.Result[] = [];
  const notifications: Sarif.Notification[] = [];
  for (const p of c.phases) {
    for (const i of p.items) {
      const id = `cutover/${i.id}`;
      // As severe as the most severe deciding check (high when none ran).
      const known = i.checks.map((x) => severityOf.get(x.id)).filter((x): x is Severity => x !== undefined);
      const severity = known.length ? known.reduce((a, b) => (SEVERITY_RANK.indexOf(b) > SEVERITY_RANK.indexOf(a) ? b : a)) : 'high';
      const deciding = i.checks.map((x) => x.id).join(', ');
      const index = rules.length;
      rules.push({
        id,
        name: id,
        shortDescription: { text: `${p.title}: ${i.title}` },
        fullDescription: { text: `Cut-over checklist, ${p.title.toLowerCase()}: ${i.title}. Decided by ${deciding}. ${CUTOVER_INTRO}` },
        help: { text: `Resolve the findings of ${deciding} (their rules say how) and compare again.`, markdown: `Resolve the findings of ${i.checks.map((x) => `\`${x.id}\``).join(', ')} (their rules say how) and compare again.` },
        defaultConfiguration: { level: LEVEL[severity] },
        properties: { tags: ['migration', 'cutover', 'security'], 'security-severity': SECURITY_SEVERITY[severity], severity, phase: p.id },
      });
      const summary = i.checks.map((x) => `${x.id} ${x.status}`).join(', ');
      if (i.status === 'not-met') {
        const hash = createHash('sha256').update(JSON.stringify(['cutover', i.id])).digest('hex');
        const names = i.resources.map((r) => `${r.kind} ${r.name}`);
        results.push({
          ruleId: id,
          ruleIndex: index,
          kind: 'fail',
          level: LEVEL[severity],
          message: { text: `${CUTOVER_LABEL['not-met']}: ${p.title}: ${i.title} (${summary}${names.length ? `; ${names.length} resource(s): ${names.slice(0, 10).join(', ')}${names.length > 10 ? ', …' : ''}` : ''})` },
          locations: [{ ...location(), logicalLocations: [{ name: i.id, fullyQualifiedName: `cutover/${p.id}/${i.id}`, kind: 'cutover-item' }] }],
          partialFingerprints: { [FINGERPRINT_KEY]: hash, primaryLocationLineHash: `${hash.slice(0, 16)}:1` },
          properties: { area: 'migration', status: i.status, phase: p.id, severity, 'security-severity': SECURITY_SEVERITY[severity], checks: i.checks.map((x) => ({ ...x })), resources: i.resources.map((r) => ({ ...r })), reasons: [...i.reasons] },
        });
      } else if (i.status === 'unknown') {
        notifications.push({
          level: 'warning',
          message: { text: `${id}: could not decide "${p.title}: ${i.title}": ${i.reasons.join('; ') || summary} (not met until seen to hold)` },
          associatedRule: { id, index },
          locations: [location()],
          properties: { status: i.status, phase: p.id, checks: i.checks.map((x) => ({ ...x })) },
        });
      }
    }
  }
  return { results, notifications };
}
