import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { Commands, IMPORT_REQUEST, PREVIEW_REQUEST, type ImportRequestResult, type PreviewResult, type ProfilePreview } from '../../server/src/common/protocol';
import { exportFileName } from './exportNames';
import { baseName, PreviewPanels } from './previewPanel';

const POLICY_LANGUAGES = ['rapolicy', 'syncml'];

/** The document a command acts on: the one a CodeLens names, or the active editor's. */
async function targetDocument(uri?: unknown): Promise<vscode.TextDocument | undefined> {
	if (typeof uri === 'string' || uri instanceof vscode.Uri) {
		return vscode.workspace.openTextDocument(typeof uri === 'string' ? vscode.Uri.parse(uri) : uri);
	}
	const document = vscode.window.activeTextEditor?.document;
	if (!document || !POLICY_LANGUAGES.includes(document.languageId)) {
		void vscode.window.showWarningMessage('Open a Remote Assistance policy (.rapolicy.yaml) or SyncML file first.');
		return undefined;
	}
	return document;
}

async function previewOf(client: LanguageClient | undefined, document: vscode.TextDocument): Promise<PreviewResult> {
	if (!client) {
		return null;
	}
	const preview = await client.sendRequest<PreviewResult>(PREVIEW_REQUEST, { uri: document.uri.toString() });
	if (preview && preview.errors.length > 0) {
		const first = preview.errors[0];
		void vscode.window.showErrorMessage(`${baseName(document.uri)} has ${preview.errors.length} ${preview.errors.length === 1 ? 'error' : 'errors'}; nothing is encoded until ${preview.errors.length === 1 ? 'it is' : 'they are'} fixed. First: line ${first.line + 1}: ${first.message}`);
		return null;
	}
	return preview;
}

async function chooseProfile(profiles: readonly ProfilePreview[]): Promise<ProfilePreview | undefined> {
	if (profiles.length <= 1) {
		return profiles[0];
	}
	const picked = await vscode.window.showQuickPick(profiles.map((p) => ({ label: p.name, description: `${p.policies.length} policies`, profile: p })), { placeHolder: 'A message is for one profile: which one?' });
	return picked?.profile;
}

/** The file an export proposes: beside the source, named after it (and the profile, when there are several). */
export function defaultExportUri(source: vscode.Uri, profile: string, profileCount: number, extension: string): vscode.Uri {
	return vscode.Uri.joinPath(source, '..', exportFileName(baseName(source), profile, profileCount, extension));
}

async function exportProfile(client: LanguageClient | undefined, extension: string, content: (p: ProfilePreview) => string, uri?: unknown, target?: unknown): Promise<vscode.Uri | undefined> {
	const document = await targetDocument(uri);
	const preview = document && await previewOf(client, document);
	const profile = preview && await chooseProfile(preview.profiles);
	if (!document || !profile) {
		return undefined;
	}
	// A caller (a task, another extension) may name the file; otherwise the user chooses it.
	const destination = target instanceof vscode.Uri
		? target
		: await vscode.window.showSaveDialog({ defaultUri: defaultExportUri(document.uri, profile.name, preview.profiles.length, extension), saveLabel: 'Export' });
	if (!destination) {
		return undefined;
	}
	await vscode.workspace.fs.writeFile(destination, new TextEncoder().encode(content(profile)));
	void vscode.window.showInformationMessage(`Exported ${profile.name} to ${baseName(destination)}.`);
	return destination;
}

export function registerCommands(context: vscode.ExtensionContext, client: () => LanguageClient | undefined, panels: PreviewPanels, log: vscode.LogOutputChannel): void {
	const register = (id: string, run: (...args: unknown[]) => unknown) => context.subscriptions.push(vscode.commands.registerCommand(id, run));

	register(Commands.previewPayload, async (uri?: unknown) => {
		const document = await targetDocument(uri);
		if (document) {
			await panels.show(document);
		}
	});

	register(Commands.copyPayload, async () => {
		const editor = vscode.window.activeTextEditor;
		const document = await targetDocument();
		const preview = document && await previewOf(client(), document);
		if (!editor || !preview) {
			return undefined;
		}
		const line = editor.selection.active.line;
		const policies = preview.profiles.flatMap((p) => p.policies).filter((p) => p.line <= line);
		const policy = policies[policies.length - 1];
		if (!policy) {
			void vscode.window.showWarningMessage('Put the cursor on a policy to copy its payload.');
			return undefined;
		}
		const encoded = preview.encoding === 'cdata' ? policy.cdata : policy.escaped;
		if (encoded === null) {
			void vscode.window.showInformationMessage(`${policy.policy} is not configured: it is a Delete, with no payload to copy.`);
			return undefined;
		}
		await vscode.env.clipboard.writeText(encoded);
		void vscode.window.showInformationMessage(`Copied the ${preview.encoding === 'cdata' ? 'CDATA' : 'escaped'} payload of ${policy.policy}.`);
		return encoded;
	});

	register(Commands.exportSyncml, (uri?: unknown, target?: unknown) => exportProfile(client(), '.syncml', (p) => p.syncml, uri, target));
	register(Commands.exportIntune, (uri?: unknown, target?: unknown) => exportProfile(client(), '.intune.json', (p) => p.intune, uri, target));

	register(Commands.convertToYaml, async (uri?: unknown) => {
		const document = await targetDocument(uri);
		const active = client();
		if (!document || !active) {
			return undefined;
		}
		if (document.languageId !== 'syncml') {
			void vscode.window.showWarningMessage('Open a SyncML file to convert it to policy YAML.');
			return undefined;
		}
		const result = await active.sendRequest<ImportRequestResult>(IMPORT_REQUEST, { uri: document.uri.toString() });
		if (!result) {
			return undefined;
		}
		if (result.errors.length > 0) {
			void vscode.window.showErrorMessage(`${baseName(document.uri)} has ${result.errors.length} ${result.errors.length === 1 ? 'error' : 'errors'}; fix ${result.errors.length === 1 ? 'it' : 'them'} before converting. First: ${result.errors[0]}`);
			return undefined;
		}
		if (result.yaml === '') {
			void vscode.window.showWarningMessage(`${baseName(document.uri)} sets no Remote Assistance policy.`);
			return undefined;
		}
		const yaml = await vscode.workspace.openTextDocument({ language: 'rapolicy', content: result.yaml });
		await vscode.window.showTextDocument(yaml);
		if (result.skipped.length > 0) {
			log.info(`Not converted from ${baseName(document.uri)}:\n${result.skipped.join('\n')}`);
			// Not awaited: the new document is the result, the notice only points at the details.
			void vscode.window.showWarningMessage(`${result.skipped.length} ${result.skipped.length === 1 ? 'item was' : 'items were'} not converted.`, 'Show details').then((show) => {
				if (show) {
					log.show(true);
				}
			});
		}
		return yaml;
	});
}
