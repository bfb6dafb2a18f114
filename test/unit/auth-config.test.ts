// Connection settings for the auth paths of issue 12: librdkafka/Confluent key aliases (and their conflicts),
// OAUTHBEARER/OIDC and AWS MSK IAM from flags and client.properties files.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { inspect } from 'node:util';
import { describe, expect, it } from 'vitest';
import { buildConnectionOptions } from '../../src/commands/connection.js';
import { ConfigError, UsageError } from '../../src/errors.js';

const dir = mkdtempSync(path.join(tmpdir(), 'kr-auth-'));
function file(name: string, text: string): string {
  const f = path.join(dir, name);
  writeFileSync(f, text);
  return f;
}
const CA = '-----BEGIN CERTIFICATE-----\nMIIB\n-----END CERTIFICATE-----\n';
const KEY = '-----BEGIN PRIVATE KEY-----\nkey-material-secret\n-----END PRIVATE KEY-----\n';

function failure(fn: () => unknown): Error {
  try {
    fn();
  } catch (err) {
    return err as Error;
  }
  throw new Error('expected a failure');
}

describe('Confluent Cloud / librdkafka client files', () => {
  it('reads a Confluent-Cloud-shaped file: single-quoted JAAS, sasl.mechanisms, ssl.ca.location', () => {
    file('ca.pem', CA);
    const f = file(
      'ccloud.properties',
      [
        '# Required connection configs for Kafka producer, consumer, and admin',
        'bootstrap.servers=pkc-abc12.eu-west-1.aws.confluent.cloud:9092',
        'security.protocol=SASL_SSL',
        "sasl.jaas.config=org.apache.kafka.common.security.plain.PlainLoginModule required username='ABCDEFGH12345678' password='cflt secret with spaces+/=';",
        'sasl.mechanisms=PLAIN',
        'ssl.ca.location=ca.pem',
        'session.timeout.ms=45000',
        '',
      ].join('\n'),
    );
    const c = buildConnectionOptions({ commandConfig: f }, {});
    expect(c).toMatchObject({ bootstrap: ['pkc-abc12.eu-west-1.aws.confluent.cloud:9092'], securityProtocol: 'SASL_SSL', sasl: { mechanism: 'PLAIN', username: 'ABCDEFGH12345678' }, tls: { ca: CA, verifyHostname: true } });
    expect(c.sasl!.password.reveal()).toBe('cflt secret with spaces+/=');
    expect(inspect(c, { depth: 6 }) + JSON.stringify(c)).not.toContain('cflt secret');
  });

  it('takes sasl.username / sasl.password, lower-case protocol and ssl.*.location PEM files', () => {
    file('client.pem', CA);
    file('client.key', KEY);
    const f = file(
      'rdkafka.properties',
      'metadata.broker.list=h1:9093\nsecurity.protocol=sasl_ssl\nsasl.mechanisms=SCRAM-SHA-512\nsasl.username=svc\nsasl.password=pw with space\nssl.certificate.location=client.pem\nssl.key.location=client.key\nssl.key.password=kp\nssl.endpoint.identification.algorithm=none\n',
    );
    const c = buildConnectionOptions({ commandConfig: f }, {});
    expect(c).toMatchObject({ bootstrap: ['h1:9093'], securityProtocol: 'SASL_SSL', sasl: { mechanism: 'SCRAM-SHA-512', username: 'svc' }, tls: { cert: CA, verifyHostname: false } });
    expect(c.sasl!.password.reveal()).toBe('pw with space');
    expect(c.tls!.key!.reveal()).toBe(KEY);
    expect(c.tls!.keyPassword!.reveal()).toBe('kp');
  });

  it('agreeing spellings are fine; conflicting spellings are a clear exit-2 error that never shows a secret', () => {
    const same = file('same.properties', 'security.protocol=SASL_PLAINTEXT\nsasl.mechanism=PLAIN\nsasl.mechanisms=plain\nsasl.username=u\nsasl.jaas.config=org.apache.kafka.common.security.plain.PlainLoginModule required username="u" password="p";\n');
    expect(buildConnectionOptions({ commandConfig: same, bootstrapServer: 'h:1' }, {}).sasl).toMatchObject({ mechanism: 'PLAIN', username: 'u' });

    const mech = failure(() => buildConnectionOptions({ commandConfig: file('m.properties', 'security.protocol=SASL_SSL\nsasl.mechanism=PLAIN\nsasl.mechanisms=SCRAM-SHA-256\n'), bootstrapServer: 'h:1' }, {}));
    expect(mech).toBeInstanceOf(ConfigError);
    expect(mech.message).toBe('m.properties:3: sasl.mechanisms and sasl.mechanism (line 2) are two spellings of one setting with different values ("SCRAM-SHA-256" vs "PLAIN"); keep one'.replace('m.properties', path.join(dir, 'm.properties')));

    const pw = failure(() =>
      buildConnectionOptions({ commandConfig: file('p.properties', 'security.protocol=SASL_SSL\nsasl.mechanism=PLAIN\nsasl.jaas.config=org.apache.kafka.common.security.plain.PlainLoginModule required username="u" password="first-secret";\nsasl.password=second-secret\n'), bootstrapServer: 'h:1' }, {}),
    );
    expect(pw).toBeInstanceOf(ConfigError);
    expect(pw.message).toBe(`${path.join(dir, 'p.properties')}:4: sasl.password and sasl.jaas.config password (line 3) are two spellings of one setting with different values; keep one`);
    const user = failure(() =>
      buildConnectionOptions({ commandConfig: file('u.properties', 'security.protocol=SASL_SSL\nsasl.mechanism=PLAIN\nsasl.username=bob\nsasl.jaas.config=org.apache.kafka.common.security.plain.PlainLoginModule required username="alice" password="p";\n'), bootstrapServer: 'h:1' }, {}),
    );
    expect(user.message).toMatch(/u\.properties:3: sasl\.username and sasl\.jaas\.config username \(line 4\) are two spellings of one setting with different values \("bob" vs "alice"\); keep one$/);
    expect(pw.message).not.toMatch(/first-secret|second-secret/);

    file('ca2.pem', CA);
    const ca = failure(() => buildConnectionOptions({ commandConfig: file('ca.properties', 'security.protocol=SSL\nssl.truststore.type=PEM\nssl.truststore.location=ca2.pem\nssl.ca.location=ca2.pem\n'), bootstrapServer: 'h:1' }, {}));
    expect(ca.message).toMatch(/ca\.properties:4: ssl\.ca\.location and ssl\.truststore\.location \(line 3\) are two spellings/);

    const key = failure(() => buildConnectionOptions({ commandConfig: file('k.properties', 'security.protocol=SSL\nssl.keystore.type=PEM\nssl.keystore.key=AAA-secret\nssl.key.pem=BBB-secret\n'), bootstrapServer: 'h:1' }, {}));
    expect(key.message).toMatch(/k\.properties:4: ssl\.key\.pem and ssl\.keystore\.key \(line 3\)/);
    expect(key.message).not.toMatch(/secret/);
  });

  it('refuses librdkafka settings it will not honour', () => {
    const f = file('noverify.properties', 'security.protocol=SSL\nenable.ssl.certificate.verification=false\n');
    expect(failure(() => buildConnectionOptions({ commandConfig: f, bootstrapServer: 'h:1' }, {})).message).toMatch(/noverify\.properties:2: enable\.ssl\.certificate\.verification — broker certificates are always verified/);
    const g = file('jaasbad.properties', "security.protocol=SASL_SSL\nsasl.mechanism=PLAIN\nsasl.jaas.config=org.apache.kafka.common.security.plain.PlainLoginModule required username='u' password=hunter 2;\n");
    const e = failure(() => buildConnectionOptions({ commandConfig: g, bootstrapServer: 'h:1' }, {}));
    expect(e).toBeInstanceOf(ConfigError);
    expect(e.message).toMatch(/jaasbad\.properties:3: sasl\.jaas\.config: Value not specified for option 3 of PlainLoginModule/);
    expect(e.message).not.toContain('hunter');
  });
});

describe('OAUTHBEARER (OIDC client credentials)', () => {
  it('from flags, with the secret from a file or the environment, never argv', () => {
    const secretFile = file('client-secret', 'oidc-client-secret-value\n');
    const a = buildConnectionOptions(
      { bootstrapServer: 'h:1', securityProtocol: 'SASL_SSL', saslMechanism: 'oauthbearer', oauthTokenEndpoint: 'https://idp.example/token', oauthClientId: 'scanner', oauthClientSecretFile: secretFile, oauthScope: 'kafka', oauthAudience: 'urn:kafka' },
      {},
    );
    expect(a.oauth).toMatchObject({ mechanism: 'OAUTHBEARER', tokenEndpoint: 'https://idp.example/token', clientId: 'scanner', scope: 'kafka', audience: 'urn:kafka' });
    expect(a.oauth!.mechanism === 'OAUTHBEARER' && a.oauth!.clientSecret.reveal()).toBe('oidc-client-secret-value');
    expect(a.sasl).toBeUndefined();
    expect(JSON.stringify(a) + inspect(a, { depth: 6 })).not.toContain('oidc-client-secret-value');

    const b = buildConnectionOptions({ bootstrapServer: 'h:1', securityProtocol: 'SASL_PLAINTEXT', saslMechanism: 'OAUTHBEARER', oauthTokenEndpoint: 'http://127.0.0.1:1/t', oauthClientId: 'c' }, { KAFKA_READINESS_OAUTH_CLIENT_SECRET: 'from-env' });
    expect(b.oauth!.mechanism === 'OAUTHBEARER' && b.oauth!.clientSecret.reveal()).toBe('from-env');

    const missing = failure(() => buildConnectionOptions({ bootstrapServer: 'h:1', securityProtocol: 'SASL_SSL', saslMechanism: 'OAUTHBEARER', oauthTokenEndpoint: 'https://idp/t', oauthClientId: 'c' }, {}));
    expect(missing).toBeInstanceOf(UsageError);
    expect(missing.message).toMatch(/needs a client secret: --oauth-client-secret-file .* \(never on the command line\)/);
    expect(failure(() => buildConnectionOptions({ bootstrapServer: 'h:1', securityProtocol: 'SASL_SSL', saslMechanism: 'OAUTHBEARER', oauthClientId: 'c' }, { KAFKA_READINESS_OAUTH_CLIENT_SECRET: 'x' })).message).toMatch(/needs a token endpoint/);
    expect(failure(() => buildConnectionOptions({ bootstrapServer: 'h:1', securityProtocol: 'SASL_SSL', saslMechanism: 'OAUTHBEARER', oauthTokenEndpoint: 'ftp://x/t', oauthClientId: 'c' }, { KAFKA_READINESS_OAUTH_CLIENT_SECRET: 'x' })).message).toMatch(/http\(s\) URL/);
    expect(failure(() => buildConnectionOptions({ bootstrapServer: 'h:1', securityProtocol: 'SASL_SSL', saslMechanism: 'PLAIN', oauthClientId: 'c' }, {})).message).toMatch(/--oauth-\*\/--aws-\* options need --sasl-mechanism OAUTHBEARER or AWS_MSK_IAM/);
  });

  it('from a Java client file (token endpoint + OAuthBearerLoginModule clientId/clientSecret/scope)', () => {
    const f = file(
      'oauth.properties',
      [
        'bootstrap.servers=h:9092',
        'security.protocol=SASL_SSL',
        'sasl.mechanism=OAUTHBEARER',
        'sasl.oauthbearer.token.endpoint.url=https://idp.example/oauth2/token',
        'sasl.login.callback.handler.class=org.apache.kafka.common.security.oauthbearer.OAuthBearerLoginCallbackHandler',
        "sasl.jaas.config=org.apache.kafka.common.security.oauthbearer.OAuthBearerLoginModule required clientId='scanner' clientSecret='s3cr3t with space' scope='kafka.read';",
        '',
      ].join('\n'),
    );
    const c = buildConnectionOptions({ commandConfig: f }, {});
    expect(c.oauth).toMatchObject({ mechanism: 'OAUTHBEARER', tokenEndpoint: 'https://idp.example/oauth2/token', clientId: 'scanner', scope: 'kafka.read' });
    expect(c.oauth!.mechanism === 'OAUTHBEARER' && c.oauth!.clientSecret.reveal()).toBe('s3cr3t with space');
  });

  it('from a librdkafka file (sasl.oauthbearer.method=oidc, client.id/secret) and refuses other methods and handlers', () => {
    const f = file('rd-oauth.properties', 'bootstrap.servers=h:9092\nsecurity.protocol=SASL_SSL\nsasl.mechanisms=OAUTHBEARER\nsasl.oauthbearer.method=oidc\nsasl.oauthbearer.client.id=scanner\nsasl.oauthbearer.client.secret=rd-secret\nsasl.oauthbearer.token.endpoint.url=https://idp/t\nsasl.oauthbearer.scope=kafka\n');
    const c = buildConnectionOptions({ commandConfig: f }, {});
    expect(c.oauth).toMatchObject({ clientId: 'scanner', scope: 'kafka' });
    const m = file('rd-default.properties', 'security.protocol=SASL_SSL\nsasl.mechanisms=OAUTHBEARER\nsasl.oauthbearer.method=default\n');
    expect(failure(() => buildConnectionOptions({ commandConfig: m, bootstrapServer: 'h:1' }, {})).message).toMatch(/rd-default\.properties:3: sasl\.oauthbearer\.method default is not supported/);
    const h = file('handler.properties', 'security.protocol=SASL_SSL\nsasl.mechanism=OAUTHBEARER\nsasl.login.callback.handler.class=com.example.MyHandler\n');
    expect(failure(() => buildConnectionOptions({ commandConfig: h, bootstrapServer: 'h:1' }, {})).message).toMatch(/handler\.properties:3: sasl\.login\.callback\.handler\.class com\.example\.MyHandler is not supported/);
    const both = file('both.properties', "security.protocol=SASL_SSL\nsasl.mechanism=OAUTHBEARER\nsasl.oauthbearer.client.secret=one-secret\nsasl.jaas.config=org.apache.kafka.common.security.oauthbearer.OAuthBearerLoginModule required clientId='c' clientSecret='two-secret';\n");
    const e = failure(() => buildConnectionOptions({ commandConfig: both, bootstrapServer: 'h:1' }, {}));
    expect(e.message).toMatch(/two spellings of one setting with different values; keep one/);
    expect(e.message).not.toMatch(/one-secret|two-secret/);
  });
});

describe('AWS MSK IAM', () => {
  const msk = 'b-1.prod.abc123.c2.kafka.eu-central-1.amazonaws.com:9098';
  it('takes the region from the MSK host, --aws-region or AWS_REGION, and the profile from flag or JAAS', () => {
    expect(buildConnectionOptions({ bootstrapServer: msk, securityProtocol: 'SASL_SSL', saslMechanism: 'AWS_MSK_IAM' }, {}).oauth).toEqual({ mechanism: 'AWS_MSK_IAM', region: 'eu-central-1' });
    expect(buildConnectionOptions({ bootstrapServer: 'h:1', securityProtocol: 'SASL_SSL', saslMechanism: 'AWS_MSK_IAM', awsRegion: 'us-west-2', awsProfile: 'scan' }, {}).oauth).toEqual({ mechanism: 'AWS_MSK_IAM', region: 'us-west-2', profile: 'scan' });
    expect(buildConnectionOptions({ bootstrapServer: 'h:1', securityProtocol: 'SASL_SSL', saslMechanism: 'AWS_MSK_IAM' }, { AWS_REGION: 'ap-south-1' }).oauth).toEqual({ mechanism: 'AWS_MSK_IAM', region: 'ap-south-1' });
    expect(failure(() => buildConnectionOptions({ bootstrapServer: 'h:1', securityProtocol: 'SASL_SSL', saslMechanism: 'AWS_MSK_IAM' }, {})).message).toMatch(/AWS_MSK_IAM needs a region/);
    expect(failure(() => buildConnectionOptions({ bootstrapServer: 'h:1', securityProtocol: 'SASL_SSL', saslMechanism: 'AWS_MSK_IAM', awsRegion: 'Frankfurt' }, {})).message).toMatch(/not an AWS region name/);
    const f = file(
      'msk.properties',
      `bootstrap.servers=${msk}\nsecurity.protocol=SASL_SSL\nsasl.mechanism=AWS_MSK_IAM\nsasl.jaas.config=software.amazon.msk.auth.iam.IAMLoginModule required awsProfileName="readonly";\nsasl.client.callback.handler.class=software.amazon.msk.auth.iam.IAMClientCallbackHandler\n`,
    );
    expect(buildConnectionOptions({ commandConfig: f }, {}).oauth).toEqual({ mechanism: 'AWS_MSK_IAM', region: 'eu-central-1', profile: 'readonly' });
    const role = file('msk-role.properties', 'security.protocol=SASL_SSL\nsasl.mechanism=AWS_MSK_IAM\nsasl.jaas.config=software.amazon.msk.auth.iam.IAMLoginModule required awsRoleArn="arn:aws:iam::1:role/x";\n');
    expect(failure(() => buildConnectionOptions({ commandConfig: role, bootstrapServer: msk }, {})).message).toMatch(/awsRoleArn .* not supported; use a profile with role_arn/);
  });
});
