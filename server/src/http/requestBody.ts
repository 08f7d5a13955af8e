// A request body larger than the limit is refused before it is read: a 20 MB JSON body would
// otherwise be read, parsed and run. Node's HTTP parser stops reading at the declared length, so
// the declared length is the most that is ever read; a body without one is refused (411).
import type { IncomingMessage, ServerResponse } from 'node:http';

function refuse(res: ServerResponse, status: number, message: string) {
  res.writeHead(status, {
    'content-type': 'application/json; charset=utf-8',
    'cache-control': 'no-store',
    'x-content-type-options': 'nosniff',
    connection: 'close',
  });
  res.end(JSON.stringify({ errors: [{ message, extensions: { code: status === 413 ? 'REQUEST_TOO_LARGE' : 'LENGTH_REQUIRED' } }] }));
}

/** Answers and returns true when the request's body may not be read. */
export function refuseOversizedBody(req: IncomingMessage, res: ServerResponse, limitBytes: number): boolean {
  const method = req.method ?? 'GET';
  if (method === 'GET' || method === 'HEAD' || method === 'OPTIONS') return false;
  const declared = req.headers['content-length'];
  if (declared === undefined) {
    if (req.headers['transfer-encoding']) {
      refuse(res, 411, 'Send the request with a Content-Length header.');
      return true;
    }
    return false; // no body at all
  }
  const length = Number(declared);
  if (!Number.isSafeInteger(length) || length > limitBytes) {
    refuse(res, 413, `The request is larger than the ${limitBytes} bytes allowed. Send less at once.`);
    // Stop reading what the client is still sending.
    req.resume();
    return true;
  }
  return false;
}
