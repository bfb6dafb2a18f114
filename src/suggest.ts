// "Did you mean …?" by edit distance, for names the tool checks itself (check ids, formats); commander does
// the same for flags and commands.

/** Optimal-string-alignment distance: insertions, deletions, substitutions and swaps of neighbours cost 1. */
export function editDistance(a: string, b: string): number {
  const d: number[][] = Array.from({ length: a.length + 1 }, (_, i) => [i]);
  for (let j = 1; j <= b.length; j++) d[0]![j] = j;
  for (let i = 1; i <= a.length; i++) {
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let v = Math.min(d[i - 1]![j]! + 1, d[i]![j - 1]! + 1, d[i - 1]![j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) v = Math.min(v, d[i - 2]![j - 2]! + 1);
      d[i]![j] = v;
    }
  }
  return d[a.length]![b.length]!;
}

/**
 * The closest candidates to `word`: the smallest distance wins, within a third of the longer name (at least 1,
 * so one-letter typos in short names are caught). For "area/name" ids the names without area are compared
 * too, so `replicaton-factor` and `retention/replication-factor` find `replication/replication-factor`.
 */
export function suggest(word: string, candidates: readonly string[], max = 3): string[] {
  const w = word.toLowerCase();
  let best = Infinity;
  let out: string[] = [];
  for (const c of new Set(candidates)) {
    const lc = c.toLowerCase();
    const tail = lc.slice(lc.lastIndexOf('/') + 1);
    const dist = Math.min(editDistance(w, lc), editDistance(w.slice(w.lastIndexOf('/') + 1), tail));
    const limit = Math.max(1, Math.floor(Math.max(w.length, tail.length) / 3));
    if (dist > limit) continue;
    if (dist < best) {
      best = dist;
      out = [c];
    } else if (dist === best) out.push(c);
  }
  if (out.length === 0 && w.length >= 4) {
    // No near spelling: names that contain what was typed (a fragment such as "facto").
    const tail = w.slice(w.lastIndexOf('/') + 1);
    out = [...new Set(candidates)].filter((c) => tail.length >= 4 && c.toLowerCase().includes(tail));
  }
  return out.slice(0, max);
}

/** " (did you mean a or b?)" or "" — to append to an error message. */
export function didYouMean(word: string, candidates: readonly string[]): string {
  const s = suggest(word, candidates);
  return s.length ? ` (did you mean ${s.join(' or ')}?)` : '';
}
