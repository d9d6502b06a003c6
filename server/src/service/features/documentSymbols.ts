import { SymbolKind, type DocumentSymbol } from 'vscode-languageserver-types';
import type { ParsedDocument } from '../document';
import type { OptionValue } from '../model/policyModel';
import { toRange } from './diagnostics';

function summary(value: OptionValue | undefined): string | undefined {
	if (!value) {
		return undefined;
	}
	if (value.kind === 'scalar') {
		return value.value === null ? undefined : String(value.value);
	}
	return value.kind === 'list' ? `${value.items.length} ${value.items.length === 1 ? 'entry' : 'entries'}` : undefined;
}

/** The outline: profiles, their policies with state, and the options of each policy. */
export function getDocumentSymbols(doc: ParsedDocument): DocumentSymbol[] {
	return doc.profiles.map(({ profile }, index) => {
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
					name: option.id.value,
					detail: summary(option.value),
					kind: SymbolKind.Field,
					range: toRange(doc.lines, option.span),
					selectionRange: toRange(doc.lines, option.id),
				})),
			})),
		};
	});
}
