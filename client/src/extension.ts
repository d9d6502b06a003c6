import * as vscode from 'vscode';
import { LanguageClient, TransportKind, type LanguageClientOptions, type ServerOptions } from 'vscode-languageclient/node';
import { registerSyncmlDetection } from './syncmlDetection';

let client: LanguageClient | undefined;

function createClient(context: vscode.ExtensionContext, outputChannel: vscode.LogOutputChannel): LanguageClient {
	const module = context.asAbsolutePath('dist/server/serverMain.js');
	const serverOptions: ServerOptions = {
		run: { module, transport: TransportKind.ipc },
		debug: { module, transport: TransportKind.ipc, options: { execArgv: ['--nolazy', '--inspect=6019'] } },
	};
	const clientOptions: LanguageClientOptions = {
		documentSelector: [{ language: 'rapolicy' }, { language: 'syncml' }],
		outputChannel,
	};
	// The id matches the settings prefix, so `rapolicy.trace.server` traces the protocol.
	return new LanguageClient('rapolicy', 'Remote Assistance Policy', serverOptions, clientOptions);
}

const SERVED_LANGUAGES = ['rapolicy', 'syncml'];

/**
 * Activation also happens for plain XML (to recognise SyncML in `.xml` files), so the language
 * server starts only once a document it serves is open.
 */
export function activate(context: vscode.ExtensionContext): void {
	const outputChannel = vscode.window.createOutputChannel('Remote Assistance Policy', { log: true });
	context.subscriptions.push(outputChannel);
	registerSyncmlDetection(context);
	const ensureStarted = (document: vscode.TextDocument) => {
		if (client || !SERVED_LANGUAGES.includes(document.languageId)) {
			return;
		}
		client = createClient(context, outputChannel);
		client.start().catch((error: unknown) => outputChannel.error(`The language server did not start: ${String(error)}`));
	};
	context.subscriptions.push(
		vscode.workspace.onDidOpenTextDocument(ensureStarted),
		vscode.commands.registerCommand('rapolicy.restartServer', async () => {
			if (client) {
				await client.restart();
			}
		}),
	);
	vscode.workspace.textDocuments.forEach(ensureStarted);
}

export async function deactivate(): Promise<void> {
	await client?.stop();
	client = undefined;
}
