// The write probe's own report section (report.probe) in every format, with a hostile topic name and client error
// (cluster data is untrusted), a client that could not run here (with its reason) and burst numbers.
import { beforeAll, describe, expect, it } from 'vitest';
import { defaultConfig } from '../../src/config/readiness.js';
import { buildRegistry } from '../../src/engine/registry.js';
import { evaluateSnapshot } from '../../src/pipeline.js';
import type { Report } from '../../src/report/model.js';
import { renderers } from '../../src/report/render.js';
import { sarifValidate, xsdErrors } from '../helpers/output-schemas.js';
import { BURST, HOSTILE, probeArtifact } from '../helpers/probe.js';
import { makeSnapshot } from '../helpers/snapshot.js';

let report: Report;
let failedBurst: Report;
let plain: Report;

beforeAll(async () => {
  const config = defaultConfig();
  const setup = { config, registry: await buildRegistry(config) };
  report = evaluateSnapshot(makeSnapshot({ probe: { ok: true, value: probeArtifact() } }), setup);
  failedBurst = evaluateSnapshot(makeSnapshot({ probe: { ok: true, value: probeArtifact({ ok: false, error: { reason: 'error', message: 'burst: consumer 1 not retriable after reading 10 of 20000 records: <b>x</b>' } }) } }), setup);
  plain = evaluateSnapshot(makeSnapshot(), setup);
});

describe('write probe section', () => {
  it('json: the matrix per capability in client order, the unavailable client with its reason, the burst numbers', () => {
    const out = JSON.parse(renderers.json(report)) as Report;
    expect(out.probe).toEqual(report.probe);
    expect(out.probe!.matrix.map((r) => [r.capability, r.cells.map((c) => `${c.client} ${c.status}`)])).toEqual([
      ['produce-consume', ['platformatic pass', 'kafkajs pass']],
      ['compression-zstd', ['platformatic fail', 'kafkajs unsupported']],
    ]);
    expect(out.probe!.clients.find((c) => c.name === 'java')).toEqual({ name: 'java', library: 'java', version: null, available: false, reason: 'no java on the PATH' });
    expect(out.probe!.burst).toEqual({ status: 'measured', numbers: BURST });
    expect(out.probe!.topic!.name).toBe(HOSTILE);
    expect(JSON.parse(renderers.json(failedBurst)).probe.burst).toEqual({ status: 'unknown', reason: 'burst: consumer 1 not retriable after reading 10 of 20000 records: <b>x</b>' });
    expect(JSON.parse(renderers.json(plain)).probe).toBeUndefined();
  });

  it('text: matrix rows, the missing client, the numbers; control characters escaped', () => {
    const out = renderers.text(report, { color: false });
    expect(out).toContain('Write probe: topic kafka-readiness.probe.<img src=x onerror=alert(1)>|*_\\x1b[2J (created by the probe, 3 partition(s)), 61.2 s');
    expect(out).toContain('  client java (java): not available here: no java on the PATH');
    expect(out).toMatch(/ {2}compression-zstd +FAIL +unsupported/);
    expect(out).toContain('    platformatic compression-zstd FAIL: failed: <script>x</script>\\x1b]0;t\\x07');
    expect(out).toContain('    produce: 5000 records/s (4.9 MB/s) in 4000 ms; latency p50 80.5 ms, p99 600.1 ms, max 700.2 ms');
    expect(out).toContain('    catch-up: 3 consumer(s) drained the backlog in 5000 ms (4000 records/s, 3.9 MB/s)');
    expect(out).toContain('recovered from (streams reopened, time included): consumer 2: fetch failed 6 times. (Connection closed)');
    expect(out).toContain('  left to expire (transactional ids cannot be deleted): kafka-readiness.probe.abc.kafkajs.tx');
    expect(out).not.toMatch(/[\u001b\u0007]/);
    expect(renderers.text(failedBurst, { color: false })).toContain('    UNKNOWN: burst: consumer 1 not retriable after reading 10 of 20000 records: <b>x</b>');
    expect(renderers.text(plain, { color: false })).not.toContain('Write probe');
  });

  it('markdown: a matrix table and the numbers, names escaped', () => {
    const out = renderers.markdown(report);
    expect(out).toContain('#### Write probe');
    expect(out).toContain('| capability | platformatic (platformatic-kafka 1.35.0) | kafkajs (kafkajs 2.2.4) |');
    expect(out).toContain('| <code>compression-zstd</code> | **FAIL** | **unsupported** |');
    expect(out).toContain('- <code>java (java)</code> not available here: no java on the PATH');
    expect(out).toContain('topic kafka-readiness.probe.&lt;img src=x onerror=alert(1)&gt;\\|\\*\\_\\\\x1b\\[2J');
    expect(out).toContain('- produce: 5000 records/s (4.9 MB/s) in 4000 ms; latency p50 80.5 ms, p99 600.1 ms, max 700.2 ms');
    expect(out).not.toMatch(/<img|<script|<b>/);
    expect(renderers.markdown(failedBurst)).toContain('- UNKNOWN: burst: consumer 1 not retriable after reading 10 of 20000 records: &lt;b&gt;x&lt;/b&gt;');
    expect(renderers.markdown(plain)).not.toContain('Write probe');
  });

  it('html: a section with a matrix table and a table-of-contents entry, names escaped', () => {
    const out = renderers.html(report);
    expect(out).toContain('<a href="#probe">Write probe</a>');
    expect(out).toContain('<h2 id="probe-h">Write probe</h2>');
    expect(out).toContain('<th scope="row"><code>compression-zstd</code></th><td title="failed: &lt;script&gt;x&lt;/script&gt;\\x1b]0;t\\x07"><span class="badge st-fail">FAIL</span>');
    expect(out).toContain('<li><code>java (java)</code> not available here: no java on the PATH</li>');
    expect(out).toContain('<li>catch-up: 3 consumer(s) drained the backlog in 5000 ms (4000 records/s, 3.9 MB/s)</li>');
    expect(out).not.toMatch(/<img|<script|<b>x/);
    expect(renderers.html(plain)).not.toContain('id="probe"');
  });

  it('junit: a probe suite with the numbers as properties and a testcase per cell, judging left to the checks; valid against both XSDs', async () => {
    const out = renderers.junit(report, { color: false });
    for (const xsd of ['JUnit.xsd', 'junit-10.xsd'] as const) expect(await xsdErrors(out, xsd), xsd).toEqual([]);
    const suite = out.slice(out.indexOf('<testsuite name="probe"'), out.lastIndexOf('</testsuite>'));
    expect(suite).toMatch(/^<testsuite name="probe" package="probe" id="\d+" [^>]*tests="6" failures="0" errors="0" skipped="3" time="61.2">/);
    const prop = (n: string) => new RegExp(`<property name="${n.replace(/\./g, '\\.')}" value="([^"]*)"/>`).exec(suite)?.[1];
    expect(prop('probe.burst.produceRecordsPerSec')).toBe('5000');
    expect(prop('probe.burst.latencyP99Ms')).toBe('600.1');
    expect(prop('probe.burst.drainMs')).toBe('5000');
    expect(prop('probe.topic')).toBe('kafka-readiness.probe.&lt;img src=x onerror=alert(1)&gt;|*_\\x1b[2J');
    const cases = [...suite.matchAll(/<testcase classname="probe" name="([^"]*)" time="0"(\/>|>\n {6}<skipped message="([^"]*)"\/>)/g)].map((m) => [m[1], m[3] ?? 'pass']);
    expect(cases).toEqual([
      ['probe client java', 'not available here: no java on the PATH'],
      ['probe platformatic produce-consume', 'pass'],
      ['probe kafkajs produce-consume', 'pass'],
      ['probe platformatic compression-zstd', 'fail: failed: &lt;script&gt;x&lt;/script&gt;\\x1b]0;t\\x07'],
      ['probe kafkajs compression-zstd', 'unsupported: kafkajs ships only gzip'],
      ['probe burst', 'pass'],
    ]);
    expect(out).not.toMatch(/<img|<script/);
    expect(renderers.junit(plain, { color: false })).not.toContain('name="probe"');
  });

  it('sarif: the section as a run property; valid against the OASIS SARIF 2.1.0 schema', () => {
    const log = JSON.parse(renderers.sarif(report, { color: false }));
    expect(sarifValidate(log) ? [] : sarifValidate.errors).toEqual([]);
    const run = log.runs[0];
    expect(run.properties.probe.burst.numbers.readRecordsPerSec).toBe(4000);
    expect(run.properties.probe.clients[2]).toMatchObject({ name: 'java', available: false, reason: 'no java on the PATH' });
    expect(run.properties.probe.topic.name).toBe('kafka-readiness.probe.<img src=x onerror=alert(1)>|*_\\x1b[2J');
    expect(JSON.parse(renderers.sarif(plain, { color: false })).runs[0].properties.probe).toBeUndefined();
  });
});
