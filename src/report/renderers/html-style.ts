// Inline stylesheet of the HTML report. No url(), no @import, no web fonts: the page loads nothing.
// Colours keep at least 4.5:1 contrast for text on their backgrounds (WCAG AA).

export const HTML_STYLE = `
:root {
  color-scheme: light;
  --fg: #1b1f24; --muted: #57606a; --line: #d0d7de; --soft: #f6f8fa; --bg: #ffffff; --accent: #0b5cad;
  --ok: #116329; --ok-bg: #dafbe1; --warn: #7a4a00; --warn-bg: #fff1c2; --bad: #a40e26; --bad-bg: #ffe3e6;
  --unk: #4b3a8c; --unk-bg: #eeeaff; --na: #57606a; --na-bg: #eef1f4;
  --sev-critical: #8c0a1e; --sev-high: #b3261e; --sev-medium: #7a4a00; --sev-low: #0b5cad; --sev-info: #57606a;
  --mono: ui-monospace, SFMono-Regular, "SF Mono", Menlo, Consolas, "Liberation Mono", "DejaVu Sans Mono", monospace;
}
* { box-sizing: border-box; }
html { background: var(--soft); }
body {
  margin: 0 auto; max-width: 1380px; padding: 0 24px 48px; background: var(--bg); color: var(--fg);
  font: 14px/1.5 system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", "Liberation Sans", "DejaVu Sans", Arial, sans-serif;
  box-shadow: 0 0 0 1px var(--line);
}
a { color: var(--accent); }
a:focus-visible, summary:focus-visible { outline: 3px solid #0969da; outline-offset: 2px; }
code, pre, .mono { font-family: var(--mono); font-size: 0.86em; }
code { background: var(--soft); border: 1px solid #e3e8ee; border-radius: 4px; padding: 0 4px; overflow-wrap: anywhere; }
pre { background: var(--soft); border: 1px solid var(--line); border-radius: 6px; padding: 8px 10px; margin: 4px 0; white-space: pre-wrap; overflow-wrap: anywhere; }
pre code { background: none; border: 0; padding: 0; font-size: 1em; }
h1, h2, h3, h4, h5 { line-height: 1.25; margin: 0; }
h1 { font-size: 1.6rem; }
h2 { font-size: 1.3rem; margin: 22px 0 8px; padding-bottom: 6px; border-bottom: 2px solid var(--line); }
h3 { font-size: 1.1rem; margin: 18px 0 6px; }
h4 { font-size: 0.95rem; margin: 16px 0 8px; }
h5 { font-size: 1rem; display: inline; }
p { margin: 6px 0; }
ul { margin: 6px 0; padding-left: 22px; }
.muted { color: var(--muted); }
.nowrap { white-space: nowrap; }
.small { font-size: 0.87em; }
.skip { position: absolute; left: -9999px; }
.skip:focus { left: 8px; top: 8px; background: var(--bg); padding: 6px 10px; z-index: 1; }

.masthead { display: flex; flex-wrap: wrap; gap: 8px 24px; justify-content: space-between; align-items: flex-end; padding: 28px 0 16px; border-bottom: 1px solid var(--line); }
.masthead .sub { color: var(--muted); margin-top: 4px; }
.masthead .meta { color: var(--muted); font-size: 0.87em; text-align: right; }
nav.toc { display: flex; flex-wrap: wrap; gap: 4px 14px; padding: 10px 0; border-bottom: 1px solid var(--line); font-size: 0.9em; }
nav.toc a { text-decoration: none; }
nav.toc a:hover { text-decoration: underline; }

.glance { display: grid; grid-template-columns: 1.5fr 1fr 1fr 1fr; gap: 12px; margin-top: 20px; }
.tile { border: 1px solid var(--line); border-radius: 8px; padding: 12px 16px; background: var(--bg); }
.tile .label { font-size: 0.78rem; font-weight: 600; letter-spacing: 0.06em; text-transform: uppercase; color: var(--muted); margin: 0; }
.tile .value { font-size: 1.9rem; font-weight: 700; margin: 4px 0 0; font-variant-numeric: tabular-nums; }
.tile .value small { font-size: 0.95rem; font-weight: 500; color: var(--muted); }
.tile .note { font-size: 0.85em; color: var(--muted); margin: 2px 0 0; }
.verdict-tile .note { color: var(--fg); }
.verdict-tile { border-width: 2px; }
.verdict-tile.v-ready { border-color: var(--ok); background: var(--ok-bg); }
.verdict-tile.v-ready-with-risks { border-color: #b07000; background: var(--warn-bg); }
.verdict-tile.v-not-ready { border-color: var(--bad); background: var(--bad-bg); }
.verdict-tile.v-not-assessable { border-color: var(--bad); background: var(--bad-bg); border-style: dashed; }
.verdict { font-size: 1.7rem; font-weight: 800; letter-spacing: 0.02em; margin: 4px 0 0; }
.v-ready .verdict { color: var(--ok); }
.v-ready-with-risks .verdict { color: var(--warn); }
.v-not-ready .verdict { color: var(--bad); }
.reasons { margin-top: 14px; border-left: 4px solid var(--line); padding: 4px 0 4px 14px; }
.reasons h3 { text-transform: none; margin: 0 0 4px; font-size: 0.95rem; }
.sevcounts { display: flex; flex-wrap: wrap; align-items: center; gap: 6px; margin-top: 12px; }
.sevcounts .label { font-size: 0.85em; color: var(--muted); margin-right: 4px; }
.sev.zero { background: var(--na-bg); color: var(--na); }

.badge { display: inline-block; border-radius: 999px; padding: 1px 9px; font-size: 0.75rem; font-weight: 700; letter-spacing: 0.04em; text-transform: uppercase; white-space: nowrap; border: 1px solid transparent; vertical-align: 1px; }
.st-pass { color: var(--ok); background: var(--ok-bg); border-color: #9bd8aa; }
.st-warn { color: var(--warn); background: var(--warn-bg); border-color: #e8c66a; }
.st-fail { color: var(--bad); background: var(--bad-bg); border-color: #f2a5ae; }
.st-waived { color: #0b4f8a; background: #e2efff; border-color: #a8c8f0; }
.st-expired { color: #fff; background: var(--bad); border-color: var(--bad); }
.st-unknown, .st-error { color: var(--unk); border: 1px dashed var(--unk); background: repeating-linear-gradient(135deg, var(--unk-bg) 0 6px, #fff 6px 12px); }
.st-error { color: #6e1a5c; border-color: #6e1a5c; }
.st-not-applicable, .st-skipped, .st-unused { color: var(--na); background: var(--na-bg); border-color: var(--line); }
.st-active { color: var(--ok); background: var(--ok-bg); border-color: #9bd8aa; }
.sev { display: inline-block; border-radius: 4px; padding: 0 6px; font-size: 0.75rem; font-weight: 700; text-transform: uppercase; letter-spacing: 0.03em; color: #fff; white-space: nowrap; }
.sev-critical { background: var(--sev-critical); }
.sev-high { background: var(--sev-high); }
.sev-medium { background: #8a5300; }
.sev-low { background: var(--sev-low); }
.sev-info { background: var(--sev-info); }
.gate-pass { color: var(--ok); }
.gate-fail { color: var(--bad); }
.gate-none { color: var(--na); }
section.minor > h2 { font-size: 1.05rem; margin: 16px 0 4px; padding-bottom: 3px; border-bottom-width: 1px; }
section.minor p, section.minor details { margin: 3px 0; }
.tile.gate-none { background: var(--na-bg); }
.tile.gate-none .value { color: var(--na); font-size: 1.5rem; }
.tile.gate-passed .value { color: var(--ok); }
.tile.gate-failed { border-color: var(--bad); }
.tile.gate-failed .value { color: var(--bad); }

ol.fixfirst { margin: 6px 0; padding-left: 28px; }
ol.fixfirst li { margin: 0 0 3px; padding-left: 4px; line-height: 1.4; }
ol.fixfirst li a { text-decoration: none; color: var(--fg); }
ol.fixfirst li a:hover { text-decoration: underline; }
.charts { display: grid; grid-template-columns: repeat(auto-fit, minmax(240px, 1fr)); gap: 10px 12px; }
figure { margin: 0; border: 1px solid var(--line); border-radius: 8px; padding: 10px 12px; min-width: 0; break-inside: avoid-page; }
figcaption { font-weight: 600; font-size: 0.9em; margin-bottom: 6px; }
svg.chart { width: 100%; max-width: 420px; height: auto; display: block; }
svg.chart .t { font: 12px system-ui, sans-serif; fill: var(--fg); }
svg.chart .s { font-size: 11px; fill: var(--muted); }
svg.chart .b { font-weight: 700; }
svg.chart .on-dark { fill: #fff; }
svg.chart .on-ok { fill: var(--ok); }
details > summary { cursor: pointer; font-weight: 600; margin: 6px 0; }
details.more > summary { font-weight: 400; color: var(--accent); }
ul.folded { list-style: none; padding-left: 0; columns: 2 340px; }
ul.folded li { margin: 2px 0; break-inside: avoid; }
table.ev { margin: 0; font-size: 0.88em; }
table.ev th, table.ev td { border: 0; padding: 1px 6px 1px 0; }
table.ev th { color: var(--muted); font-weight: 400; white-space: nowrap; width: 1%; }
table.findings { table-layout: fixed; }
table.findings > tbody > tr > th { width: 42%; font-weight: 400; }
table.findings > tbody > tr > th, table.findings > tbody > tr > td { padding: 3px 6px; }
table.findings { margin: 2px 0; }
table.findings .msg { font-size: 0.95em; }
.common { margin: 4px 0 0; }
.common table.ev caption { caption-side: left; font-weight: 400; font-size: 0.95em; padding: 0 6px 0 0; }
.area-findings > h3 { margin: 10px 0 2px; }
.check .refs { display: inline; }

table { border-collapse: collapse; width: 100%; margin: 8px 0; font-size: 0.92em; }
caption { text-align: left; font-weight: 600; padding: 4px 0; color: var(--muted); }
th, td { border-bottom: 1px solid var(--line); padding: 4px 8px; text-align: left; vertical-align: top; }
thead th { background: var(--soft); border-bottom: 2px solid var(--line); font-size: 0.85em; text-transform: uppercase; letter-spacing: 0.04em; color: var(--muted); }
tbody th { font-weight: 600; }
tbody th .small { font-weight: 400; }
td.num, th.num { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }
tr.row-unknown td, tr.row-unknown th, tr.row-error td, tr.row-error th { background: #faf8ff; }
.bar { display: inline-block; width: 120px; height: 10px; border-radius: 5px; background: #e6e9ee; vertical-align: middle; margin-right: 8px; overflow: hidden; border: 1px solid #d6dbe1; }
.bar > span { display: block; height: 100%; }
.scoreval { display: inline-block; min-width: 3.2em; text-align: right; }
.bar .b-good { background: #1a7f37; } .bar .b-mid { background: #bf8700; } .bar .b-bad { background: #cf222e; }

.severity-group { margin: 10px 0 18px; }
.severity-group > h4 { display: flex; align-items: center; gap: 8px; }
.check { border: 1px solid var(--line); border-left: 5px solid var(--line); border-radius: 6px; padding: 4px 12px; margin: 6px 0; }
.check > summary { list-style-position: outside; margin: 2px 0; }
.check:not([open]) { padding: 2px 12px; margin: 4px 0; }
.check h4 { display: inline; margin: 0; font-size: 1rem; }
.ff.c-critical::marker, .ff.c-high::marker { color: var(--bad); font-weight: 700; }
.check.c-critical { border-left-color: var(--sev-critical); }
.check.c-high { border-left-color: var(--sev-high); }
.check.c-medium { border-left-color: #bf8700; }
.check.c-low { border-left-color: var(--sev-low); }
.check.c-info { border-left-color: var(--sev-info); }
.check-head { gap: 6px 10px; align-items: baseline; }
.check-head .id { color: var(--muted); font-size: 0.85em; }
.check table { margin: 8px 0 6px; }
.check .fix { margin: 4px 0 2px; font-size: 0.95em; }
.check .refs { font-size: 0.88em; color: var(--muted); }
dl.ev { display: grid; grid-template-columns: max-content 1fr; gap: 2px 10px; margin: 0; }
dl.ev dt { color: var(--muted); font-size: 0.85em; }
dl.ev dd { margin: 0; min-width: 0; }
.lapsed { margin-top: 4px; font-size: 0.88em; color: var(--bad); }
.none { color: var(--muted); font-style: italic; }
.callout { border: 1px dashed var(--unk); background: #faf8ff; border-radius: 6px; padding: 8px 12px; margin: 8px 0; }
.kv { display: grid; grid-template-columns: repeat(auto-fit, minmax(340px, 1fr)); gap: 0 32px; }
.kv dl { display: grid; grid-template-columns: 140px 1fr; gap: 4px 12px; margin: 6px 0; }
.kv dt { color: var(--muted); }
.kv dd { margin: 0; overflow-wrap: anywhere; }
.digest-box { border: 1px solid var(--line); border-radius: 8px; background: var(--soft); padding: 8px 14px; font-size: 0.92em; }
.digest-value { display: inline-block; font-family: var(--mono); font-size: 0.95em; word-break: break-all; margin: 6px 0; padding: 6px 8px; background: var(--bg); border: 1px solid var(--line); border-radius: 4px; }
footer { margin-top: 36px; padding-top: 12px; border-top: 1px solid var(--line); color: var(--muted); font-size: 0.85em; }

@media (max-width: 760px) {
  body { padding: 0 12px 32px; }
  .glance { grid-template-columns: 1fr 1fr; }
  .masthead .meta { text-align: left; }
  .bar { width: 56px; }
  thead th { letter-spacing: 0; }
  .verdict-tile { grid-column: 1 / -1; }
  table { display: block; overflow-x: auto; }
  .check thead { display: none; }
  .check table.findings, .check table.findings > tbody, .check table.findings > tbody > tr, .check table.findings > tbody > tr > th, .check table.findings > tbody > tr > td { display: block; width: auto !important; }
  .check table.findings > tbody > tr { border-bottom: 1px solid var(--line); padding: 6px 0; }
  .check table.findings > tbody > tr > th, .check table.findings > tbody > tr > td { border-bottom: 0; padding: 3px 0; }
  table.ev { display: table; overflow: visible; }
  table.ev th { white-space: normal; }
  ul.folded { columns: 1; }
}
@media print {
  @page { margin: 14mm 12mm; }
  html, body { background: #fff; box-shadow: none; }
  body { max-width: none; padding: 0; font-size: 10.5pt; }
  * { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
  nav.toc, .skip { display: none; }
  h2 { break-after: avoid-page; }
  h3, h4 { break-after: avoid-page; }
  tr, .tile, .digest-box { break-inside: avoid-page; }
  .check .refs a[href]::after { content: " <" attr(href) ">"; font-size: 0.85em; color: var(--muted); }
  a { color: inherit; }
  .bar { width: 56px; }
  table { font-size: 0.86em; }
  thead th { letter-spacing: 0; font-size: 0.78em; }
  .glance { grid-template-columns: 1.4fr 1fr 1fr 1fr; }
  /* Every check with findings prints open (Chromium 131+; older browsers print its summary line); the other
     folded parts (passed checks, tables of record) print as their one-line summary. */
  details.check::details-content, details.more::details-content { content-visibility: visible; display: block; }
  details.check > summary { list-style: none; }
  .charts { grid-template-columns: 1fr 1fr; }
}
`;
