import { spawn } from 'node:child_process';
import path from 'node:path';
import { inject } from 'vitest';

export interface ItCluster {
  version: string;
  saslBootstrap: string;
  plaintextBootstrap: string;
  /** SCRAM-SHA-512 super user properties file (bootstrap.servers included). */
  adminProps: string;
  /** PLAIN properties for alice, who may describe but lacks DESCRIBE_CONFIGS on the Cluster. */
  aliceProps: string;
  admin: { username: string; password: string };
  alice: { username: string; password: string };
  workDir: string;
  root: string;
  /** test/fixtures/readiness.it.yaml: topic policies and requirements for the seeded workload. */
  readinessYaml: string;
  /** The same workload on a Kafka 3.9.x cluster, for version-dependent assertions. */
  legacy: { version: string; saslBootstrap: string; adminProps: string };
  /** TLS listeners of the main cluster and the client files made at start (PEM). */
  tls: {
    saslSslBootstrap: string;
    sslBootstrap: string;
    adminSaslSslProps: string;
    scannerMtlsProps: string;
    scannerMtlsEncryptedKeyProps: string;
    intruderMtlsProps: string;
    noClientCertProps: string;
    caCert: string;
    clientKey: string;
    keyPassword: string;
  };
  /** The main cluster's OAUTHBEARER listener (SASL_SSL; Kafka's JWT validator) and the OpenID provider behind it. */
  oauth: {
    bootstrap: string;
    tokenEndpoint: string;
    issuer: string;
    /** GET: { tokenRequests: { <clientId>: n } } — token requests the provider answered, per client. */
    statsUrl: string;
    audience: string;
    scanner: { clientId: string; clientSecret: string };
    /** Tokens of this client live tokenTtlSeconds, shorter than an --observe window. */
    short: { clientId: string; clientSecret: string; tokenTtlSeconds: number };
    /** A super user (writes allowed): the write probe over OAUTHBEARER. */
    prober: { clientId: string; clientSecret: string };
  };
  /** A PLAIN user shaped like a Confluent Cloud API key/secret (the secret has spaces), with read-only scan ACLs. */
  ccloud: { username: string; password: string };
  /** SASL_SSL OAUTHBEARER listener whose test validator accepts MSK IAM tokens signed with this one AWS key. */
  mskIam: { bootstrap: string; accessKeyId: string; secretAccessKey: string; region: string };
  /** Options for the harness functions (stopBroker/startBroker) of the main cluster. */
  harness: { version: string; dir: string; portBase: number };
}

declare module 'vitest' {
  export interface ProvidedContext {
    cluster: ItCluster;
  }
}

export function cluster(): ItCluster {
  return inject('cluster');
}

export interface CliRun {
  code: number | null;
  stdout: string;
  stderr: string;
  ms: number;
}

/** Runs the compiled CLI as a user would (asynchronously, so test servers in this process keep answering). */
export function runCli(args: string[], opts: { env?: NodeJS.ProcessEnv; cwd?: string; timeoutMs?: number } = {}): Promise<CliRun> {
  const root = path.resolve(import.meta.dirname, '..', '..');
  const t0 = Date.now();
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [path.join(root, 'bin', 'kafka-readiness.js'), ...args], {
      cwd: opts.cwd ?? root,
      env: { ...process.env, NO_COLOR: '1', ...opts.env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d) => (stdout += d));
    child.stderr.on('data', (d) => (stderr += d));
    const timer = setTimeout(() => child.kill('SIGKILL'), opts.timeoutMs ?? 120_000);
    child.on('error', reject);
    child.on('close', (code) => {
      clearTimeout(timer);
      resolve({ code, stdout, stderr, ms: Date.now() - t0 });
    });
  });
}
