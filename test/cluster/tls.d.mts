// Type declarations for tls.mjs (test PKI for the cluster's TLS listeners).

/** File paths under <cluster dir>/tls, plus the scanner principal and the mapping rule. All PEM. */
export interface TlsFiles {
  dir: string;
  /** Our CA certificate: the PEM truststore of brokers and clients (`ca` for node:tls). */
  caCert: string;
  caKey: string;
  /** Broker certificate (shared by the 3 nodes): SAN IP:127.0.0.1, DNS:localhost; EKU serverAuth. */
  serverCert: string;
  serverKey: string;
  /** Broker ssl.keystore.location (type PEM): key + server cert + CA cert. */
  serverKeystore: string;
  /** mTLS client certificate, subject CN=scanner,OU=clients,O=kafka-readiness-test (-> User:scanner). */
  clientCert: string;
  /** Its unencrypted PKCS#8 key. */
  clientKey: string;
  /** ssl.keystore.location for the scanner (type PEM): key + scanner cert + CA cert. */
  clientKeystore: string;
  /** The scanner key as encrypted PKCS#8 (PBE-SHA1-3DES; Kafka's PEM loader cannot read PBES2) ... */
  clientKeyEncrypted: string;
  /** ... and its keystore (encrypted key + chain), for ssl.key.password = keyPassword. */
  clientKeystoreEncrypted: string;
  keyPassword: string;
  /** A second, untrusted CA and its client CN=intruder (rejected at handshake). */
  intruderCaCert: string;
  intruderCaKey: string;
  intruderCert: string;
  intruderKey: string;
  /** ssl.keystore.location for the intruder (type PEM): key + intruder cert + intruder CA cert. */
  intruderKeystore: string;
  /** "User:scanner" */
  principal: string;
  /** "CN=scanner,OU=clients,O=kafka-readiness-test" (the principal without the mapping rule). */
  scannerDn: string;
  /** ssl.principal.mapping.rules set on the brokers. */
  principalMappingRules: string;
}

export const TLS_SUBDIR: string;
export const TLS_KEY_PASSWORD: string;
export const TLS_SUBJECTS: Readonly<Record<'ca' | 'server' | 'scanner' | 'intruderCa' | 'intruder', string>>;
export const SCANNER_DN: string;
export const PRINCIPAL_MAPPING_RULES: string;
export const SCANNER_PRINCIPAL: string;
export const SERVER_SAN: string;

export function tlsFiles(clusterDir: string): TlsFiles;
export function opensslVersion(opts?: { openssl?: string }): Promise<string | null>;
export function generateTls(
  clusterDir: string,
  opts?: { openssl?: string; days?: number; bits?: number },
): Promise<{ files: TlsFiles; ms: number }>;
