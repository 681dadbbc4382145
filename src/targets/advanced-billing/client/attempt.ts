// One HTTP attempt with a deadline for the whole answer (headers and body, however slowly the body
// trickles in: undici's own body timeout only measures the gap between chunks) and a size limit counted
// as the body streams, so neither a stalled nor a huge answer can hold a run or its memory.
import type { Dispatcher, Pool } from 'undici';

export interface AttemptLimits {
  /** Milliseconds from sending the request to the last byte of the answer. */
  deadlineMs: number;
  /** Bytes of answer body read at most; past them the connection is dropped. */
  maxBytes: number;
}

export interface RawAnswer {
  status: number;
  headers: Dispatcher.ResponseData['headers'];
  text: string;
}

/** The code an attempt cut at its deadline fails with (retryable, a timeout). */
export const DEADLINE_CODE = 'MIGRATE_ANSWER_DEADLINE';

/** The answer was larger than the limit; retrying would only fetch it again. */
export class AnswerTooLarge extends Error {
  constructor(readonly maxBytes: number) {
    super(`answer larger than ${maxBytes} bytes`);
    this.name = 'AnswerTooLarge';
  }
}

export async function sendAttempt(pool: Pool, request: Dispatcher.RequestOptions, limits: AttemptLimits): Promise<RawAnswer> {
  const started = performance.now();
  // Headers: undici's own timeout runs from the request to the last header byte, however slowly they come.
  const response = await pool.request({ ...request, headersTimeout: limits.deadlineMs, bodyTimeout: limits.deadlineMs });
  // Body: what is left of the deadline. Destroying the body ends the read and the connection; no
  // AbortSignal is passed to undici, which would cost every request its listeners (~25 µs measured).
  let cut: Error | undefined;
  const timer = setTimeout(() => {
    cut = Object.assign(new Error(`no whole answer within ${limits.deadlineMs} ms`), { code: DEADLINE_CODE });
    response.body.destroy(cut);
  }, Math.max(0, limits.deadlineMs - (performance.now() - started)));
  try {
    const declared = Number(response.headers['content-length']);
    if (Number.isFinite(declared) && declared > limits.maxBytes) {
      response.body.destroy();
      throw new AnswerTooLarge(limits.maxBytes);
    }
    // A declared length within the limit is held to by undici (a longer body fails the request), so the
    // body is read whole, the fast way; only an answer without one is counted chunk by chunk.
    if (Number.isFinite(declared)) return { status: response.statusCode, headers: response.headers, text: await response.body.text() };
    const chunks: Buffer[] = [];
    let size = 0;
    for await (const chunk of response.body as AsyncIterable<Buffer>) {
      size += chunk.length;
      if (size > limits.maxBytes) {
        response.body.destroy();
        throw new AnswerTooLarge(limits.maxBytes);
      }
      chunks.push(chunk);
    }
    return { status: response.statusCode, headers: response.headers, text: Buffer.concat(chunks, size).toString('utf8') };
  } catch (error) {
    // However the stream words it, a body cut by the deadline is a timeout.
    if (cut !== undefined && !(error instanceof AnswerTooLarge)) throw cut;
    throw error;
  } finally {
    clearTimeout(timer);
  }
}
