import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { inspect } from 'node:util';
import { describe, expect, it } from 'vitest';
import { buildConnectionOptions } from '../../src/commands/connection.js';
import { parseJaas, parseProperties, propertiesToConnection } from '../../src/config/properties.js';
import { ConfigError, UsageError } from '../../src/errors.js';

const dir = mkdtempSync(path.join(tmpdir(), 'kr-props-'));
function propsFile(name: string, text: string): string {
  const f = path.join(dir, name);
  writeFileSync(f, text);
  return f;
}

describe('client.properties', () => {
  it('parses separators, comments and continuations like java.util.Properties', () => {
    const p = parseProperties('# c\n! c\na=1\nb : 2\nc 3\nlong = x\\\n   y\nesc=a\\=b\n');
    expect(Object.fromEntries(p.values)).toEqual({ a: '1', b: '2', c: '3', long: 'xy', esc: 'a=b' });
    expect(p.lines.get('long')).toBe(6);
  });

  it('reads SCRAM credentials from sasl.jaas.config', () => {
    const jaas = parseJaas('org.apache.kafka.common.security.scram.ScramLoginModule required username="svc" password="p\\"w;d";');
    expect(jaas?.options.get('username')).toBe('svc');
    expect(jaas?.options.get('password')).toBe('p"w;d');
    const c = propertiesToConnection(
      parseProperties('bootstrap.servers=h1:9092,h2:9092\nsecurity.protocol=SASL_SSL\nsasl.mechanism=SCRAM-SHA-512\nsasl.jaas.config=org.apache.kafka.common.security.scram.ScramLoginModule required username="svc" password="s3cr3t-value";\nssl.endpoint.identification.algorithm=\n'),
      'c.properties',
    );
    expect(c).toMatchObject({ bootstrap: ['h1:9092', 'h2:9092'], securityProtocol: 'SASL_SSL', sasl: { mechanism: 'SCRAM-SHA-512', username: 'svc' }, tls: { verifyHostname: false } });
    expect(c.sasl!.password!.reveal()).toBe('s3cr3t-value');
    expect(JSON.stringify(c)).not.toContain('s3cr3t-value');
    expect(inspect(c, { depth: 5 })).not.toContain('s3cr3t-value');
  });

  it('refuses JKS truststores by name with the line, never echoing passwords', () => {
    const f = propsFile('jks.properties', 'security.protocol=SSL\nssl.truststore.location=/x/truststore.jks\nssl.truststore.password=hunter2-secret\n');
    try {
      buildConnectionOptions({ commandConfig: f, bootstrapServer: 'h:1' });
      throw new Error('expected failure');
    } catch (err) {
      expect(err).toBeInstanceOf(ConfigError);
      expect((err as Error).message).toMatch(/jks\.properties:3: ssl\.truststore\.password — only PEM truststores are supported/);
      expect((err as Error).message).not.toContain('hunter2');
    }
    const f2 = propsFile('jks2.properties', 'security.protocol=SSL\nssl.truststore.location=/x/truststore.jks\n');
    expect(() => buildConnectionOptions({ commandConfig: f2, bootstrapServer: 'h:1' })).toThrow(/jks2\.properties:2: ssl\.truststore\.type JKS \(the default\) is not supported; convert/);
  });

  it('refuses unsupported SASL mechanisms clearly', () => {
    const f = propsFile('gssapi.properties', 'security.protocol=SASL_SSL\nsasl.mechanism=GSSAPI\n');
    expect(() => buildConnectionOptions({ commandConfig: f })).toThrow(/gssapi\.properties:2: sasl\.mechanism GSSAPI is not supported; use PLAIN, SCRAM-SHA-256, SCRAM-SHA-512, OAUTHBEARER, AWS_MSK_IAM/);
  });
});

describe('connection flags', () => {
  it('takes the password from a file or an environment variable, never argv', () => {
    const pw = propsFile('pw.txt', 'from-file\n');
    const a = buildConnectionOptions({ bootstrapServer: 'h:1', securityProtocol: 'SASL_PLAINTEXT', saslMechanism: 'SCRAM-SHA-256', username: 'u', passwordFile: pw });
    expect(a.sasl!.password.reveal()).toBe('from-file');
    const b = buildConnectionOptions({ bootstrapServer: 'h:1', securityProtocol: 'SASL_PLAINTEXT', saslMechanism: 'PLAIN', username: 'u', passwordEnv: 'MY_PW' }, { MY_PW: 'from-env' });
    expect(b.sasl!.password.reveal()).toBe('from-env');
    expect(() => buildConnectionOptions({ bootstrapServer: 'h:1', securityProtocol: 'SASL_PLAINTEXT', saslMechanism: 'PLAIN', username: 'u' }, {})).toThrow(UsageError);
  });

  it('rejects malformed bootstrap servers and timeouts', () => {
    expect(() => buildConnectionOptions({ bootstrapServer: 'nohostport' })).toThrow(/not host:port/);
    expect(() => buildConnectionOptions({ bootstrapServer: 'h:1', timeout: 'soon' })).toThrow(/duration/);
    expect(buildConnectionOptions({ bootstrapServer: 'h:1', timeout: '3s' })).toMatchObject({ connectTimeoutMs: 3000, requestTimeoutMs: 3000 });
  });
});
