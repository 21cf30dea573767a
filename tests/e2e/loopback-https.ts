import { createHash, X509Certificate } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:https';
import type { AddressInfo } from 'node:net';
import { resolve } from 'node:path';

const TLS = resolve(import.meta.dirname, '../fixtures/tls');
const cert = readFileSync(resolve(TLS, 'test-only-loopback.crt'));
const key = readFileSync(resolve(TLS, 'test-only-loopback.key'));

/** Base64 SHA-256 of the test certificate's SPKI, for --ignore-certificate-errors-spki-list. */
export function testCertSpkiHash(): string {
  const spki = new X509Certificate(cert).publicKey.export({ type: 'spki', format: 'der' });
  return createHash('sha256').update(spki).digest('base64');
}

export interface Answer {
  status: number;
  type: string;
  body: string | Uint8Array;
  headers?: Record<string, string>;
}
export type Handler = (path: string, host: string) => Answer;

/**
 * A real HTTPS server on 127.0.0.1 with the test certificate; Chromium reaches it under mapped
 * names. `leaf` serves the leaf certificate that the test certificate signed instead, for
 * Firefox, which refuses a CA certificate as a server's (scripts/firefox-smoke.ts).
 */
export async function startLoopbackHttps(
  handler: Handler,
  options: { leaf?: boolean } = {},
): Promise<{ port: number; server: Server; close(): Promise<void> }> {
  const served = options.leaf
    ? {
        cert: readFileSync(resolve(TLS, 'test-only-leaf.crt')),
        key: readFileSync(resolve(TLS, 'test-only-leaf.key')),
      }
    : { cert, key };
  const server = createServer(served, (req, res) => {
    const answer = handler(req.url ?? '/', req.headers.host ?? '');
    res.writeHead(answer.status, { 'content-type': answer.type, ...answer.headers });
    res.end(answer.body);
  });
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  const { port } = server.address() as AddressInfo;
  return {
    port,
    server,
    close: () => new Promise<void>((done) => server.close(() => done())),
  };
}
