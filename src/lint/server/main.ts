/**
 * The entry of dist/lint-server.js, the lint language server process the extension starts (over
 * Node IPC); `--stdio` serves editors that speak LSP over standard input and output.
 */
import { createConnection, ProposedFeatures } from 'vscode-languageserver/node';
import { startServer } from './server';

startServer(createConnection(ProposedFeatures.all));
