// How import, resync and erase runs end: the exit code from the outcome, and a run-level failure
// thrown after the report as one line naming the run and what the journal kept.
import { afterEach, describe, expect, it } from 'vitest';
import { ExitCode, InputError, TargetError } from '../../../src/errors.js';
import { settleRun } from '../../../src/cli/session/report-run.js';

describe('settleRun', () => {
  afterEach(() => {
    process.exitCode = undefined;
  });

  it('exits 0 when done, 1 with errors, 130 when interrupted (whatever the errors)', () => {
    settleRun(undefined, { errors: 0 }, 'run');
    expect(process.exitCode).toBe(ExitCode.ok);
    settleRun(undefined, { errors: 2 }, 'erase');
    expect(process.exitCode).toBe(ExitCode.rowErrors);
    settleRun(undefined, { stopped: 'interrupted', errors: 2 }, 'resync');
    expect(process.exitCode).toBe(ExitCode.interrupted);
  });

  it('throws a site failure as a TargetError (exit 3) naming the run and what the journal kept', () => {
    const thrown = (() => {
      try {
        settleRun(new Error('socket hang up'), { errors: 0 }, 'erase');
      } catch (error) {
        return error;
      }
    })();
    expect(thrown).toBeInstanceOf(TargetError);
    expect(thrown).toMatchObject({ code: 'target-failed', exitCode: 3, message: 'The site failed the erase: socket hang up.', hint: 'What was erased so far is journaled; run the same command again to resume.' });
    expect(() => settleRun('gone', { errors: 0 }, 'run')).toThrow('The site failed the run: gone.');
    expect(process.exitCode).toBeUndefined();
  });

  it('rethrows a MigrateError as it is', () => {
    const refusal = new InputError('needs-confirmation', 'resync asks for confirmation and no terminal is attached.');
    expect(() => settleRun(refusal, { errors: 0 }, 'resync')).toThrow(refusal);
  });
});
