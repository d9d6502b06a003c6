import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { createMessageConnection, StreamMessageReader, StreamMessageWriter, type MessageConnection } from 'vscode-jsonrpc/node';
import {
	DidChangeTextDocumentNotification,
	DidCloseTextDocumentNotification,
	DidOpenTextDocumentNotification,
	ExitNotification,
	InitializedNotification,
	InitializeRequest,
	PublishDiagnosticsNotification,
	ShutdownRequest,
	type InitializeResult,
	type PublishDiagnosticsParams,
} from 'vscode-languageserver-protocol';

const SERVER = path.resolve(__dirname, '../../../dist/server/serverMain.js');

/**
 * Drives the bundled server over stdio exactly as an editor does: the same binary the
 * `rapolicy-language-server` bin and the extension start.
 */
export class LspClient {
	readonly connection: MessageConnection;
	private readonly process: ChildProcessWithoutNullStreams;
	private readonly diagnostics = new Map<string, PublishDiagnosticsParams[]>();
	private readonly waiters: { uri: string; resolve: (p: PublishDiagnosticsParams) => void; after: number }[] = [];
	stderr = '';

	constructor(args: readonly string[] = ['--stdio'], nodeArgs: readonly string[] = []) {
		this.process = spawn(process.execPath, [...nodeArgs, SERVER, ...args], { stdio: 'pipe' });
		this.process.stderr.on('data', (chunk: Buffer) => {
			this.stderr += chunk.toString();
		});
		this.connection = createMessageConnection(new StreamMessageReader(this.process.stdout), new StreamMessageWriter(this.process.stdin));
		this.connection.onNotification(PublishDiagnosticsNotification.type, (params) => {
			const list = this.diagnostics.get(params.uri) ?? [];
			list.push(params);
			this.diagnostics.set(params.uri, list);
			for (const waiter of [...this.waiters]) {
				if (waiter.uri === params.uri && list.length > waiter.after) {
					this.waiters.splice(this.waiters.indexOf(waiter), 1);
					waiter.resolve(params);
				}
			}
		});
		this.connection.listen();
	}

	get exited(): boolean {
		return this.process.exitCode !== null;
	}

	async initialize(initializationOptions?: unknown, workspaceFolders: readonly string[] = []): Promise<InitializeResult> {
		const result = await this.connection.sendRequest(InitializeRequest.type, {
			processId: process.pid,
			rootUri: null,
			capabilities: { textDocument: { publishDiagnostics: { versionSupport: true } } },
			initializationOptions,
			workspaceFolders: workspaceFolders.map((folder) => ({ uri: pathToFileURL(folder).toString(), name: path.basename(folder) })),
		});
		await this.connection.sendNotification(InitializedNotification.type, {});
		return result;
	}

	/** Diagnostics published after the `count`-th publication for `uri` (so after the next edit). */
	nextDiagnostics(uri: string): Promise<PublishDiagnosticsParams> {
		const after = this.diagnostics.get(uri)?.length ?? 0;
		return new Promise((resolve) => this.waiters.push({ uri, resolve, after }));
	}

	/** The diagnostics published for `version` of a document, now or when they arrive. */
	diagnosticsFor(uri: string, version: number): Promise<PublishDiagnosticsParams> {
		const found = this.diagnostics.get(uri)?.find((p) => p.version === version);
		if (found) {
			return Promise.resolve(found);
		}
		return new Promise((resolve) => {
			const wait = () => {
				void this.nextDiagnostics(uri).then((p) => (p.version === version ? resolve(p) : wait()));
			};
			wait();
		});
	}

	async open(uri: string, text: string, languageId = 'rapolicy'): Promise<PublishDiagnosticsParams> {
		const next = this.nextDiagnostics(uri);
		await this.connection.sendNotification(DidOpenTextDocumentNotification.type, { textDocument: { uri, languageId, version: 1, text } });
		return next;
	}

	async change(uri: string, version: number, changes: { range?: { start: { line: number; character: number }; end: { line: number; character: number } }; text: string }[]): Promise<PublishDiagnosticsParams> {
		const next = this.nextDiagnostics(uri);
		await this.connection.sendNotification(DidChangeTextDocumentNotification.type, { textDocument: { uri, version }, contentChanges: changes as never });
		return next;
	}

	/** Closes a document; the server then clears its diagnostics. */
	async close(uri: string): Promise<PublishDiagnosticsParams> {
		const next = this.nextDiagnostics(uri);
		await this.connection.sendNotification(DidCloseTextDocumentNotification.type, { textDocument: { uri } });
		return next;
	}

	async stop(): Promise<number | null> {
		if (!this.exited) {
			await this.connection.sendRequest(ShutdownRequest.type);
			await this.connection.sendNotification(ExitNotification.type);
		}
		const code = await new Promise<number | null>((resolve) => {
			if (this.exited) {
				resolve(this.process.exitCode);
				return;
			}
			this.process.once('exit', (c) => resolve(c));
		});
		this.connection.dispose();
		return code;
	}
}
