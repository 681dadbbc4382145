// The Slack-compatible incoming-webhook message (`--notify-format slack`): `text` for notifications
// and clients without blocks, and Block Kit blocks with the outcome, the counts and what to do next.
import { countText, formatDuration, shownCounts, subjectOf, type RunSummary } from './run-summary.js';

export interface SlackMessage {
  text: string;
  blocks: SlackBlock[];
}

type SlackText = { type: 'mrkdwn' | 'plain_text'; text: string };
type SlackBlock = { type: 'header'; text: SlackText } | { type: 'section'; text?: SlackText; fields?: SlackText[] } | { type: 'context'; elements: SlackText[] };

/** Slack's limits: a header's text, a section's fields and a text object's length. */
const HEADER_CHARS = 150;
const MAX_FIELDS = 10;
const TEXT_CHARS = 3000;

/** Slack reads &, < and > in mrkdwn as markup. */
function escape(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

function clip(text: string, limit: number): string {
  return text.length <= limit ? text : `${text.slice(0, limit - 1)}…`;
}

export function slackMessage(summary: RunSummary): SlackMessage {
  const blocks: SlackBlock[] = [
    { type: 'header', text: { type: 'plain_text', text: clip(`${summary.clean ? '✅' : '⚠️'} migrate ${summary.command}: ${summary.outcome}`, HEADER_CHARS) } },
    { type: 'section', fields: shownCounts(summary).slice(0, MAX_FIELDS).map((count) => ({ type: 'mrkdwn', text: escape(countText(count)) })) },
  ];
  for (const list of summary.attention) {
    blocks.push({ type: 'section', text: { type: 'mrkdwn', text: clip(`*${escape(list.title)}*\n${list.lines.map((line) => `• ${escape(line)}`).join('\n')}`, TEXT_CHARS) } });
  }
  const context = [`site ${summary.site}`, ...(summary.run === undefined ? [] : [`run ${summary.run}`]), formatDuration(summary.elapsedMs), `next: \`${summary.next}\``];
  blocks.push({ type: 'context', elements: [{ type: 'mrkdwn', text: clip(escape(context.join(' · ')), TEXT_CHARS) }] });
  return { text: subjectOf(summary), blocks };
}
