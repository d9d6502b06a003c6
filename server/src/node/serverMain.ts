import { createConnection, ProposedFeatures } from 'vscode-languageserver/node';
import { startServer } from '../server';
import { SERVER_NAME, VERSION } from '../version';

const args = process.argv.slice(2);
if (args.includes('--version')) {
	process.stdout.write(`${SERVER_NAME} ${VERSION}\n`);
	process.exit(0);
}
if (args.includes('--help') || !args.some((a) => a === '--stdio' || a === '--node-ipc' || a.startsWith('--socket') || a.startsWith('--pipe'))) {
	process.stdout.write(`Usage: ${SERVER_NAME} --stdio\n\nA language server for Remote Assistance policy files (*.rapolicy.yaml).\nTransports: --stdio, --node-ipc, --socket=<port>, --pipe=<name>.\n`);
	process.exit(args.includes('--help') ? 0 : 2);
}

const connection = createConnection(ProposedFeatures.all);
// Anything printed to stdout would corrupt the protocol stream, so console output goes to the client's log.
console.log = (...values: unknown[]) => connection.console.log(values.map(String).join(' '));
console.info = console.log;
console.warn = (...values: unknown[]) => connection.console.warn(values.map(String).join(' '));
console.error = (...values: unknown[]) => connection.console.error(values.map(String).join(' '));
process.on('unhandledRejection', (reason) => connection.console.error(`Unhandled rejection: ${String(reason)}`));

startServer(connection);
