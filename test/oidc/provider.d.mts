// Type declarations for provider.mjs.
export interface OidcProvider {
  issuer: string;
  tokenEndpoint: string;
  jwksUri: string;
  close(): Promise<void>;
}
export function startOidcProvider(opts: {
  audience: string;
  clients: { clientId: string; clientSecret: string; tokenTtlSeconds: number }[];
  port?: number;
}): Promise<OidcProvider>;
