// Moved to src/model/snapshot.ts (the shared snapshot model sits below every layer); this re-export keeps
// other branches compiling until the integrator removes it.
export * from '../model/snapshot.js';
