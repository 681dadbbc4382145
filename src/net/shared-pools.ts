// Connections a process shares per remote (one Advanced Billing site, one ChartMogul account): the first
// client creates the pool and its limiter, later ones reuse it while it is open, and the pool closes when
// the last of them lets go. Each target's client keeps its own registry of its own kind of connection.
import type { Pool } from 'undici';

interface Entry<C> {
  connection: C;
  users: number;
}

export class SharedPools<C extends { pool: Pool }> {
  private readonly entries = new Map<string, Entry<C>>();

  /** The open connection under `key`, made fresh by `create` when there is none; `reuse` sees an existing one first. Release once per acquire. */
  acquire(key: string, create: () => C, reuse: (connection: C) => void): C {
    const existing = this.entries.get(key);
    if (existing !== undefined && !existing.connection.pool.closed && !existing.connection.pool.destroyed) {
      existing.users += 1;
      reuse(existing.connection);
      return existing.connection;
    }
    const connection = create();
    this.entries.set(key, { connection, users: 1 });
    return connection;
  }

  /** One user fewer; the last one closes the pool (a connection no longer registered closes at once). */
  async release(connection: C): Promise<void> {
    for (const [key, entry] of this.entries) {
      if (entry.connection !== connection) continue;
      entry.users -= 1;
      if (entry.users > 0) return;
      this.entries.delete(key);
      break;
    }
    if (!connection.pool.closed) await connection.pool.close();
  }
}
