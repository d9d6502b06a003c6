import { SymbolKind, type DocumentSymbol } from 'vscode-languageserver-types';
import type { ParsedAdmx } from '../document/document';
import { toRange } from '../text/ranges';
import type { Span } from '../text/span';

/**
 * The outline of an ADMX file: its categories as a tree, each policy under its category with its
 * elements, and policies in no category of this file (or in another file's) at the top. Editors
 * refuse a symbol without a name, so one the file leaves empty gets a placeholder.
 */
export function admxSymbols(doc: ParsedAdmx): DocumentSymbol[] {
	const file = doc.admx;
	if (!file) {
		return [];
	}
	const range = (span: Span) => toRange(doc.lines, span);
	const nodes = new Map<string, DocumentSymbol>();
	for (const category of file.categories.values()) {
		nodes.set(category.name, { name: category.name || '(unnamed category)', kind: SymbolKind.Namespace, range: range(category), selectionRange: range(category), children: [] });
	}
	const top: DocumentSymbol[] = [];
	const under = (ref: { prefix: string | undefined; name: string } | undefined) => (ref && (ref.prefix === undefined || ref.prefix === file.target?.prefix) ? nodes.get(ref.name) : undefined);
	const roots = new TreeRoots();
	for (const category of file.categories.values()) {
		const parent = under(category.parentCategory);
		const node = nodes.get(category.name) as DocumentSymbol;
		// A category whose parents lead back to it closes a circle: it stands at the top, so each is shown once.
		if (parent && roots.join(node, parent)) {
			(parent.children as DocumentSymbol[]).push(node);
		} else {
			top.push(node);
		}
	}
	for (const policy of file.policies) {
		const symbol: DocumentSymbol = {
			name: policy.name || '(unnamed policy)',
			detail: policy.class,
			kind: SymbolKind.Property,
			range: range(policy),
			selectionRange: range(policy.nameSpan),
			children: policy.elements.map((e) => ({ name: e.id || '(no id)', detail: e.type, kind: SymbolKind.Field, range: range(e), selectionRange: range(e) })),
		};
		const parent = under(policy.parentCategory);
		(parent ? parent.children as DocumentSymbol[] : top).push(symbol);
	}
	flattenBelow(top, MAX_DEPTH);
	return top;
}

/**
 * How many levels of categories the outline shows. An outline is read by people, and an editor
 * receives it as JSON, which a chain of thousands of categories would nest past the stack.
 */
const MAX_DEPTH = 32;

/** Lists everything under a category at level `depth` side by side under it, in the order the tree has it. */
function flattenBelow(top: readonly DocumentSymbol[], depth: number): void {
	const levels = top.map((symbol) => ({ symbol, level: 1 }));
	for (let next = levels.pop(); next; next = levels.pop()) {
		const { symbol, level } = next;
		const children = symbol.kind === SymbolKind.Namespace ? symbol.children ?? [] : [];
		if (level < depth) {
			for (const child of children) {
				levels.push({ symbol: child, level: level + 1 });
			}
			continue;
		}
		const flat: DocumentSymbol[] = [];
		const pending = children.slice().reverse();
		for (let below = pending.pop(); below; below = pending.pop()) {
			flat.push(below);
			if (below.kind === SymbolKind.Namespace) {
				for (let i = (below.children ?? []).length - 1; i >= 0; i--) {
					pending.push((below.children as DocumentSymbol[])[i]);
				}
				below.children = [];
			}
		}
		symbol.children = flat;
	}
}

/** The root of each tree of categories built so far (union-find), so a circle is found without walking the chain. */
class TreeRoots {
	private readonly up = new Map<DocumentSymbol, DocumentSymbol>();

	private root(node: DocumentSymbol): DocumentSymbol {
		let top = node;
		for (let next = this.up.get(top); next; next = this.up.get(top)) {
			top = next;
		}
		// Every node on the way now points at the root, so a long chain is walked once.
		for (let at = node; at !== top;) {
			const next = this.up.get(at) as DocumentSymbol;
			this.up.set(at, top);
			at = next;
		}
		return top;
	}

	/** Puts `node`, the root of its tree, under `parent`; false when `parent` is in that tree already. */
	join(node: DocumentSymbol, parent: DocumentSymbol): boolean {
		if (this.root(parent) === node) {
			return false;
		}
		this.up.set(node, parent);
		return true;
	}
}
