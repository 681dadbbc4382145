// `migrate sandbox`: starts the local site, prints its base URL on stdout, and runs until SIGINT or
// SIGTERM, then stops listening and flushes its state.
import { InputError } from '../../errors.js';
import { parseFaultSpec, parseLatency, startSandbox, type RunningSandbox } from '../../sandbox/index.js';

export interface SandboxCommandOptions {
  port: string;
  host: string;
  dataDir?: string;
  mode: string;
  apiKey?: string;
  latency?: string;
  faults?: string;
  strict?: boolean;
}

export async function run(options: SandboxCommandOptions): Promise<void> {
  const port = Number(options.port);
  if (!/^\d+$/.test(options.port) || port > 65535) {
    throw new InputError('bad-port', `--port must be a number from 0 to 65535, got '${options.port}'`);
  }
  if (options.mode !== 'test' && options.mode !== 'live') {
    throw new InputError('bad-mode', `--mode must be test or live, got '${options.mode}'`);
  }
  const latency = options.latency === undefined ? undefined : parseLatency(options.latency);
  const faults = options.faults === undefined ? undefined : parseFaultSpec(options.faults);

  let sandbox: RunningSandbox;
  try {
    sandbox = await startSandbox({
      port,
      host: options.host,
      dataDir: options.dataDir,
      mode: options.mode,
      apiKey: options.apiKey === '' ? undefined : options.apiKey,
      latency,
      faults,
      ...(options.strict === undefined ? {} : { strict: options.strict }),
    });
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'EADDRINUSE' || code === 'EACCES' || code === 'EADDRNOTAVAIL') {
      throw new InputError('sandbox-listen', `cannot listen on ${options.host}:${options.port} (${code})`, {
        hint: 'Pick another --port (0 picks a free one) or --host.',
        cause: error,
      });
    }
    throw error;
  }

  const where = options.dataDir === undefined ? 'state in memory' : `data in ${options.dataDir}`;
  const auth = options.apiKey ? ', API key required' : '';
  const strict = sandbox.strict ? ', strict' : '';
  process.stdout.write(`Sandbox listening on ${sandbox.baseUrl} (mode ${options.mode}, ${where}${auth}${strict})\n`);

  await new Promise<void>((resolve) => {
    const stop = (): void => {
      process.off('SIGINT', stop);
      process.off('SIGTERM', stop);
      resolve();
    };
    process.on('SIGINT', stop);
    process.on('SIGTERM', stop);
  });
  await sandbox.close();
  process.stderr.write('Sandbox stopped.\n');
}
