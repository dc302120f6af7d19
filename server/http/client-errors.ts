import http, { type Server } from 'node:http';
import type { Socket } from 'node:net';
import type { Logger } from 'pino';
import { scrub } from '../logger.ts';

/**
 * Requests Node refuses before Express sees them. A request line and headers over the server's maxHeaderSize (16 KB
 * by default: a 45 KB `GET /api/cases?q=…`) answered Node's bare 431 with an empty body (outside checker sec52 L2):
 * now a problem+json 431 naming the cause, as every other refusal of the API — documented for every operation in
 * /openapi.json (server/http/route.ts). Any other parse error is answered as Node answers it.
 */
export function answerClientErrors(server: Server, logger: Logger): void {
  server.on('clientError', (err: NodeJS.ErrnoException & { rawPacket?: Buffer }, socket: Socket) => {
    const answerable = socket.writable && !(socket as { _httpMessage?: { headersSent?: boolean } })._httpMessage?.headersSent;
    if (answerable && err.code === 'HPE_HEADER_OVERFLOW') {
      const limitKb = Math.round(((server as { maxHeaderSize?: number }).maxHeaderSize ?? http.maxHeaderSize) / 1024);
      const body = JSON.stringify({
        type: 'https://zhongcai.dev/problems/request-header-too-large',
        title: '请求头过大',
        status: 431,
        detail: `请求行与请求头合计超过 ${limitKb} KB（多为过长的查询参数，如 q）：请缩短查询内容后重试`,
        instance: requestPath(err.rawPacket),
      });
      logger.warn({ event: 'http.header_overflow' }, 'request line and headers too large: 431');
      socket.end(
        `HTTP/1.1 431 Request Header Fields Too Large\r\nContent-Type: application/problem+json; charset=utf-8\r\nContent-Length: ${Buffer.byteLength(body)}\r\nCache-Control: no-store\r\nConnection: close\r\n\r\n${body}`,
      );
      return;
    }
    if (answerable && err.code !== 'ECONNRESET') {
      const status =
        err.code === 'HPE_CHUNK_EXTENSIONS_OVERFLOW'
          ? '413 Payload Too Large'
          : err.code === 'ERR_HTTP_REQUEST_TIMEOUT'
            ? '408 Request Timeout'
            : '400 Bad Request';
      socket.end(`HTTP/1.1 ${status}\r\nConnection: close\r\n\r\n`);
      return;
    }
    socket.destroy(err);
  });
}

/** The path of the refused request, from the bytes Node had read: without the query, identity and phone shapes masked. */
function requestPath(raw: Buffer | undefined): string {
  const line = raw?.subarray(0, 2048).toString('latin1') ?? '';
  const m = /^[A-Z]+ (\/[^ ?\r\n]*)/.exec(line);
  return m?.[1] ? scrub(m[1]) : '';
}
