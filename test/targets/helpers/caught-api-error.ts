// Test helper: the ApiError a call fails with (any other failure, or none, fails the test).
import { ApiError } from '../../../src/targets/advanced-billing/client/api-error.js';

export async function caughtApiError(promise: Promise<unknown>): Promise<ApiError> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof ApiError) return error;
    throw error;
  }
  throw new Error('expected the call to fail');
}
