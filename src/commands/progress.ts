// A one-line status on stderr while a scan gathers: which artifacts are being read, how many are done, what
// was found so far, elapsed time, and during --observe a countdown. Only for a person at a terminal: when
// stderr is not a TTY (piped, CI logs) or with --quiet nothing is written, so reports and logs stay clean.
// Counts come from the tool's own results (numbers and artifact names), never from cluster-supplied text.

import type { GatherEvent } from '../gather/gather.js';
import { formatDuration } from '../duration.js';

export interface ProgressReporter {
  onEvent(event: GatherEvent): void;
  /** Clears the status line and prints one summary line (or nothing when nothing was shown). */
  finish(summary?: string): void;
}

type Stream = Pick<NodeJS.WriteStream, 'write'> & { isTTY?: boolean; columns?: number };

/** Progress is shown on a terminal unless --quiet or --verbose (whose log lines would collide with it). */
export function progressWanted(stderr: { isTTY?: boolean }, flags: { quiet?: boolean; verbose?: boolean }): boolean {
  return Boolean(stderr.isTTY) && !flags.quiet && !flags.verbose;
}

/** Whole seconds for a status line ("0s", "42s", "1m5s"). */
function clock(ms: number): string {
  return formatDuration(Math.max(0, Math.floor(ms / 1000)) * 1000 || 0).replace(/^0ms$/, '0s');
}

function countOf(result: unknown): number | undefined {
  if (!result || typeof result !== 'object') return undefined;
  const a = result as { ok?: boolean; value?: unknown };
  if (a.ok !== true) return undefined;
  if (Array.isArray(a.value)) return a.value.length;
  if (a.value && typeof a.value === 'object') return Object.keys(a.value).length;
  return undefined;
}

export function createProgress(stream: Stream, opts: { target: string; now?: () => number; tickMs?: number }): ProgressReporter {
  const now = opts.now ?? Date.now;
  const started = now();
  const reading = new Set<string>();
  const found: string[] = [];
  let done = 0;
  let total = 1; // metadata first; the parallel artifacts are counted as they start
  let wait: Extract<GatherEvent, { type: 'wait' }> | undefined;
  let shown = false;

  const render = () => {
    const elapsed = clock(now() - started);
    let line: string;
    if (wait) {
      const left = Math.max(0, wait.endsAt - now());
      const next = Math.max(0, wait.dueAt - now());
      line = `observing: sample ${wait.sample}/${wait.of} in ${clock(next)}, ${clock(left)} of the window left · ${elapsed}`;
    } else if (done === 0 && reading.has('metadata')) {
      line = `connecting to ${opts.target} · ${elapsed}`;
    } else {
      const what = [...reading].slice(0, 3).join(', ') + (reading.size > 3 ? ` +${reading.size - 3}` : '');
      line = `reading ${what || 'results'} · ${done}/${total} artifacts${found.length ? ` · ${found.join(', ')}` : ''} · ${elapsed}`;
    }
    // A pseudo-terminal without a size reports 0 columns.
    const width = Math.max(20, (stream.columns || 100) - 1);
    if (line.length > width) line = `${line.slice(0, width - 1)}…`;
    // \r + erase line: the status rewrites itself instead of scrolling.
    stream.write(`\r\x1b[2K${line}`);
    shown = true;
  };
  const timer = setInterval(render, opts.tickMs ?? 1000);
  timer.unref();

  return {
    onEvent(e) {
      if (e.type === 'start') {
        if (!reading.has(e.name) && e.name !== 'metadata') total++;
        reading.add(e.name);
        wait = undefined;
      } else if (e.type === 'done') {
        reading.delete(e.name);
        done++;
        if (e.name === 'metadata' && e.result && typeof e.result === 'object') {
          const m = e.result as { brokers?: unknown[]; topics?: unknown[] };
          if (Array.isArray(m.brokers)) found.push(`${m.brokers.length} brokers`);
          if (Array.isArray(m.topics)) found.push(`${m.topics.length} topics`);
        } else if (e.name === 'groups' || e.name === 'acls') {
          // The groups step answers groups and their offsets together.
          const n = countOf(e.name === 'groups' ? (e.result as { groups?: unknown } | undefined)?.groups : e.result);
          if (n !== undefined) found.push(`${n} ${e.name === 'acls' ? 'ACLs' : 'groups'}`);
        }
      } else {
        wait = e;
      }
      render();
    },
    finish(summary) {
      clearInterval(timer);
      if (!shown) return;
      stream.write('\r\x1b[2K');
      if (summary) stream.write(`${summary} in ${formatDuration(now() - started)}\n`);
    },
  };
}
