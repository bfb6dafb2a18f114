// Plugin checks run in a worker thread, one per plugin module, so that a plugin cannot end, hang or decide the
// run: process.exit in a worker ends only the worker, stray timer throws are caught there, and a check that does
// not answer within its time budget has its worker terminated. Evaluation stays synchronous for the engine
// (evaluate is pure and sync): the main thread posts a request and blocks on Atomics.wait until the worker
// signals an answer or the budget runs out, then takes the answer with receiveMessageOnPort.

import { MessageChannel, type MessagePort, Worker, receiveMessageOnPort } from 'node:worker_threads';
import type { CheckMeta } from '../sdk.js';

export const DEFAULT_PLUGIN_BUDGET_MS = 5000;
/** Starting a worker and importing the module gets at least this long, whatever the per-check budget. */
const MIN_LOAD_BUDGET_MS = 10_000;

/** A plugin misbehaved (did not answer, exited, threw, answered something unusable). */
export class PluginFault extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'PluginFault';
  }
}

type Reply =
  | { type: 'loaded'; checks: { meta: CheckMeta; evaluate: boolean }[] }
  | { type: 'load-error'; message: string }
  | { type: 'result'; output: unknown }
  | { type: 'threw'; message: string }
  | { type: 'invalid'; message: string }
  | { type: 'exited'; code: number; idle?: boolean };

// Plain CommonJS run with `eval: true`, so the same text works from dist/ and from the TypeScript sources
// under test. It must stay self-contained (no imports from this project).
const WORKER_SOURCE = String.raw`
const { workerData } = require('node:worker_threads');
const { url, port, flag } = workerData;
const signal = new Int32Array(flag);
let mod;
let checks = [];
// Plugin console output is diagnostics: it goes to stderr, never into a report on stdout. Written to fd 2
// directly: a worker's own stdio streams reach the process through the main thread's event loop, so output could
// be lost at exit, and piping them would keep the process alive after the report.
const { writeSync } = require('node:fs');
const toStderr = (chunk, encoding, cb) => {
  try {
    writeSync(2, typeof chunk === 'string' ? chunk : Buffer.from(chunk));
  } catch {}
  const done = typeof encoding === 'function' ? encoding : cb;
  if (typeof done === 'function') done();
  return true;
};
process.stdout.write = toStderr;
process.stderr.write = toStderr;
function reply(msg) {
  try {
    port.postMessage(msg);
  } catch (err) {
    // Functions, symbols and the like cannot cross threads: the answer is unusable, say why.
    port.postMessage({ type: 'invalid', message: 'returned a value that is not plain data (' + firstLine(err) + ')' });
  }
  Atomics.add(signal, 0, 1);
  Atomics.notify(signal, 0);
}
function firstLine(err) {
  const m = err && typeof err === 'object' && 'message' in err ? err.message : err;
  return String(m).split('\n')[0];
}
// A throw from a timer or a rejected promise the plugin left behind must not end anything: it is ignored here.
process.on('uncaughtException', () => {});
process.on('unhandledRejection', () => {});
// process.exit() in a worker ends only this thread; tell the waiting main thread at once instead of letting it
// wait out the budget. idle: no request was being handled (a timer left by an earlier answer), so the request
// the main thread may have posted meanwhile was never started, and is not to blame.
let busy = false;
process.on('exit', (code) => reply({ type: 'exited', code, idle: !busy }));
port.on('message', async (req) => {
  busy = true;
  try {
    await handle(req);
  } finally {
    busy = false;
  }
});
async function handle(req) {
  if (req.type === 'load') {
    try {
      mod = await import(url);
      const exported = mod.default ?? mod.checks ?? mod;
      checks = Array.isArray(exported)
        ? exported
        : exported && typeof exported === 'object' && Array.isArray(exported.checks)
          ? exported.checks
          : [exported];
      reply({ type: 'loaded', checks: checks.map((c) => ({ meta: c && typeof c === 'object' ? c.meta : undefined, evaluate: !!c && typeof c.evaluate === 'function' })) });
    } catch (err) {
      reply({ type: 'load-error', message: firstLine(err) });
    }
    return;
  }
  if (req.type === 'evaluate') {
    let output;
    try {
      output = checks[req.index].evaluate(req.input, req.ctx);
    } catch (err) {
      reply({ type: 'threw', message: firstLine(err) });
      return;
    }
    if (output && typeof output.then === 'function') {
      // evaluate must be synchronous; keep a rejected promise from surfacing anywhere.
      Promise.resolve(output).catch(() => {});
      reply({ type: 'invalid', message: 'returned a Promise (evaluate must be synchronous)' });
      return;
    }
    reply({ type: 'result', output });
  }
}
`;

interface Live {
  worker: Worker;
  port: MessagePort;
  signal: Int32Array;
}

export class PluginHost {
  readonly #url: string;
  readonly #specifier: string;
  readonly #budgetMs: number;
  #live: Live | null = null;
  #closed = false;

  constructor(url: string, specifier: string, budgetMs = DEFAULT_PLUGIN_BUDGET_MS) {
    this.#url = url;
    this.#specifier = specifier;
    this.#budgetMs = budgetMs;
  }

  get budgetMs(): number {
    return this.#budgetMs;
  }

  /** Starts a worker, imports the module there and returns each exported check's meta (as plain data). */
  load(): { meta: CheckMeta; evaluate: boolean }[] {
    const reply = this.#start();
    if (reply?.type === 'loaded') return reply.checks;
    throw new PluginFault(this.#describe(reply, 'load'));
  }

  /** Runs check `index` of the module on plain data; throws PluginFault when the plugin misbehaves. */
  evaluate(index: number, input: unknown, ctx: unknown): unknown {
    if (this.#closed) throw new PluginFault('the plugin host is closed');
    // A worker that ended after its last answer (process.exit from a timer) says so in a message still queued.
    if (this.#live && this.#drain()) this.#stop();
    if (!this.#live) {
      // An earlier check of this plugin hung or exited: a fresh worker for the next one.
      const reply = this.#start();
      if (reply?.type !== 'loaded') throw new PluginFault(this.#describe(reply, 'load'));
    }
    let reply = this.#request({ type: 'evaluate', index, input, ctx }, this.#budgetMs);
    if (reply?.type === 'exited' && reply.idle) {
      // The worker ended by itself (process.exit from a timer after its last answer) before it took this request:
      // whether that happens before or after the request arrives is timing, so ask a fresh worker, once.
      const loaded = this.#start();
      if (loaded?.type !== 'loaded') throw new PluginFault(this.#describe(loaded, 'load'));
      reply = this.#request({ type: 'evaluate', index, input, ctx }, this.#budgetMs);
    }
    if (reply?.type === 'result') return reply.output;
    // A plain throw from the check is reported like any check's throw; everything else is a plugin fault.
    if (reply?.type === 'threw') throw new Error(reply.message);
    throw new PluginFault(this.#describe(reply, 'evaluate'));
  }

  close(): void {
    this.#closed = true;
    this.#stop();
  }

  #describe(reply: Reply | null, phase: 'load' | 'evaluate'): string {
    if (reply === null) {
      const ms = phase === 'load' ? Math.max(this.#budgetMs, MIN_LOAD_BUDGET_MS) : this.#budgetMs;
      return phase === 'load' ? `did not load within ${ms} ms` : `did not return within its time budget of ${ms} ms and was stopped`;
    }
    if (reply.type === 'exited') return `called process.exit(${reply.code}) ${phase === 'load' ? 'while loading' : 'during evaluate'}; only the plugin's worker ended`;
    if (reply.type === 'threw' || reply.type === 'invalid' || reply.type === 'load-error') return reply.message;
    return `answered ${reply.type} out of turn`;
  }

  /** Takes messages nobody waited for; true when one says the worker has ended. */
  #drain(): boolean {
    let ended = false;
    for (let m = receiveMessageOnPort(this.#live!.port); m; m = receiveMessageOnPort(this.#live!.port)) {
      if ((m.message as Reply).type === 'exited') ended = true;
    }
    return ended;
  }

  #start(): Reply | null {
    this.#stop();
    const signal = new Int32Array(new SharedArrayBuffer(4));
    const { port1, port2 } = new MessageChannel();
    const worker = new Worker(WORKER_SOURCE, {
      eval: true,
      workerData: { url: this.#url, port: port2, flag: signal.buffer },
      transferList: [port2],
      // A plugin that allocates without end ends its worker (ERR_WORKER_OUT_OF_MEMORY), not the process.
      resourceLimits: { maxOldGenerationSizeMb: 1024 },
    });
    worker.on('error', () => {}); // the reply (or its absence) already tells what happened
    // The worker must never keep the process alive after the report is written.
    worker.unref();
    port1.unref();
    this.#live = { worker, port: port1, signal };
    return this.#request({ type: 'load' }, Math.max(this.#budgetMs, MIN_LOAD_BUDGET_MS));
  }

  #request(msg: unknown, budgetMs: number): Reply | null {
    const live = this.#live!;
    const before = Atomics.load(live.signal, 0);
    live.port.postMessage(msg);
    const deadline = Date.now() + budgetMs;
    for (;;) {
      if (Atomics.load(live.signal, 0) !== before) break;
      const left = deadline - Date.now();
      if (left <= 0) break;
      Atomics.wait(live.signal, 0, before, left);
    }
    const got = receiveMessageOnPort(live.port)?.message as Reply | undefined;
    if (!got) {
      this.#stop(); // hung: end it so it burns no more CPU
      return null;
    }
    if (got.type === 'exited') this.#stop();
    return got;
  }

  #stop(): void {
    const live = this.#live;
    this.#live = null;
    if (!live) return;
    live.port.close();
    void live.worker.terminate().catch(() => {});
  }
}
