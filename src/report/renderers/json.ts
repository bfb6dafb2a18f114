import type { Report } from '../model.js';

/**
 * Findings up to which the JSON report is indented for people to read. Above it the report is one line: a
 * report with thousands of findings is read by tools (diff, --baseline, jq), and two-space indentation nearly
 * doubles it (14 MB against 7 MB for 15k findings). Either form is the same JSON value.
 */
export const JSON_INDENT_MAX_FINDINGS = 1000;

export function renderJson(report: Report): string {
  let findings = 0;
  for (const c of report.checks) findings += c.findings.length;
  return `${JSON.stringify(report, null, findings <= JSON_INDENT_MAX_FINDINGS ? 2 : undefined)}\n`;
}
