/**
 * Markdown's active characters escaped, line breaks folded: user text stays
 * text. With [ ] escaped no link can form, so ( ) and ! may stay as they are;
 * a heading or list marker matters only at the start of a line. Shared by
 * every Markdown export (the debrief, the decision drill's record).
 */
export function markdownText(text: string): string {
  return text
    .replace(/[\\`*_[\]<>|~]/g, '\\$&')
    .replace(/\s*[\r\n]+\s*/g, ' ')
    .trim()
    .replace(/^[#+-]/, '\\$&')
    .replace(/^(\d+)([.)])/, '$1\\$2');
}
