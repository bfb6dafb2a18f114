// Starts and stops moto's server (a local AWS stand-in) for the CloudWatch tests. moto is installed by
// scripts/setup-moto.sh into .cache/moto-venv; it binds 127.0.0.1 only and keeps its state in memory.
//
//   import { startMoto } from './moto.mjs';
//   const moto = await startMoto();          // { endpoint: 'http://127.0.0.1:<port>', port, pid, stop() }
//   await moto.stop();
//
// CLI: node test/cloudwatch/moto.mjs start [--port N]   (stays in the foreground until Ctrl-C)
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
export const MOTO_VENV = process.env.MOTO_VENV ?? path.join(ROOT, '.cache', 'moto-venv');
export const MOTO_SERVER = path.join(MOTO_VENV, 'bin', 'moto_server');

/** A free TCP port on 127.0.0.1 (the OS picks it; moto binds it right after). */
export function freePort() {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.unref();
    srv.on('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const addr = srv.address();
      const port = typeof addr === 'object' && addr ? addr.port : 0;
      srv.close(() => resolve(port));
    });
  });
}

const DIE_WITH_PARENT = [
  'import ctypes, os, signal, sys',
  'try:',
  '    ctypes.CDLL(None).prctl(1, signal.SIGTERM)  # PR_SET_PDEATHSIG',
  'except Exception:',
  '    pass',
  'if str(os.getppid()) != os.environ.get("MOTO_PARENT_PID", str(os.getppid())):',
  '    sys.exit(1)  # the parent is already gone',
  'os.execv(sys.argv[1], sys.argv[1:])',
].join('\n');

const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

/**
 * Starts `moto_server -H 127.0.0.1 -p <port>` and resolves once it answers HTTP.
 * @param {{ port?: number, env?: Record<string, string>, timeoutMs?: number, log?: (line: string) => void }} [opts]
 *   env: extra environment for the server, e.g. { INITIAL_NO_AUTH_ACTION_COUNT: '0' } to enforce IAM auth.
 */
export async function startMoto(opts = {}) {
  if (!existsSync(MOTO_SERVER)) {
    throw new Error(`moto_server not found at ${MOTO_SERVER}: run  bash scripts/setup-moto.sh  first`);
  }
  const timeoutMs = opts.timeoutMs ?? 30_000;
  const attempts = opts.port ? 1 : 3; // an OS-picked port can be taken in between: try another
  let lastErr;
  for (let i = 0; i < attempts; i++) {
    const port = opts.port ?? (await freePort());
    try {
      return await launch(port, opts, timeoutMs);
    } catch (err) {
      lastErr = err;
    }
  }
  throw lastErr;
}

async function launch(port, opts, timeoutMs) {
  const t0 = Date.now();
  // Started through the venv's python so that, on Linux, moto gets SIGTERM when this process dies
  // (prctl PR_SET_PDEATHSIG survives exec): a crashed test run leaves no moto_server behind.
  const child = spawn(path.join(MOTO_VENV, 'bin', 'python'), ['-c', DIE_WITH_PARENT, MOTO_SERVER, '-H', '127.0.0.1', '-p', String(port)], {
    stdio: ['ignore', 'pipe', 'pipe'],
    env: { ...process.env, ...(opts.env ?? {}), MOTO_PARENT_PID: String(process.pid) },
  });
  let output = '';
  const keep = (chunk) => {
    output = (output + chunk.toString()).slice(-4000);
  };
  child.stdout.on('data', keep);
  child.stderr.on('data', keep);
  let exited = null;
  const exitPromise = new Promise((resolve) => {
    child.on('exit', (code, signal) => {
      exited = { code, signal };
      resolve(exited);
    });
    child.on('error', (err) => {
      exited = { code: null, signal: null, error: err };
      resolve(exited);
    });
  });
  const endpoint = `http://127.0.0.1:${port}`;

  const stop = async () => {
    if (exited) return exited;
    child.kill('SIGTERM');
    const timer = setTimeout(() => {
      if (!exited) child.kill('SIGKILL');
    }, 5000);
    const res = await exitPromise;
    clearTimeout(timer);
    return res;
  };

  while (!exited) {
    if (Date.now() - t0 > timeoutMs) {
      await stop();
      throw new Error(`moto_server did not answer on ${endpoint} within ${timeoutMs} ms. Output:\n${output}`);
    }
    try {
      const res = await fetch(`${endpoint}/moto-api/data.json`, { signal: AbortSignal.timeout(1000) });
      await res.arrayBuffer();
      opts.log?.(`moto_server ${endpoint} ready in ${Date.now() - t0} ms (pid ${child.pid})`);
      return { endpoint, port, pid: child.pid, stop, readyMs: Date.now() - t0 };
    } catch {
      await sleep(100);
    }
  }
  throw new Error(`moto_server exited before answering on ${endpoint} (${JSON.stringify(exited)}). Output:\n${output}`);
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const [cmd, ...rest] = process.argv.slice(2);
  if (cmd !== 'start') {
    process.stderr.write('usage: node test/cloudwatch/moto.mjs start [--port N]\n');
    process.exit(2);
  }
  const i = rest.indexOf('--port');
  const port = i >= 0 ? Number(rest[i + 1]) : undefined;
  const moto = await startMoto({ port, log: (l) => process.stderr.write(`${l}\n`) });
  process.stdout.write(`${moto.endpoint}\n`);
  const shutdown = async () => {
    await moto.stop();
    process.exit(0);
  };
  process.on('SIGINT', shutdown);
  process.on('SIGTERM', shutdown);
}
