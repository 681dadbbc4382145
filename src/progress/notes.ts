// A passing note for the progress line (the site's client waiting out a Retry-After, say): whoever draws
// a progress line follows the notes and shows the current one beside its count; with no line drawn, the
// poster prints the note itself. One board per process, as there is one stderr.
type Follower = (note: string, ms: number) => void;

/**
 * Notes shorter than this pass before anyone could read them: a line redrawn in place shows them all,
 * a log that only grows (CI) gets no line of its own for them.
 */
export const LASTING_NOTE_MS = 1000;

let current: { text: string; until: number } | undefined;
const followers = new Set<Follower>();

/** Shows `text` for `ms` on the progress line; false when no line is drawn to show it. */
export function postNote(text: string, ms: number): boolean {
  current = { text, until: Date.now() + ms };
  for (const follower of followers) follower(text, ms);
  return followers.size > 0;
}

/** The note still in force, if any. */
export function currentNote(): string | undefined {
  return current !== undefined && Date.now() < current.until ? current.text : undefined;
}

/** Calls `follower` with each note posted from now on; the returned function stops it. */
export function followNotes(follower: Follower): () => void {
  followers.add(follower);
  return () => void followers.delete(follower);
}
