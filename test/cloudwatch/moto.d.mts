export const MOTO_VENV: string;
export const MOTO_SERVER: string;

export interface MotoServer {
  /** http://127.0.0.1:<port> */
  endpoint: string;
  port: number;
  pid: number | undefined;
  readyMs: number;
  /** SIGTERM, then SIGKILL after 5 s; resolves once the process has exited. */
  stop(): Promise<{ code: number | null; signal: NodeJS.Signals | null; error?: Error }>;
}

export interface StartMotoOptions {
  /** Default: a free port picked by the OS. */
  port?: number;
  /** Extra environment for moto_server, e.g. { INITIAL_NO_AUTH_ACTION_COUNT: '0' } to enforce IAM auth. */
  env?: Record<string, string>;
  /** Default 30 000. */
  timeoutMs?: number;
  log?: (line: string) => void;
}

export function freePort(): Promise<number>;
export function startMoto(opts?: StartMotoOptions): Promise<MotoServer>;
