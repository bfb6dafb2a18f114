// Every error the CLI knows how to report maps to one documented exit code; anything else is internal.

export const ExitCode = {
  ok: 0,
  gateFailed: 1,
  usage: 2,
  connection: 3,
  internal: 4,
} as const;

export class ReadinessError extends Error {
  readonly exitCode: number;
  constructor(message: string, exitCode: number, options?: { cause?: unknown }) {
    super(message, options);
    this.name = new.target.name;
    this.exitCode = exitCode;
  }
}

/** Bad flags or arguments. */
export class UsageError extends ReadinessError {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, ExitCode.usage, options);
  }
}

/** A config file (readiness.yaml, client.properties, snapshot) is malformed; the message names file:line:column. */
export class ConfigError extends ReadinessError {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, ExitCode.usage, options);
  }
}

/** The cluster could not be reached or refused our credentials. */
export class ConnectionError extends ReadinessError {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, ExitCode.connection, options);
  }
}

export function errorMessage(err: unknown): string {
  if (err instanceof Error) return err.message;
  return String(err);
}
