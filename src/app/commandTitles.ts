import * as vscode from 'vscode';
import { EXTENSION_ID } from '../constants/ids';

interface ContributedCommand {
  readonly command: string;
  readonly title: string;
  readonly category?: string;
}

/**
 * A command's title as the palette shows it ("Valkey on Welkin: Toggle Read-Only in Console"), read
 * from the extension's manifest so messages never carry a stale copy. The id itself when unknown.
 */
export function paletteTitle(id: string): string {
  const manifest = vscode.extensions.getExtension(EXTENSION_ID)?.packageJSON as { contributes?: { commands?: ContributedCommand[] } } | undefined;
  const command = manifest?.contributes?.commands?.find((c) => c.command === id);
  if (!command) return id;
  return command.category ? `${command.category}: ${command.title}` : command.title;
}
