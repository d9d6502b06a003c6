import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { Commands, PREVIEW_REQUEST, type ChannelExport, type PolicyPreview, type Preview, type PreviewResult, type ProfilePreview } from '../../server/src/common/protocol';
import { exportChoices, exportData } from './channelExports';
import { convertToYaml } from './convertToYaml';
import { copyText, policyAtLine, type CopyForm } from './copyForms';
import { exportFileName } from './fileNames';
import { baseName, PreviewPanels } from './previewPanel';
import { newPolicyFromTemplate } from './templates';

const POLICY_LANGUAGES = ['rapolicy', 'syncml'];
const isPolicy = (document: vscode.TextDocument) => POLICY_LANGUAGES.includes(document.languageId);
const EXAMPLE_TEMPLATE = 'helpdesk-offers-help.rapolicy.yaml';

/**
 * The document a command acts on: the one a lens or menu names, the active editor's, the only
 * policy file on screen (the preview may have focus), or one the user picks, an example included.
 */
async function targetDocument(context: vscode.ExtensionContext, uri?: unknown): Promise<vscode.TextDocument | undefined> {
	if (typeof uri === 'string' || uri instanceof vscode.Uri) {
		return vscode.workspace.openTextDocument(typeof uri === 'string' ? vscode.Uri.parse(uri) : uri);
	}
	const active = vscode.window.activeTextEditor?.document;
	if (active && isPolicy(active)) {
		return active;
	}
	const visible = [...new Set(vscode.window.visibleTextEditors.map((e) => e.document).filter(isPolicy))];
	if (visible.length === 1) {
		return visible[0];
	}
	return pickDocument(context);
}

async function pickDocument(context: vscode.ExtensionContext): Promise<vscode.TextDocument | undefined> {
	const open = vscode.workspace.textDocuments.filter(isPolicy);
	const files = await vscode.workspace.findFiles('**/*.{rapolicy.yaml,rapolicy.yml,syncml}', '**/node_modules/**', 200);
	const uris = new Map<string, vscode.Uri>([...open.map((d) => d.uri), ...files].map((u) => [u.toString(), u]));
	type Item = vscode.QuickPickItem & { uri?: vscode.Uri };
	const items: Item[] = [...uris.values()].map((uri) => ({ label: baseName(uri), description: vscode.workspace.asRelativePath(uri.with({ path: uri.path.replace(/\/[^/]*$/, '') })), uri }));
	items.push({ label: '$(new-file) Open an example profile', detail: 'Helpdesk offers Remote Assistance: a working profile to try the preview and the copies on' });
	const picked = await vscode.window.showQuickPick(items, { placeHolder: 'Which policy file?' });
	if (!picked) {
		return undefined;
	}
	return picked.uri ? vscode.workspace.openTextDocument(picked.uri) : (await newPolicyFromTemplate(context, EXAMPLE_TEMPLATE, true))?.document;
}

async function previewOf(client: LanguageClient, document: vscode.TextDocument): Promise<Preview | undefined> {
	const preview = await client.sendRequest<PreviewResult>(PREVIEW_REQUEST, { uri: document.uri.toString() });
	if (preview && preview.errors.length > 0) {
		const first = preview.errors[0];
		const count = preview.errors.length === 1 ? 'an error' : `${preview.errors.length} errors`;
		void vscode.window.showErrorMessage(`${baseName(document.uri)} has ${count}; nothing is encoded until ${preview.errors.length === 1 ? 'it is' : 'they are'} fixed. First: line ${first.line + 1}: ${first.message}`, 'Go to error').then((go) => {
			if (go) {
				const position = new vscode.Position(first.line, first.character);
				void vscode.window.showTextDocument(document, { selection: new vscode.Range(position, position) });
			}
		});
		return undefined;
	}
	return preview ?? undefined;
}

/** The profile an export is for: the one a caller names by its place in the file, the only one, or one the user picks. */
async function chooseProfile(profiles: readonly ProfilePreview[], index: unknown): Promise<ProfilePreview | undefined> {
	const named = Number.isInteger(index) ? profiles[index as number] : undefined;
	if (named || profiles.length <= 1) {
		return named ?? profiles[0];
	}
	const picked = await vscode.window.showQuickPick(profiles.map((p) => ({ label: p.name, description: `${p.policies.length} policies`, profile: p })), { placeHolder: 'A message is for one profile: which one?' });
	return picked?.profile;
}

/**
 * The policy a copy acts on: the one a lens names by its line, the one holding the cursor, the only
 * one in the file, or one the user picks.
 */
async function choosePolicy(preview: Preview, document: vscode.TextDocument, line: number | undefined): Promise<PolicyPreview | undefined> {
	const policies = preview.profiles.flatMap((p) => p.policies);
	const editor = vscode.window.activeTextEditor?.document === document ? vscode.window.activeTextEditor : undefined;
	const at = line ?? editor?.selection.active.line;
	const held = at === undefined ? undefined : policyAtLine(policies, at);
	if (held || policies.length <= 1) {
		return held ?? policies[0];
	}
	const several = preview.profiles.length > 1;
	const picked = await vscode.window.showQuickPick(preview.profiles.flatMap((profile) => profile.policies.map((policy) => ({
		label: policy.policy,
		description: `${policy.state}${several ? ` · ${profile.name}` : ''}`,
		detail: policy.friendlyName,
		policy,
	}))), { placeHolder: 'Copy from which policy?', matchOnDescription: true, matchOnDetail: true });
	return picked?.policy;
}

/** Runs one copy form: from a lens (URI and line), the context menu (URI) or the palette (nothing). */
async function copy(context: vscode.ExtensionContext, client: LanguageClient, form: CopyForm, uri?: unknown, line?: unknown): Promise<string | undefined> {
	const document = await targetDocument(context, uri);
	const preview = document && await previewOf(client, document);
	if (!document || !preview) {
		return undefined;
	}
	if (preview.profiles.every((p) => p.policies.length === 0)) {
		void vscode.window.showWarningMessage(`${baseName(document.uri)} sets no Remote Assistance policy yet, so there is nothing to copy.`);
		return undefined;
	}
	const policy = await choosePolicy(preview, document, typeof line === 'number' ? line : undefined);
	if (!policy) {
		return undefined;
	}
	const result = copyText(policy, form, preview.encoding);
	if ('refusal' in result) {
		void vscode.window.showInformationMessage(result.refusal);
		return undefined;
	}
	await vscode.env.clipboard.writeText(result.text);
	vscode.window.setStatusBarMessage(`$(check) ${result.confirmation}`, 8000);
	return result.text;
}

/** The file an export proposes: beside the source, named after it (and the profile, when there are several). */
export function defaultExportUri(source: vscode.Uri, profile: string, profileCount: number, extension: string): vscode.Uri {
	return vscode.Uri.joinPath(source, '..', exportFileName(baseName(source), profile, profileCount, extension));
}

/** The channel an export is for: the one a caller names by its id, or one the user picks. */
async function chooseChannel(preview: Preview, id: unknown): Promise<string | undefined> {
	if (typeof id === 'string') {
		return id;
	}
	return (await vscode.window.showQuickPick(exportChoices(preview), { placeHolder: 'Export for which channel?' }))?.id;
}

/** What the export writes, or undefined with the reason shown when the channel cannot carry the profile. */
function exportContent(profile: ProfilePreview, channel: ChannelExport): string | Uint8Array | undefined {
	const data = exportData(channel);
	if (data === undefined) {
		void vscode.window.showWarningMessage(`${profile.name} cannot be exported for this channel. ${channel.note ?? ''}`.trim());
		return undefined;
	}
	if (channel.note) {
		void vscode.window.showInformationMessage(channel.note);
	}
	return data;
}

/** Saves a profile for a channel, each named by the caller or picked by the user, where the caller says or the user chooses. */
async function exportProfile(context: vscode.ExtensionContext, client: LanguageClient, channelId: unknown, uri?: unknown, target?: unknown, profileIndex?: unknown): Promise<vscode.Uri | undefined> {
	const document = await targetDocument(context, uri);
	const preview = document && await previewOf(client, document);
	const id = preview && await chooseChannel(preview, channelId);
	const profile = preview && id ? await chooseProfile(preview.profiles, profileIndex) : undefined;
	const channel = profile?.channels.find((c) => c.id === id);
	const data = profile && channel && exportContent(profile, channel);
	if (!document || !preview || !profile || !channel || data === undefined) {
		return undefined;
	}
	// A caller (a task, another extension) may name the file; otherwise the user chooses it.
	const destination = target instanceof vscode.Uri
		? target
		: await vscode.window.showSaveDialog({ defaultUri: defaultExportUri(document.uri, profile.name, preview.profiles.length, channel.extension), saveLabel: 'Export' });
	if (!destination) {
		return undefined;
	}
	await vscode.workspace.fs.writeFile(destination, typeof data === 'string' ? new TextEncoder().encode(data) : data);
	void vscode.window.showInformationMessage(`Exported ${profile.name} to ${baseName(destination)}.`, 'Open').then((open) => {
		if (open) {
			void vscode.window.showTextDocument(destination);
		}
	});
	return destination;
}

/** `server` gives the language client, started first when no document has started it yet. */
export function registerCommands(context: vscode.ExtensionContext, server: () => Promise<LanguageClient>, panels: PreviewPanels, log: vscode.LogOutputChannel): void {
	const register = (id: string, run: (...args: unknown[]) => unknown) => context.subscriptions.push(vscode.commands.registerCommand(id, run));

	register(Commands.previewPayload, async (uri?: unknown, line?: unknown) => {
		const document = await targetDocument(context, uri);
		if (document) {
			await panels.show(document, typeof line === 'number' ? line : undefined);
		}
	});

	const copies: [string, CopyForm][] = [
		[Commands.copyPayload, 'raw'],
		[Commands.copyOmaUri, 'omaUri'],
		[Commands.copyPayloadForSyncml, 'syncmlData'],
		[Commands.copyIntuneRow, 'intuneRow'],
	];
	for (const [id, form] of copies) {
		register(id, async (uri?: unknown, line?: unknown) => copy(context, await server(), form, uri, line));
	}

	register(Commands.exportSyncml, async (uri?: unknown, target?: unknown) => exportProfile(context, await server(), 'syncml', uri, target));
	register(Commands.exportIntune, async (uri?: unknown, target?: unknown) => exportProfile(context, await server(), 'intune', uri, target));
	register(Commands.exportChannel, async (uri?: unknown, target?: unknown, channel?: unknown, profileIndex?: unknown) => exportProfile(context, await server(), channel, uri, target, profileIndex));

	register(Commands.convertToYaml, async (uri?: unknown) => convertToYaml(await server(), log, uri));
}
