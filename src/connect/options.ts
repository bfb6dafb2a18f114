// Moved to src/model/connection.ts (config parses connection options, so their types sit below config and connect).
export * from '../model/connection.js';
