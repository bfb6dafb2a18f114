// MSK IAM scans: the platform is MSK, and the permission advice is an IAM policy document (not kafka-acls).
import { describe, expect, it } from 'vitest';
import { detectPlatform } from '../../src/engine/platform.js';
import { mskIamPolicy, permissionReport } from '../../src/engine/permissions.js';
import { defaultConfig } from '../../src/config/readiness.js';
import { buildRegistry } from '../../src/engine/registry.js';
import { evaluateSnapshot } from '../../src/pipeline.js';
import { renderHtml } from '../../src/report/renderers/html.js';
import { renderMarkdown } from '../../src/report/renderers/markdown.js';
import { renderText } from '../../src/report/renderers/text.js';
import { makeSnapshot } from '../helpers/snapshot.js';

const HOST = 'b-1.prod-events.abc123.c2.kafka.eu-west-1.amazonaws.com';

function mskSnapshot() {
  const s = makeSnapshot({
    topicConfigs: { ok: false, error: { reason: 'denied', message: 'DescribeConfigs failed with TOPIC_AUTHORIZATION_FAILED', api: 'DescribeConfigs' } },
  });
  s.target = { bootstrap: [`${HOST}:9098`], securityProtocol: 'SASL_SSL', saslMechanism: 'AWS_MSK_IAM', principal: null };
  return s;
}

describe('MSK IAM', () => {
  it('implies the MSK platform, whatever the host names', () => {
    const s = makeSnapshot();
    s.target = { bootstrap: ['127.0.0.1:9093'], securityProtocol: 'SASL_SSL', saslMechanism: 'AWS_MSK_IAM', principal: null };
    expect(detectPlatform(s)).toEqual({ platform: 'msk', evidence: 'authenticated with AWS MSK IAM' });
  });

  it('prints the read-only scan as an IAM policy with the region and cluster name from the broker host', () => {
    const report = permissionReport(mskSnapshot(), []);
    const policy = JSON.parse(report.iamPolicy!);
    expect(policy.Version).toBe('2012-10-17');
    const actions = policy.Statement.flatMap((st: { Action: string[] }) => st.Action);
    expect(actions).toEqual([
      'kafka-cluster:Connect',
      'kafka-cluster:DescribeCluster',
      'kafka-cluster:DescribeClusterDynamicConfiguration',
      'kafka-cluster:DescribeTopic',
      'kafka-cluster:DescribeTopicDynamicConfiguration',
      'kafka-cluster:DescribeGroup',
    ]);
    expect(policy.Statement.map((st: { Resource: string }) => st.Resource)).toEqual([
      'arn:aws:kafka:eu-west-1:*:cluster/prod-events/*',
      'arn:aws:kafka:eu-west-1:*:topic/prod-events/*/*',
      'arn:aws:kafka:eu-west-1:*:group/prod-events/*/*',
    ]);
    expect(policy.Statement.every((st: { Effect: string }) => st.Effect === 'Allow')).toBe(true);
    const missing = report.readOnlyAcls.filter((a) => a.missing);
    expect(missing).toEqual([{ permission: "DESCRIBE_CONFIGS on Topic '*'", command: 'IAM policy: Allow kafka-cluster:DescribeTopicDynamicConfiguration on arn:aws:kafka:eu-west-1:*:topic/prod-events/*/*', missing: true }]);
    expect(report.readOnlyAcls.some((a) => a.command.includes('kafka-acls'))).toBe(false);
  });

  it('text, Markdown and HTML reports carry the policy document', async () => {
    const config = defaultConfig();
    const report = evaluateSnapshot(mskSnapshot(), { config, registry: await buildRegistry(config) });
    expect(report.cluster.platform).toMatchObject({ platform: 'msk' });
    const text = renderText(report, { color: false });
    expect(text).toContain('Missing permissions of the IAM identity');
    expect(text).toContain('As an IAM policy document for the scanning identity (MSK IAM):');
    expect(text).toContain('"kafka-cluster:DescribeTopicDynamicConfiguration"');
    expect(text).toContain('* IAM policy: Allow kafka-cluster:DescribeTopicDynamicConfiguration on arn:aws:kafka:eu-west-1:*:topic/prod-events/*/*');
    expect(renderMarkdown(report)).toContain('```json\n{\n  "Version": "2012-10-17"');
    expect(renderHtml(report, { jsonDigest: 'sha256-test' })).toContain('IAM policy for a full scan (MSK IAM)');
  });

  it('unknown hosts keep wildcards; other mechanisms keep kafka-acls commands and no policy', () => {
    expect(mskIamPolicy(['10.0.0.1']).resources.cluster).toBe('arn:aws:kafka:*:*:cluster/*/*');
    const plain = makeSnapshot();
    const report = permissionReport(plain, []);
    expect(report.iamPolicy).toBeUndefined();
    expect(report.readOnlyAcls[0]!.command).toMatch(/^kafka-acls\.sh /);
  });
});
