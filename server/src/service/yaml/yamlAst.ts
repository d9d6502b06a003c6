import type { Document, Node as YamlNode } from 'yaml';
import type { Span } from '../text/span';

export type ScalarStyle = 'plain' | 'single' | 'double' | 'block';

export interface ScalarNode extends Span {
	readonly kind: 'scalar';
	readonly value: string | number | boolean | null;
	readonly style: ScalarStyle;
}

export interface PairNode extends Span {
	readonly key: AstNode | null;
	readonly value: AstNode | null;
}

export interface MapNode extends Span {
	readonly kind: 'map';
	readonly flow: boolean;
	readonly pairs: readonly PairNode[];
}

export interface SeqNode extends Span {
	readonly kind: 'seq';
	readonly flow: boolean;
	readonly items: readonly (AstNode | null)[];
}

export type AstNode = ScalarNode | MapNode | SeqNode;

export interface YamlSyntaxError extends Span {
	readonly message: string;
	readonly code: string;
	readonly warning: boolean;
}

/** One `---` document of the file. */
export interface YamlDocument extends Span {
	readonly root: AstNode | null;
	readonly errors: readonly YamlSyntaxError[];
	/** The library's document, kept for converting to plain data. */
	readonly source: Document.Parsed;
}

/** The yaml library's scalar types (`Scalar.PLAIN` and so on). */
const SCALAR_STYLES: Record<string, ScalarStyle> = {
	PLAIN: 'plain',
	QUOTE_SINGLE: 'single',
	QUOTE_DOUBLE: 'double',
	BLOCK_FOLDED: 'block',
	BLOCK_LITERAL: 'block',
};

/**
 * Parses every document of a YAML file into a small, offset-carrying tree. The yaml library
 * recovers from errors, so a half-typed file still gives a tree for the parts that make sense.
 * Aliases resolve to the anchored node itself (shared, never copied), so no alias can blow up.
 */
export function parseYaml(text: string): YamlDocument[] {
	// Loaded on first use, so that starting the server does not pay for it.
	const { isAlias, isMap, isPair, isScalar, isSeq, parseAllDocuments } = require('yaml') as typeof import('yaml');
	// Editors end a line at a lone CR too; YAML does not. Same length, so every offset still holds.
	const parsed = parseAllDocuments(text.replace(/\r(?!\n)/g, '\n'), { uniqueKeys: false, prettyErrors: false, keepSourceTokens: false });
	const docs = Array.isArray(parsed) ? parsed : [];
	return docs.map((doc) => {
		const converted = new Map<YamlNode, AstNode | null>();
		const convert = (node: unknown, depth: number): AstNode | null => {
			if (node === null || node === undefined || depth > 64) {
				return null;
			}
			if (isAlias(node)) {
				const target = node.resolve(doc);
				return target ? (converted.get(target) ?? convert(target, depth + 1)) : null;
			}
			const known = converted.get(node as YamlNode);
			if (known !== undefined) {
				return known;
			}
			let result: AstNode | null = null;
			if (isScalar(node)) {
				const [start, end] = node.range ?? [0, 0];
				const value = node.value;
				result = {
					kind: 'scalar',
					start,
					end,
					value: typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean' ? value : value === null || value === undefined ? null : String(value),
					style: SCALAR_STYLES[node.type ?? 'PLAIN'] ?? 'plain',
				};
			} else if (isMap(node)) {
				const [start, valueEnd] = node.range ?? [0, 0];
				const pairs: PairNode[] = [];
				const map = { kind: 'map' as const, start, end: valueEnd, flow: node.flow === true, pairs };
				converted.set(node, map);
				for (const item of node.items) {
					if (!isPair(item)) {
						continue;
					}
					const key = convert(item.key, depth + 1);
					const value = convert(item.value, depth + 1);
					const pairStart = key?.start ?? value?.start ?? start;
					pairs.push({ key, value, start: pairStart, end: Math.max(value?.end ?? pairStart, key?.end ?? pairStart) });
				}
				// A block collection's own range runs on over trailing comments and blank lines.
				if (!map.flow && pairs.length > 0) {
					map.end = pairs[pairs.length - 1].end;
				}
				result = map;
			} else if (isSeq(node)) {
				const [start, valueEnd] = node.range ?? [0, 0];
				const items: (AstNode | null)[] = [];
				const seq = { kind: 'seq' as const, start, end: valueEnd, flow: node.flow === true, items };
				converted.set(node, seq);
				for (const item of node.items) {
					items.push(isPair(item) ? convert(item.key, depth + 1) : convert(item, depth + 1));
				}
				const last = items[items.length - 1];
				if (!seq.flow && last) {
					seq.end = last.end;
				}
				result = seq;
			}
			converted.set(node as YamlNode, result);
			return result;
		};
		const root = convert(doc.contents, 0);
		const errors: YamlSyntaxError[] = [
			...doc.errors.map((e) => ({ start: e.pos[0], end: Math.max(e.pos[1], e.pos[0]), message: e.message, code: e.code, warning: false })),
			...doc.warnings.map((e) => ({ start: e.pos[0], end: Math.max(e.pos[1], e.pos[0]), message: e.message, code: e.code, warning: true })),
		];
		return { start: doc.range[0], end: doc.range[2], root, errors, source: doc };
	});
}

/** A document's tree without the library's own document, which is large and needed only while parsing. */
export type YamlTree = Omit<YamlDocument, 'source'>;

/** The pair of `map` whose key is the scalar `name`, first occurrence. */
export function getPair(map: MapNode, name: string): PairNode | undefined {
	return map.pairs.find((p) => p.key?.kind === 'scalar' && p.key.value === name);
}

export function keyName(pair: PairNode): string | undefined {
	if (pair.key?.kind !== 'scalar' || pair.key.value === null) {
		return undefined;
	}
	return String(pair.key.value);
}
