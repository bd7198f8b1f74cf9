// s3rver@3.7.1 ships no types; only the surface the orchestrator uses is declared.
declare module 's3rver' {
  import type { Server } from 'node:http';
  import type { EventEmitter } from 'node:events';

  interface S3rverOptions {
    address?: string;
    port?: number;
    directory: string;
    silent?: boolean;
    resetOnClose?: boolean;
    allowMismatchedSignatures?: boolean;
    vhostBuckets?: boolean;
    configureBuckets?: { name: string; configs?: (string | Buffer)[] }[];
  }

  interface S3rverEventRecord {
    eventName: string;
    eventTime: string;
    awsRegion: string;
    s3: {
      bucket: { name: string; arn?: string };
      object: { key: string; size?: number; eTag?: string; sequencer?: string };
      [k: string]: unknown;
    };
    [k: string]: unknown;
  }

  class S3rver extends EventEmitter {
    constructor(options: S3rverOptions);
    run(): Promise<{ address: string; port: number }>;
    close(): Promise<void>;
    httpServer?: Server;
    on(event: 'event', listener: (event: { Records: S3rverEventRecord[] }) => void): this;
    on(event: string, listener: (...args: unknown[]) => void): this;
  }
  export = S3rver;
}
