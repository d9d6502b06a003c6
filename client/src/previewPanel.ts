import { randomBytes } from 'node:crypto';
import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { PREVIEW_REQUEST, type PreviewResult } from '../../server/src/common/protocol';
import { renderPreview } from './previewHtml';

const REFRESH_DELAY_MS = 250;

/**
 * The payload preview: one webview beside each previewed document, refreshed (debounced) as the
 * document changes or the settings do. The page can only ask the extension to copy text.
 */
export class PreviewPanels implements vscode.Disposable {
	private readonly panels = new Map<string, { panel: vscode.WebviewPanel; timer?: NodeJS.Timeout; html: string }>();
	private readonly subscriptions: vscode.Disposable[] = [];

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

	async show(document: vscode.TextDocument): Promise<void> {
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
			panel.webview.onDidReceiveMessage(async (message: { type?: string; text?: unknown; what?: unknown }) => {
				if (message.type === 'copy' && typeof message.text === 'string') {
					await vscode.env.clipboard.writeText(message.text);
					void vscode.window.setStatusBarMessage(`Copied: ${typeof message.what === 'string' ? message.what.replace(/^Copy /, '') : 'text'}`, 3000);
				}
			});
			panel.onDidDispose(() => {
				clearTimeout(this.panels.get(uri)?.timer);
				this.panels.delete(uri);
			});
			this.panels.set(uri, { panel, html: '' });
		}
		await this.refresh(uri);
	}

	private schedule(uri: string): void {
		const entry = this.panels.get(uri);
		if (!entry) {
			return;
		}
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
		const html = renderPreview(preview, `Payload preview: ${baseName(vscode.Uri.parse(uri))}`, randomBytes(16).toString('base64'), entry.panel.webview.cspSource);
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

export function baseName(uri: vscode.Uri): string {
	return uri.path.split('/').pop() ?? uri.path;
}
