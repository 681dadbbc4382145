// Starting a local emulator's server: listening on a port (0: any free one) and the base URL a client
// reaches it at. Shared by the Advanced Billing sandbox and the ChartMogul emulator.
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';

/** Listens on host:port; resolves with the port taken and the base URL, rejects when it cannot listen. */
export async function listenOn(server: Server, port: number, host: string, scheme: 'http' | 'https' = 'http'): Promise<{ port: number; baseUrl: string }> {
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  const taken = (server.address() as AddressInfo).port;
  const visibleHost = host === '0.0.0.0' || host === '::' ? '127.0.0.1' : host.includes(':') ? `[${host}]` : host;
  return { port: taken, baseUrl: `${scheme}://${visibleHost}:${taken}` };
}
