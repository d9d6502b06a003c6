import { keyName, type AstNode, type YamlTree } from './yamlAst';

export interface Located {
	/** Keys (and list indexes) from the document root to the node under the offset. */
	readonly path: readonly (string | number)[];
	/** Whether the offset is on a key or on a value (list entries count as values). */
	readonly on: 'key' | 'value';
	readonly node: AstNode;
}

/** The innermost key or value under `offset`, with its path from the document root. */
export function locate(docs: readonly YamlTree[], offset: number): Located | undefined {
	const doc = docs.find((d) => offset >= d.start && offset <= d.end);
	if (!doc?.root) {
		return undefined;
	}
	const contains = (node: AstNode | null): node is AstNode => node !== null && offset >= node.start && offset <= node.end;
	let node: AstNode = doc.root;
	const path: (string | number)[] = [];
	for (let depth = 0; depth < 64; depth++) {
		let next: AstNode | undefined;
		if (node.kind === 'map') {
			for (const pair of node.pairs) {
				const name = keyName(pair);
				if (contains(pair.key) && name !== undefined) {
					return { path: [...path, name], on: 'key', node: pair.key };
				}
				if (contains(pair.value) && name !== undefined) {
					path.push(name);
					next = pair.value;
					break;
				}
			}
		} else if (node.kind === 'seq') {
			const index = node.items.findIndex((item) => contains(item));
			if (index >= 0) {
				path.push(index);
				next = node.items[index] as AstNode;
			}
		}
		if (!next) {
			return node.kind === 'scalar' ? { path, on: 'value', node } : undefined;
		}
		node = next;
	}
	return undefined;
}
