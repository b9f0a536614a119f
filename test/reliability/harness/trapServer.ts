import http from 'node:http';
import { AddressInfo } from 'node:net';

/** A loopback HTTP server that only counts what reaches it: nothing ever should. */
export async function startTrapServer() {
  const hits: string[] = [];
  const server = http.createServer((req, res) => {
    hits.push(`${req.method} ${req.url}`);
    res.statusCode = 418;
    res.end();
  });
  await new Promise<void>(resolve => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    hits,
    stop: () => new Promise<void>(resolve => server.close(() => resolve())),
  };
}
