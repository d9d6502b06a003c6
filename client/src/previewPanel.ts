import { randomBytes } from 'node:crypto';
import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { Commands, PREVIEW_REQUEST, type PreviewResult } from '../../server/src/common/protocol';
import { renderPreview, type Reveal } from './previewHtml';

const REFRESH_DELAY_MS = 250;

/**
 * The payload preview: one webview beside each previewed document, refreshed (debounced) as the
 * document changes or the settings do. The page can only ask the extension to copy text.
 */
export class PreviewPanels implements vscode.Disposable {
	private readonly panels = new Map<string, { panel: vscode.WebviewPanel; timer?: NodeJS.Timeout; html: string; reveal?: Reveal }>();
	private readonly subscriptions: vscode.Disposable[] = [];
	private reveals = 0;

	constructor(private readonly client: () => LanguageClient | undefined) {
		this.subscriptions.push(
			vscode.workspace.onDidChangeTextDocument((e) => this.schedule(e.document.uri.toString())),
			vscode.workspace.onDidChangeConfiguration((e) => {
				if (e.affectsConfiguration('rapolicy')) {
					for (const uri of this.panels.keys()) {
						this.schedule(uri);
					}
				}
			}),
		);
	}

	/** The HTML currently shown for a document, for tests and the status item. */
	htmlFor(uri: string): string | undefined {
		return this.panels.get(uri)?.html;
	}

	/** Shows the preview of a document beside it; with a line, scrolls to and marks the policy that starts there. */
	async show(document: vscode.TextDocument, line?: number): Promise<void> {
		const uri = document.uri.toString();
		const existing = this.panels.get(uri);
		if (existing) {
			existing.panel.reveal(vscode.ViewColumn.Beside, true);
		} else {
			const panel = vscode.window.createWebviewPanel('rapolicy.preview', `Payload: ${baseName(document.uri)}`, { viewColumn: vscode.ViewColumn.Beside, preserveFocus: true }, {
				enableScripts: true,
				enableFindWidget: true,
				localResourceRoots: [],
			});
			panel.webview.onDidReceiveMessage((message: PageMessage) => this.onMessage(document.uri, message));
			panel.onDidDispose(() => {
				clearTimeout(this.panels.get(uri)?.timer);
				this.panels.delete(uri);
			});
			this.panels.set(uri, { panel, html: '' });
		}
		const entry = this.panels.get(uri);
		if (entry && line !== undefined) {
			entry.reveal = { line, token: ++this.reveals };
		}
		await this.refresh(uri);
	}

	private async onMessage(source: vscode.Uri, message: PageMessage): Promise<void> {
		if (message.type === 'copy' && typeof message.text === 'string') {
			await vscode.env.clipboard.writeText(message.text);
			vscode.window.setStatusBarMessage(`Copied the ${typeof message.what === 'string' ? message.what : 'text'}.`, 5000);
		} else if (message.type === 'export' && typeof message.channel === 'string') {
			// The button sits under one profile: that one is saved, without asking which.
			await vscode.commands.executeCommand(Commands.exportChannel, source, undefined, message.channel, Number.isInteger(message.profile) ? message.profile : undefined);
		} else if (message.type === 'goto' && Number.isInteger(message.line) && Number.isInteger(message.character)) {
			// Back to the source's own editor when it is open, so the preview keeps its place beside it.
			const position = new vscode.Position(Number(message.line), Number(message.character));
			const column = vscode.window.visibleTextEditors.find((e) => e.document.uri.toString() === source.toString())?.viewColumn ?? vscode.ViewColumn.One;
			await vscode.window.showTextDocument(source, { viewColumn: column, selection: new vscode.Range(position, position) });
		}
	}

	private schedule(uri: string): void {
		const entry = this.panels.get(uri);
		if (!entry) {
			return;
		}
		// The mark follows a lens click; after an edit the lines it named may hold another policy.
		entry.reveal = undefined;
		clearTimeout(entry.timer);
		entry.timer = setTimeout(() => void this.refresh(uri), REFRESH_DELAY_MS);
	}

	private async refresh(uri: string): Promise<void> {
		const entry = this.panels.get(uri);
		const client = this.client();
		if (!entry || !client) {
			return;
		}
		const preview = await client.sendRequest<PreviewResult>(PREVIEW_REQUEST, { uri });
		if (!preview || !this.panels.has(uri)) {
			return;
		}
		const html = renderPreview(preview, `Payload preview: ${baseName(vscode.Uri.parse(uri))}`, randomBytes(16).toString('base64'), entry.panel.webview.cspSource, entry.reveal);
		entry.html = html;
		entry.panel.webview.html = html;
	}

	dispose(): void {
		for (const { panel } of this.panels.values()) {
			panel.dispose();
		}
		this.subscriptions.forEach((s) => s.dispose());
	}
}

/** What the page sends: a text to copy, a channel of a profile to save, or a place in the source to open. */
interface PageMessage {
	readonly type?: string;
	readonly text?: unknown;
	readonly what?: unknown;
	readonly line?: unknown;
	readonly character?: unknown;
	readonly channel?: unknown;
	readonly profile?: unknown;
}

export function baseName(uri: vscode.Uri): string {
	return uri.path.split('/').pop() ?? uri.path;
}
