// Library entry point: the same pipeline the CLI runs, for programs that embed kafka-readiness.
export * from './pipeline.js';
export * from './sdk.js';
export type { Report, CheckResult, Finding, Verdict, CheckStatus } from './report/model.js';
export type { ConnectionOptions } from './model/connection.js';
export { Secret } from './model/connection.js';
export { renderers, FORMATS } from './report/render.js';
export { TOOL_VERSION } from './version.js';
