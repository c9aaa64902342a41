import type { DataIssue } from './errors.ts';

/**
 * Parses a JSON file a maintainer edited by hand. A syntax error becomes one
 * issue with the line and column, the text of that line, and what is probably
 * wrong (a missing or extra comma, an unquoted name), instead of a stack trace.
 */
export function parseJsonText(text: string, file: string): { json?: unknown; issue?: DataIssue } {
  const body = text.replace(/^\uFEFF/, '');
  try {
    return { json: JSON.parse(body) };
  } catch (error) {
    const message = (error as Error).message;
    const position = Number(/at position (\d+)/.exec(message)?.[1] ?? Number.NaN);
    if (Number.isNaN(position)) return { issue: { file, expected: `valid JSON (${message})` } };
    const before = body.slice(0, position);
    const line = before.split('\n').length;
    const column = position - before.lastIndexOf('\n');
    const previousText = before.replace(/\s+$/u, '');
    let hint = 'check the punctuation just before this point';
    if (/after (property value|array element)/.test(message) && /["\d\]}el]$/u.test(previousText)) hint = 'a comma is probably missing at the end of the line before';
    else if (/double-quoted property name/.test(message) && previousText.endsWith(',')) hint = 'there is probably one comma too many before a closing } or ]';
    else if (/double-quoted property name/.test(message)) hint = 'names and texts must be in "double quotes"';
    else if (/Unexpected end of JSON/.test(message)) hint = 'the file ends too early: a closing } or ] is probably missing';
    const lineText = body.split('\n')[line - 1]?.trim() ?? '';
    return { issue: { file, line, field: `column ${column}`, found: lineText.length > 80 ? `${lineText.slice(0, 77)}…` : lineText, expected: `valid JSON: ${hint} (${message.replace(/ in JSON at position.*/, '')})` } };
  }
}

/** The 1-based line of a JSON text on which `"id": "<id>"` stands, to name a catalogue entry by line. */
export function lineOfId(text: string, id: string): number | undefined {
  const index = text.search(new RegExp(`"id"\\s*:\\s*"${id.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}"`));
  return index < 0 ? undefined : text.slice(0, index).split('\n').length;
}
