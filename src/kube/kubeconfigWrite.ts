import * as fs from 'node:fs/promises';
import { isScalar, parseDocument } from 'yaml';

/**
 * The file `kubectl config use-context` would change: the first file of the list that sets
 * `current-context`, else the first that exists.
 */
export async function currentContextFile(files: readonly string[]): Promise<string | undefined> {
  let firstExisting: string | undefined;
  for (const file of files) {
    let text: string;
    try {
      text = await fs.readFile(file, 'utf8');
    } catch {
      continue;
    }
    firstExisting ??= file;
    if (parseDocument(text).has('current-context')) return file;
  }
  return firstExisting;
}

/** Sets `current-context` in `file`, keeping its comments, order and formatting. */
export async function writeCurrentContext(file: string, context: string): Promise<void> {
  const text = await fs.readFile(file, 'utf8');
  const document = parseDocument(text);
  if (document.errors.length > 0) throw new Error(`${file} is not valid YAML: ${document.errors[0]?.message ?? ''}`);
  const node = document.get('current-context', true);
  const value = /^[A-Za-z0-9@._/:-]+$/.test(context) ? context : JSON.stringify(context);
  // Replace just the value's characters, so spacing and comments around it stay as they were.
  let updated: string;
  if (isScalar(node) && node.range) {
    updated = text.slice(0, node.range[0]) + value + text.slice(node.range[1]);
  } else {
    document.set('current-context', context);
    updated = document.toString();
  }
  const temporary = `${file}.valkey-welkin-${process.pid}.tmp`;
  const { mode } = await fs.stat(file);
  await fs.writeFile(temporary, updated, { mode });
  await fs.rename(temporary, file); // atomic: kubectl never reads half a file
}
