import { readFileSync } from 'node:fs';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { createServer, type Server } from 'node:https';
import type { AddressInfo, Socket } from 'node:net';
import { resolve } from 'node:path';

/**
 * A feed host on loopback HTTPS that misbehaves on demand: each fault is a function that
 * answers (or fails to answer) one request at the socket level, the way a broken CDN, a
 * captive portal or an attacker in the middle would. Uses the same test-only certificate as
 * loopback-https.ts.
 */

const TLS = resolve(import.meta.dirname, '../fixtures/tls');
const CORS = { 'access-control-allow-origin': '*' };

export type Fault = (req: IncomingMessage, res: ServerResponse) => void;

export const fault = {
  json:
    (body: string, headers: Record<string, string> = {}): Fault =>
    (_req, res) => {
      res.writeHead(200, { 'content-type': 'application/json', ...CORS, ...headers });
      res.end(body);
    },
  status:
    (status: number, type = 'text/plain', body = `status ${status}`): Fault =>
    (_req, res) => {
      res.writeHead(status, { 'content-type': type, ...CORS });
      res.end(body);
    },
  /** TCP reset before any response byte. */
  reset: (): Fault => (req) => {
    const socket = req.socket as Socket;
    try {
      socket.resetAndDestroy();
    } catch {
      socket.destroy();
    }
  },
  /** Accepts the request and never answers. */
  silent: (): Fault => () => {},
  /** Sends headers, then one byte every `everyMs`, forever (until the client gives up). */
  drip:
    (body: string, everyMs: number): Fault =>
    (req, res) => {
      res.writeHead(200, { 'content-type': 'application/json', ...CORS });
      let at = 0;
      const timer = setInterval(() => {
        if (at >= body.length || res.destroyed) clearInterval(timer);
        else res.write(body[at++]!);
      }, everyMs);
      req.socket.on('close', () => clearInterval(timer));
    },
  /** Declares the full length, sends half, then drops the connection. */
  cutShort:
    (body: string): Fault =>
    (req, res) => {
      res.writeHead(200, {
        'content-type': 'application/json',
        'content-length': String(Buffer.byteLength(body)),
        ...CORS,
      });
      res.write(body.slice(0, Math.floor(body.length / 2)), () => req.socket.destroy());
    },
  /** A complete HTTP response (chunked, no length) whose body is only the first half of the file. */
  halfBody:
    (body: string): Fault =>
    (_req, res) => {
      res.writeHead(200, { 'content-type': 'application/json', ...CORS });
      res.end(body.slice(0, Math.floor(body.length / 2)));
    },
  /** `bytes` of JSON-looking filler, with or without a Content-Length header. */
  huge:
    (bytes: number, declareLength: boolean): Fault =>
    (_req, res) => {
      const body = `{"payload":"${'A'.repeat(bytes)}"}`;
      res.writeHead(200, {
        'content-type': 'application/json',
        ...(declareLength ? { 'content-length': String(body.length) } : {}),
        ...CORS,
      });
      // Written in chunks, so without a length the cap must trip while streaming.
      for (let i = 0; i < body.length; i += 16_384) res.write(body.slice(i, i + 16_384));
      res.end();
    },
  /** A redirect to `location`; the other host (the same server under another name) serves `body`. */
  redirect:
    (location: string, body: string): Fault =>
    (req, res) => {
      if (req.headers.host?.startsWith(new URL(location).hostname)) {
        res.writeHead(200, { 'content-type': 'application/json', ...CORS });
        res.end(body);
        return;
      }
      res.writeHead(302, { location, ...CORS });
      res.end();
    },
};

export interface FaultServer {
  port: number;
  /** What the next requests get. */
  serve(fault: Fault): void;
  /** Requests seen so far, as "host path". */
  readonly requests: string[];
  close(): Promise<void>;
}

export async function startFaultServer(): Promise<FaultServer> {
  let current: Fault = fault.status(404);
  const requests: string[] = [];
  const server: Server = createServer(
    {
      cert: readFileSync(resolve(TLS, 'test-only-loopback.crt')),
      key: readFileSync(resolve(TLS, 'test-only-loopback.key')),
    },
    (req, res) => {
      requests.push(`${req.headers.host ?? ''} ${req.url ?? ''}`);
      current(req, res);
    },
  );
  const sockets = new Set<Socket>();
  server.on('connection', (socket: Socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  return {
    port: (server.address() as AddressInfo).port,
    serve: (next) => {
      current = next;
    },
    requests,
    close: () =>
      new Promise<void>((done) => {
        for (const socket of sockets) socket.destroy();
        server.close(() => done());
      }),
  };
}
