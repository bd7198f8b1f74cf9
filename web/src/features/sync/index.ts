// Live sync (docs/live-sync.md): loaded on its own after the notes page renders.
export { LiveSync, reconnectDelay, type LiveStatus } from './live-sync';
export { LiveIndicator } from './live-indicator';
