import { Document } from 'yaml';

/** A generated object and the same object as YAML text, ready to show or save. */
export interface Generated<T> {
  readonly object: T;
  readonly yaml: string;
}

/** Serialises through the yaml library's Document API (never by concatenating strings). */
export function generated<T extends object>(object: T, headerComment?: string): Generated<T> {
  const doc = new Document(object);
  // On the first node rather than the document, so no blank line separates comment and content.
  if (headerComment && doc.contents) doc.contents.commentBefore = headerComment.split('\n').map((line) => ` ${line}`).join('\n');
  return { object, yaml: doc.toString({ lineWidth: 0 }) };
}
