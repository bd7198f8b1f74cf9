import { isLiveEvent, livePing, liveProtocols, type LiveEvent } from '@jotter/shared/live';
import { ExternalStore } from '../../lib/external-store';

/** `off`: no wsUrl configured, or stopped. `connecting`: the first attempt. */
export type LiveStatus = 'off' | 'connecting' | 'live' | 'reconnecting';

export interface LiveSyncOptions {
  url: string;
  getAccessToken: () => Promise<string | null>;
  onEvent: (event: LiveEvent) => void;
  /** The connection came back after a gap: fetch what changed meanwhile. */
  onReconnected: () => void;
  /** For tests: the WebSocket constructor and the random source of the jitter. */
  createSocket?: (url: string, protocols: string[]) => WebSocket;
  random?: () => number;
}

/** Backoff between attempts: 1 s doubling up to 30 s, each a random part of that ("full jitter"). */
export function reconnectDelay(attempt: number, random: () => number = Math.random): number {
  return Math.round(random() * Math.min(30_000, 1_000 * 2 ** attempt));
}

/** Inside API Gateway's 10-minute idle timeout. */
const pingEveryMs = 5 * 60_000;

/**
 * One WebSocket per tab to the live-sync API (docs/live-sync.md): note events as they happen,
 * reconnecting with backoff and jitter, and a catch-up after every reconnect.
 */
export class LiveSync extends ExternalStore<{ status: LiveStatus }> {
  private socket: WebSocket | null = null;
  private attempt = 0;
  private everOpened = false;
  private running = false;
  private retryTimer: ReturnType<typeof setTimeout> | undefined;
  private pingTimer: ReturnType<typeof setInterval> | undefined;

  constructor(private readonly options: LiveSyncOptions) {
    super({ status: 'off' });
  }

  start() {
    if (this.running) return;
    this.running = true;
    this.set({ status: 'connecting' });
    void this.connect();
  }

  stop() {
    this.running = false;
    clearTimeout(this.retryTimer);
    clearInterval(this.pingTimer);
    this.socket?.close();
    this.socket = null;
    this.set({ status: 'off' });
  }

  private async connect() {
    const token = await this.options.getAccessToken().catch(() => null);
    if (!this.running) return;
    if (!token) return this.retry();
    const create = this.options.createSocket ?? ((url, protocols) => new WebSocket(url, protocols));
    const socket = create(this.options.url, liveProtocols(token));
    this.socket = socket;
    socket.onopen = () => {
      const wasGap = this.everOpened || this.attempt > 0;
      this.attempt = 0;
      this.everOpened = true;
      this.set({ status: 'live' });
      clearInterval(this.pingTimer);
      this.pingTimer = setInterval(() => socket.send(livePing), pingEveryMs);
      if (wasGap) this.options.onReconnected();
    };
    socket.onmessage = (message) => {
      let event: unknown;
      try {
        event = JSON.parse(String(message.data));
      } catch {
        return;
      }
      if (isLiveEvent(event)) this.options.onEvent(event);
    };
    socket.onclose = () => {
      if (this.socket !== socket) return;
      this.socket = null;
      clearInterval(this.pingTimer);
      this.retry();
    };
  }

  private retry() {
    if (!this.running) return;
    this.set({ status: this.everOpened ? 'reconnecting' : 'connecting' });
    clearTimeout(this.retryTimer);
    this.retryTimer = setTimeout(() => void this.connect(), reconnectDelay(this.attempt++, this.options.random));
  }
}
