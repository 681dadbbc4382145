// Journals objects as erased: the one way erase and resync tell the journal that an object the
// toolkit created has left the site, so a resumed erase skips it and a re-import creates it again.
import { objectRef, type Journal, type JournalObject } from '../state/journal.js';

export async function recordErased(journal: Journal, objects: JournalObject[]): Promise<void> {
  await Promise.all(
    objects.map((object) =>
      journal.record({
        ...objectRef(object),
        event: 'erased',
        ...(object.id !== undefined ? { id: object.id } : {}),
      }),
    ),
  );
}
