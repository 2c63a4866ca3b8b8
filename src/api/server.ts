/**
 * The HTTP server around the app: listens, and closes cleanly (open event streams are ended
 * rather than waited for). The store stays the caller's to close.
 */
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { serve } from '@hono/node-server';
import { createApp } from './app.js';
import type { AppOptions } from './app-state.js';

/** The app's options and where to listen. */
export interface ServerOptions extends AppOptions {
  port: number;
  host: string;
}

/** A listening server. */
export interface RunningServer {
  /** `http://host:port` as listening (the real port when 0 was asked for). */
  url: string;
  close(): Promise<void>;
}

/** Starts listening; resolves once the port is bound. */
export async function startServer(options: ServerOptions): Promise<RunningServer> {
  const { app } = createApp(options);
  const server = await new Promise<Server>((resolve, reject) => {
    const s = serve({ fetch: app.fetch, port: options.port, hostname: options.host }, () =>
      resolve(s as Server),
    ) as Server;
    s.once('error', reject);
  });
  const address = server.address() as AddressInfo;
  const host = address.family === 'IPv6' ? `[${address.address}]` : address.address;
  return {
    url: `http://${host}:${address.port}`,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}
