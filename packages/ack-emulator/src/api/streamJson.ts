import type { ServerResponse } from 'node:http';

const CHUNK_CHARS = 64 * 1024;

function drained(res: ServerResponse): Promise<void> {
  return new Promise(resolve => {
    const done = () => {
      res.off('drain', done);
      res.off('close', done);
      resolve();
    };
    res.on('drain', done);
    res.on('close', done);
  });
}

/**
 * Writes `head`, the comma-separated items and `tail` as a chunked 200 response,
 * waiting for the socket to drain so a large list never sits in memory twice.
 */
export async function streamJsonArray(
  res: ServerResponse,
  head: string,
  count: number,
  itemAt: (index: number) => string,
  tail: string,
): Promise<void> {
  res.writeHead(200, { 'Content-Type': 'application/json' });
  let chunk = head;
  for (let i = 0; i < count; i++) {
    chunk += i > 0 ? `,${itemAt(i)}` : itemAt(i);
    if (chunk.length >= CHUNK_CHARS) {
      const flushed = res.write(chunk);
      chunk = '';
      if (!flushed) await drained(res);
      if (res.destroyed) return;
    }
  }
  res.end(chunk + tail);
}
