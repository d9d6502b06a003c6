import { SymbolKind, type DocumentSymbol } from 'vscode-languageserver-types';
import type { ParsedAdmx } from '../document/document';
import { toRange } from '../text/ranges';
import type { Span } from '../text/span';

/**
 * The outline of an ADMX file: its categories as a tree, each policy under its category with its
 * elements, and policies in no category of this file (or in another file's) at the top.
 */
export function admxSymbols(doc: ParsedAdmx): DocumentSymbol[] {
	const file = doc.admx;
	if (!file) {
		return [];
	}
	const range = (span: Span) => toRange(doc.lines, span);
	const nodes = new Map<string, DocumentSymbol>();
	for (const category of file.categories.values()) {
		nodes.set(category.name, { name: category.name, kind: SymbolKind.Namespace, range: range(category), selectionRange: range(category), children: [] });
	}
	const top: DocumentSymbol[] = [];
	const under = (ref: { prefix: string | undefined; name: string } | undefined) => (ref && (ref.prefix === undefined || ref.prefix === file.target?.prefix) ? nodes.get(ref.name) : undefined);
	for (const category of file.categories.values()) {
		const parent = under(category.parentCategory);
		const node = nodes.get(category.name) as DocumentSymbol;
		(parent && parent !== node ? parent.children as DocumentSymbol[] : top).push(node);
	}
	for (const policy of file.policies) {
		const symbol: DocumentSymbol = {
			name: policy.name,
			detail: policy.class,
			kind: SymbolKind.Property,
			range: range(policy),
			selectionRange: range(policy.nameSpan),
			children: policy.elements.map((e) => ({ name: e.id, detail: e.type, kind: SymbolKind.Field, range: range(e), selectionRange: range(e) })),
		};
		const parent = under(policy.parentCategory);
		(parent ? parent.children as DocumentSymbol[] : top).push(symbol);
	}
	return top;
}
