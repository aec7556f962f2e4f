import { Logger } from '@nestjs/common';
import { FastifyReply } from 'fastify';
import { ServerResponse } from 'node:http';

const logger = new Logger('StreamResponse');

/**
 * Writes chunks to the response as they are produced, never faster than the client takes them:
 * when `write` says the buffer is full, the next chunk is not pulled (so nothing more is read)
 * until 'drain'. A client that leaves stops the pulling. A failure before the first byte
 * propagates (503 for an unavailable store); after it, the response is cut short.
 */
export async function streamToResponse(reply: FastifyReply, contentType: string, chunks: AsyncIterable<string>): Promise<void> {
  const response = reply.raw;
  let gone = false;
  let started = false;
  const leave = () => (gone = true);
  response.on('close', leave);
  // Fastify lets go of the reply only at the first byte, so an error before it is answered like any other.
  const start = () => {
    if (started) return;
    started = true;
    reply.hijack();
    response.writeHead(200, { 'content-type': contentType, 'cache-control': 'no-store' });
  };
  try {
    for await (const chunk of chunks) {
      if (gone) break;
      if (!chunk) continue;
      start();
      if (!response.write(chunk)) await drainedOrClosed(response);
      if (gone) break;
    }
    if (gone) return;
    start();
    response.end();
  } catch (error) {
    if (!started) throw error;
    logger.warn(`stream cut short: ${error instanceof Error ? error.message : String(error)}`);
    response.destroy();
  } finally {
    response.off('close', leave);
  }
}

function drainedOrClosed(response: ServerResponse): Promise<void> {
  return new Promise((resolve) => {
    const done = () => {
      response.off('drain', done).off('close', done);
      resolve();
    };
    response.on('drain', done).on('close', done);
  });
}
