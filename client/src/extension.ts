import * as vscode from 'vscode';
import { LanguageClient, TransportKind, type LanguageClientOptions, type ServerOptions } from 'vscode-languageclient/node';
import { Commands } from '../../server/src/common/protocol';
import { registerCommands } from './commands';
import { PreviewPanels } from './previewPanel';
import { registerLanguageStatus } from './languageStatus';
import { registerSyncmlDetection } from './syncmlDetection';
import { newPolicyFromTemplate } from './templates';

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
/** What the extension gives other extensions (and its tests): read-only views of its state. */
export interface RapolicyApi {
	previewHtml(uri: vscode.Uri): string | undefined;
}

export function activate(context: vscode.ExtensionContext): RapolicyApi {
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
	const panels = new PreviewPanels(() => client);
	context.subscriptions.push(
		panels,
		vscode.workspace.onDidOpenTextDocument(ensureStarted),
		vscode.commands.registerCommand(Commands.restartServer, async () => {
			if (client) {
				await client.restart();
			}
		}),
	);
	registerCommands(context, () => client, panels, outputChannel);
	registerLanguageStatus(context, () => client);
	context.subscriptions.push(vscode.commands.registerCommand(Commands.newPolicy, (pick?: unknown) => newPolicyFromTemplate(context, typeof pick === 'string' ? pick : undefined)));
	vscode.workspace.textDocuments.forEach(ensureStarted);
	return { previewHtml: (uri) => panels.htmlFor(uri.toString()) };
}

export async function deactivate(): Promise<void> {
	await client?.stop();
	client = undefined;
}
