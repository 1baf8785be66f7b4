/**
 * Text from a policy is untrusted: before it goes into a Monaco hover (which renders Markdown),
 * every Markdown and HTML special character is escaped so that it shows as typed.
 */

/** Escape text so that Markdown renders it literally. */
export function escapeMarkdown(text: string): string {
  return text.replace(/[\\`*_{}[\]()#+\-.!<>|~&"'$]/g, (ch) => `\\${ch}`);
}
