import * as vscode from 'vscode';
import { CloseAction, ErrorAction, LanguageClient, TransportKind, type ErrorHandler, type LanguageClientOptions, type ServerOptions } from 'vscode-languageclient/node';
import { Commands, WORKSPACE_TRUSTED_NOTIFICATION, type InitializationOptions } from '../../server/src/common/protocol';
import { registerCommands } from './commands';
import { comparePolicies } from './comparePolicies';
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
		// JSON goes to the server too; it serves only Intune exports with Remote Assistance settings and ignores the rest.
		documentSelector: [{ language: 'rapolicy' }, { language: 'syncml' }, { language: 'admx' }, { language: 'json' }, { language: 'jsonc' }],
		outputChannel,
		errorHandler: restartingErrorHandler(outputChannel),
		// Read when the server starts, so one started again after trust was granted knows it.
		initializationOptions: (): InitializationOptions => ({ workspaceTrusted: vscode.workspace.isTrusted }),
	};
	// The id matches the settings prefix, so `rapolicy.trace.server` traces the protocol.
	return new LanguageClient('rapolicy', 'Remote Assistance Policy', serverOptions, clientOptions);
}

/**
 * A server that stops is started again, and the open documents are sent to it again; the user is
 * told the first time. After five stops within three minutes it stays stopped, with the log shown.
 */
function restartingErrorHandler(log: vscode.LogOutputChannel): ErrorHandler {
	const stops: number[] = [];
	let told = false;
	return {
		error: () => ({ action: ErrorAction.Continue }),
		closed: () => {
			const now = Date.now();
			stops.push(now);
			while (stops.length > 0 && now - stops[0] > 3 * 60_000) {
				stops.shift();
			}
			if (stops.length > 5) {
				log.error('The language server stopped five times in three minutes and was not started again.');
				return { action: CloseAction.DoNotRestart, message: 'The Remote Assistance Policy language server keeps stopping; see its output for details. Run "Remote Assistance: Restart Language Server" to try again.' };
			}
			log.warn('The language server stopped; starting it again.');
			if (!told) {
				told = true;
				void vscode.window.showWarningMessage('The Remote Assistance Policy language server stopped and was started again. Your files are being checked again.');
			}
			return { action: CloseAction.Restart, handled: true };
		},
	};
}

const SERVED_LANGUAGES = ['rapolicy', 'syncml', 'admx'];
const JSON_LANGUAGES = ['json', 'jsonc'];

/** Whether a document is one the server may serve; for JSON, only one that names Remote Assistance or an ADMX ingestion starts it. */
function mayServe(document: vscode.TextDocument): boolean {
	return SERVED_LANGUAGES.includes(document.languageId) || (JSON_LANGUAGES.includes(document.languageId) && /remoteassistance|admxinstall/i.test(document.getText()));
}

/** What the extension gives other extensions (and its tests): read-only views of its state. */
export interface RapolicyApi {
	previewHtml(uri: vscode.Uri): string | undefined;
}

export function activate(context: vscode.ExtensionContext): RapolicyApi {
	const outputChannel = vscode.window.createOutputChannel('Remote Assistance Policy', { log: true });
	context.subscriptions.push(outputChannel);
	registerSyncmlDetection(context);
	// Activation also happens for plain XML (to recognise SyncML in `.xml` files), so the language
	// server starts once a document it serves is open, or a command needs it.
	let started: Promise<LanguageClient> | undefined;
	const server = (): Promise<LanguageClient> => {
		if (!started) {
			const created = createClient(context, outputChannel);
			client = created;
			started = created.start().then(() => created, (error: unknown) => {
				outputChannel.error(`The language server did not start: ${String(error)}`);
				return created;
			});
		}
		return started;
	};
	const ensureStarted = (document: vscode.TextDocument) => {
		if (!client && mayServe(document)) {
			void server();
		}
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
		vscode.workspace.onDidGrantWorkspaceTrust(() => {
			if (client?.isRunning()) {
				void client.sendNotification(WORKSPACE_TRUSTED_NOTIFICATION);
			}
		}),
	);
	registerCommands(context, server, panels, outputChannel);
	registerLanguageStatus(context, () => client);
	context.subscriptions.push(vscode.commands.registerCommand(Commands.comparePolicies, (first?: unknown, second?: unknown) => comparePolicies(server, first, second)));
	context.subscriptions.push(vscode.commands.registerCommand(Commands.newPolicy, (pick?: unknown) => newPolicyFromTemplate(context, typeof pick === 'string' ? pick : undefined)));
	vscode.workspace.textDocuments.forEach(ensureStarted);
	return { previewHtml: (uri) => panels.htmlFor(uri.toString()) };
}

export async function deactivate(): Promise<void> {
	await client?.stop();
	client = undefined;
}
