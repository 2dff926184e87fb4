// A "remote" web server on loopback for the security tests: a page, a redirect to another page,
// and a record of every path requested, so a test can prove nothing of it was ever loaded.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface RemoteServer {
  origin: string;
  hits: string[];
  close(): Promise<void>;
}

export async function startRemoteServer(): Promise<RemoteServer> {
  const hits: string[] = [];
  const server: Server = createServer((req, res) => {
    hits.push(req.url ?? '');
    if (req.url === '/redirect') {
      res.writeHead(302, { location: '/landing' }).end();
      return;
    }
    res
      .writeHead(200, { 'content-type': 'text/html' })
      .end('<!doctype html><title>remote</title><p>remote page</p>');
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const { port } = server.address() as AddressInfo;
  return {
    origin: `http://127.0.0.1:${port}`,
    hits,
    close: () =>
      new Promise((r) => {
        server.close(() => r());
        // Chromium keeps its connections alive; they must not hold the test open.
        server.closeAllConnections();
      }),
  };
}
