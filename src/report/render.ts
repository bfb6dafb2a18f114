// Renderers are a plain record: adding a format touches this file and one renderer.
import { escapeStrings } from './escape.js';
import type { Report } from './model.js';
import { renderHtml, reportDigest } from './renderers/html.js';
import { renderJson } from './renderers/json.js';
import { JUNIT_WARN_AS, type JunitWarnAs, renderJunit } from './renderers/junit.js';
import { renderMarkdown } from './renderers/markdown.js';
import { renderSarif } from './renderers/sarif.js';
import { renderText } from './renderers/text.js';

export interface RenderContext {
  color: boolean;
  maxFindings?: number;
  /** readiness.yaml as the user named it (SARIF points its results at the governing lines). */
  configFile?: string | null;
  locate?: (path: (string | number)[]) => string;
  /** JUnit: what a warn finding becomes (default failure). */
  junitWarn?: JunitWarnAs;
}

export { JUNIT_WARN_AS, type JunitWarnAs };

// Every format but JSON gets the report with control and bidi characters escaped (see escape.ts); the HTML
// digest is over the exact JSON rendering.
export const renderers = {
  text: (report: Report, ctx: RenderContext) => renderText(escapeStrings(report), { color: ctx.color, ...(ctx.maxFindings !== undefined ? { maxFindings: ctx.maxFindings } : {}) }),
  json: (report: Report) => renderJson(report),
  html: (report: Report) => renderHtml(escapeStrings(report), { jsonDigest: reportDigest(report) }),
  markdown: (report: Report) => renderMarkdown(escapeStrings(report)),
  junit: (report: Report, ctx: RenderContext) => renderJunit(escapeStrings(report), ctx.junitWarn ? { warnAs: ctx.junitWarn } : {}),
  sarif: (report: Report, ctx: RenderContext) => renderSarif(escapeStrings(report), { configFile: ctx.configFile ?? null, ...(ctx.locate ? { locate: ctx.locate } : {}) }),
} satisfies Record<string, (report: Report, ctx: RenderContext) => string>;

export type Format = keyof typeof renderers;
export const FORMATS = Object.keys(renderers) as Format[];
export const FORMAT_EXTENSIONS: Record<Format, string> = { text: 'txt', json: 'json', html: 'html', markdown: 'md', junit: 'junit.xml', sarif: 'sarif' };
