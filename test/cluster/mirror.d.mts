// Type declarations for mirror.mjs.
export function ensureMirrorMaker(version?: string): string;
export function stopPid(pid: number, graceMs?: number): Promise<void>;
export function startSingleNode(opts: { dir: string; port: number; heap?: string; timeoutMs?: number }): Promise<{ pid: number; bootstrap: string; props: string; dir: string }>;
export function startMirrorMaker(opts: { dir: string; properties: string; libs: string; heap?: string }): number;
