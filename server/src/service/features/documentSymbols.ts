import { SymbolKind, type DocumentSymbol, type Range } from 'vscode-languageserver-types';
import type { ParsedDocument, ParsedSyncml, ParsedYaml } from '../document/document';
import { parseRemoteAssistanceUri } from '../catalog/omaUri';
import type { SyncmlCommand } from '../syncml/syncmlModel';
import type { OptionValue, PolicySetting } from '../model/policyModel';
import { toRange } from '../text/ranges';
import { admxSymbols } from './admxSymbols';
import type { Span } from '../text/span';

function summary(value: OptionValue | undefined): string | undefined {
	if (!value) {
		return undefined;
	}
	if (value.kind === 'scalar') {
		return value.value === null ? undefined : String(value.value);
	}
	return value.kind === 'list' ? `${value.items.length} ${value.items.length === 1 ? 'entry' : 'entries'}` : undefined;
}

/** The outline: profiles, policies and options in YAML; commands and items in SyncML; categories and policies in ADMX. */
export function getDocumentSymbols(doc: ParsedDocument): DocumentSymbol[] {
	// The JSON editor outlines an Intune export itself.
	switch (doc.language) {
		case 'syncml':
			return syncmlSymbols(doc);
		case 'intune':
			return [];
		case 'admx':
			return admxSymbols(doc);
		default:
			return yamlSymbols(doc);
	}
}

function syncmlSymbols(doc: ParsedSyncml): DocumentSymbol[] {
	return doc.chunks.map((chunk) => {
		// Each command's model is relative to its own start; the outline moves it into place.
		const base = chunk.start;
		const at = (span: Span) => toRange(doc.lines, { start: span.start + base, end: span.end + base });
		const settings = new Map(chunk.result.settings.map((s) => [s.span.start, s]));
		return commandSymbol(chunk.result.command, settings, at);
	});
}

function commandSymbol(c: SyncmlCommand, settings: ReadonlyMap<number, PolicySetting>, at: (span: Span) => Range): DocumentSymbol {
	const command = (c: SyncmlCommand): DocumentSymbol => ({
		name: c.name,
		detail: c.cmdId ? `CmdID ${c.cmdId.value}` : undefined,
		kind: SymbolKind.Event,
		range: at(c.element),
		selectionRange: at(c.element.nameSpan),
		children: [
			...c.children.map(command),
			...c.items.map((item) => {
				const uri = item.locUri?.value || '(no LocURI)';
				const ra = item.locUri ? parseRemoteAssistanceUri(uri) : undefined;
				return {
					name: ra?.policy?.name ?? uri,
					detail: summary(settings.get(item.element.start)?.state) ?? (ra ? uri : undefined),
					kind: SymbolKind.Object,
					range: at(item.element),
					selectionRange: at(item.locUri ?? item.element.nameSpan),
				};
			}),
		],
	});
	return command(c);
}

function yamlSymbols(doc: ParsedYaml): DocumentSymbol[] {
	return doc.profiles.map((profile, index) => {
		const nameSpan = profile.name ?? { start: profile.span.start, end: profile.span.start };
		const profileRange = toRange(doc.lines, profile.span);
		return {
			name: profile.name?.value ?? `Profile ${index + 1}`,
			detail: `${profile.policies.length} ${profile.policies.length === 1 ? 'policy' : 'policies'}`,
			kind: SymbolKind.Namespace,
			range: profileRange,
			selectionRange: toRange(doc.lines, nameSpan),
			children: profile.policies.map((setting) => ({
				name: setting.name.value || '(unnamed)',
				detail: summary(setting.state),
				kind: SymbolKind.Object,
				range: toRange(doc.lines, setting.span),
				selectionRange: toRange(doc.lines, setting.name),
				children: setting.options.map((option) => ({
					name: option.id.value || '(empty key)',
					detail: summary(option.value),
					kind: SymbolKind.Field,
					range: toRange(doc.lines, option.span),
					selectionRange: toRange(doc.lines, option.id),
				})),
			})),
		};
	});
}
