/** Starts the app on a port with @hono/node-server, and stops it cleanly. */
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { serve } from '@hono/node-server';
import { createApp, type AgirApp } from './app.js';
import { defaults, type ServerOptions } from './config.js';

export interface RunningServer {
  /** `http://HOST:PORT`, no trailing slash. */
  url: string;
  port: number;
  app: AgirApp;
  /** Stops accepting, ends event streams, lets requests in flight finish (up to 5 s), closes the database. */
  close(): Promise<void>;
}

export async function startServer(options: ServerOptions = {}): Promise<RunningServer> {
  const app = await createApp(options);
  const host = options.host ?? defaults.host;
  let server: Server;
  try {
    server = await new Promise<Server>((resolve, reject) => {
      const created = serve({ fetch: app.fetch, port: options.port ?? defaults.port, hostname: host }, () =>
        resolve(created as Server),
      ) as Server;
      created.once('error', reject);
    });
  } catch (error) {
    await app.close();
    throw error;
  }
  const { port } = server.address() as AddressInfo;
  const url = `http://${host.includes(':') ? `[${host}]` : host}:${port}`;
  if (app.mail) app.mail.publicUrl = url; // unless AGIR_PUBLIC_URL gave it
  let closing: Promise<void> | undefined;
  return {
    url,
    port,
    app,
    close() {
      closing ??= (async () => {
        // Stop accepting (idle keep-alive connections close now), end the event streams, let requests in
        // flight finish, then close the database.
        const stopped = new Promise<void>((resolve) => server.close(() => resolve()));
        app.closeStreams();
        // Connections turn idle as their last response ends (the streams above, requests in flight).
        const idle = setInterval(() => server.closeIdleConnections(), 50);
        const force = setTimeout(() => server.closeAllConnections(), 5000);
        await stopped;
        clearInterval(idle);
        clearTimeout(force);
        await app.close();
      })();
      return closing;
    },
  };
}
