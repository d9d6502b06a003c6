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
		documentSelector: [{ language: 'rapolicy' }],
		outputChannel,
	};
	// The id matches the settings prefix, so `rapolicy.trace.server` traces the protocol.
	return new LanguageClient('rapolicy', 'Remote Assistance Policy', serverOptions, clientOptions);
}

export async function activate(context: vscode.ExtensionContext): Promise<void> {
	const outputChannel = vscode.window.createOutputChannel('Remote Assistance Policy', { log: true });
	context.subscriptions.push(outputChannel);
	registerSyncmlDetection(context);
	client = createClient(context, outputChannel);
	context.subscriptions.push(vscode.commands.registerCommand('rapolicy.restartServer', async () => {
		await client?.restart();
	}));
	await client.start();
}

export async function deactivate(): Promise<void> {
	await client?.stop();
	client = undefined;
}
