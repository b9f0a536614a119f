/** A part of a message: plain text, or an identifier written between backticks. */
export interface MessagePart {
  code: boolean;
  text: string;
}

/** Ends a message with a full stop unless it already ends a sentence (or a quoted one). */
export function asSentence(text: string): string {
  const trimmed = text.trim();
  if (trimmed === '' || /[.!?…:]["'”)`]?$/.test(trimmed)) {
    return trimmed;
  }
  return `${trimmed}.`;
}

/** Splits a message on backtick pairs, so identifiers render as code and no backtick shows. */
export function messageParts(text: string): MessagePart[] {
  const parts: MessagePart[] = [];
  const pattern = /`([^`]+)`/g;
  let last = 0;
  for (const match of text.matchAll(pattern)) {
    if (match.index! > last) {
      parts.push({ code: false, text: text.slice(last, match.index) });
    }
    parts.push({ code: true, text: match[1] });
    last = match.index! + match[0].length;
  }
  if (last < text.length) {
    parts.push({ code: false, text: text.slice(last) });
  }
  return parts;
}

/** The messages without repeats (same text after trimming), in their first order. */
export function uniqueMessages(messages: readonly string[]): string[] {
  return [...new Set(messages.map(message => asSentence(message)))];
}
