// Which hosts never leave the machine: the one answer config, the client and site identity share, since
// plain http:// (an API key sent unencrypted) is allowed only to them.

/**
 * True for localhost, ::1 and 127.0.0.0/8. Not for names under .localhost (`app.localhost`): the
 * system resolver may send those to DNS, so a key sent to one could leave the machine.
 */
export function isLoopbackHost(hostname: string): boolean {
  const host = hostname.replace(/^\[|\]$/g, '').toLowerCase();
  if (host === 'localhost' || host === '::1') return true;
  const octets = host.split('.');
  return octets.length === 4 && octets[0] === '127' && octets.every((octet) => /^\d{1,3}$/.test(octet) && Number(octet) <= 255);
}
