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
  // Built only when the deadline passes: an Error captures a stack, which every answer would pay for.
  const deadlineError = () => Object.assign(new Error(`no whole answer within ${limits.deadlineMs} ms`), { code: DEADLINE_CODE });
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(deadlineError()), limits.deadlineMs);
  try {
    const response = await pool.request({
      ...request,
      signal: controller.signal,
      // The deadline above bounds the whole answer; these only keep undici's defaults from cutting it sooner.
      headersTimeout: limits.deadlineMs,
      bodyTimeout: limits.deadlineMs,
    });
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
    // However undici words an abort, an attempt cut by the deadline is a timeout.
    if (controller.signal.aborted && !(error instanceof AnswerTooLarge)) throw controller.signal.reason;
    throw error;
  } finally {
    clearTimeout(timer);
  }
}
