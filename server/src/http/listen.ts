/**
 * The HTTP server around the app: timeouts for slow or incomplete requests (a client cannot hold a socket
 * open by sending headers a byte at a time) and JSON answers for what Node's parser refuses before Express
 * ever sees it (oversized headers → 431, an oversized request line → 414, malformed → 400, too slow → 408).
 */
import http from "node:http";
import type { Socket } from "node:net";

import type { Express } from "express";

export interface ServerLimits {
  headersTimeoutMs: number;
  requestTimeoutMs: number;
}

/** Node's own limit on a request's head (request line + headers), in bytes. */
export const MAX_HEADER_BYTES = 16 * 1024;

const REASONS: Record<number, string> = { 400: "Bad Request", 408: "Request Timeout", 414: "URI Too Long", 431: "Request Header Fields Too Large" };

function refuse(socket: Socket, status: number, code: string, message: string): void {
  if (!socket.writable) {
    socket.destroy();
    return;
  }
  const body = JSON.stringify({ error: { code, message } });
  socket.end(
    `HTTP/1.1 ${status} ${REASONS[status]}\r\nContent-Type: application/json; charset=utf-8\r\nContent-Length: ${Buffer.byteLength(body)}\r\nConnection: close\r\n\r\n${body}`,
  );
}

export function createHttpServer(app: Express, limits: ServerLimits): http.Server {
  const server = http.createServer(
    {
      maxHeaderSize: MAX_HEADER_BYTES,
      requestTimeout: limits.requestTimeoutMs,
      headersTimeout: limits.headersTimeoutMs,
      // Node checks those timeouts only this often (30 s by default).
      connectionsCheckingInterval: Math.min(1000, limits.headersTimeoutMs / 2),
    },
    app,
  );
  server.keepAliveTimeout = 5000;
  server.on("clientError", (err: NodeJS.ErrnoException & { rawPacket?: Buffer }, socket: Socket) => {
    if (err.code === "HPE_HEADER_OVERFLOW") {
      // Past the limit with no line break yet: the request line itself is the long part.
      const head = err.rawPacket?.toString("latin1") ?? "";
      const lineEnd = head.indexOf("\r\n");
      if (lineEnd < 0 || lineEnd > MAX_HEADER_BYTES / 2) refuse(socket, 414, "URI_TOO_LONG", "The URL is too long.");
      else refuse(socket, 431, "HEADERS_TOO_LARGE", `The request's headers are larger than ${MAX_HEADER_BYTES / 1024} KB.`);
    } else if (err.code === "ERR_HTTP_REQUEST_TIMEOUT" || err.code === "HPE_HEADER_TIMEOUT") {
      refuse(socket, 408, "REQUEST_TIMEOUT", "The request took too long to arrive.");
    } else if (err.code === "ECONNRESET" || err.code === "EPIPE") {
      socket.destroy();
    } else {
      refuse(socket, 400, "BAD_REQUEST", "The request is not valid HTTP.");
    }
  });
  return server;
}
