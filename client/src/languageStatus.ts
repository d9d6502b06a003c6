import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { Commands, SUMMARY_REQUEST, type SummaryResult, type SyncmlKind } from '../../server/src/common/protocol';

const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

/** How the status item names each kind of SyncML document. */
const KIND_NAMES: Readonly<Record<SyncmlKind, string>> = {
	message: 'SyncML · message',
	fragment: 'SyncML · message without header',
	body: 'SyncML · SyncBody',
	profile: 'SyncML · Fleet profile',
	device: 'SyncML · device message',
};

/** The language status item: what the file sets and how many problems it has; a click opens the preview. */
export function registerLanguageStatus(context: vscode.ExtensionContext, client: () => LanguageClient | undefined): void {
	const item = vscode.languages.createLanguageStatusItem('rapolicy.status', [{ language: 'rapolicy' }, { language: 'syncml' }]);
	item.name = 'Remote Assistance Policy';
	item.command = { title: 'Preview payload', command: Commands.previewPayload };
	let timer: NodeJS.Timeout | undefined;
	const update = async () => {
		const document = vscode.window.activeTextEditor?.document;
		const active = client();
		if (!document || !active || !['rapolicy', 'syncml'].includes(document.languageId)) {
			return;
		}
		const summary = await active.sendRequest<SummaryResult>(SUMMARY_REQUEST, { uri: document.uri.toString() }).catch(() => null);
		const problems = vscode.languages.getDiagnostics(document.uri).filter((d) => d.source === 'rapolicy');
		const errors = problems.filter((d) => d.severity === vscode.DiagnosticSeverity.Error).length;
		const counts = summary ? `${plural(summary.profiles, 'profile', 'profiles')}, ${plural(summary.policies, 'policy', 'policies')}` : 'Remote Assistance Policy';
		item.text = summary?.kind ? `${KIND_NAMES[summary.kind]}: ${counts}` : counts;
		item.detail = problems.length === 0 ? 'no problems' : `${plural(errors, 'error', 'errors')}, ${plural(problems.length - errors, 'warning', 'warnings')}`;
		item.severity = errors > 0 ? vscode.LanguageStatusSeverity.Error : problems.length > 0 ? vscode.LanguageStatusSeverity.Warning : vscode.LanguageStatusSeverity.Information;
	};
	const schedule = () => {
		clearTimeout(timer);
		timer = setTimeout(() => void update(), 150);
	};
	context.subscriptions.push(
		item,
		vscode.window.onDidChangeActiveTextEditor(schedule),
		vscode.languages.onDidChangeDiagnostics(schedule),
		{ dispose: () => clearTimeout(timer) },
	);
	schedule();
}
