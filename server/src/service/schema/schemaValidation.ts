import type { ValidateFunction } from 'ajv';
import type { Span } from '../text/span';
import { keyName, type AstNode } from '../yaml/yamlAst';
import type { Problem } from '../problems/problem';
import { buildProfileSchema } from './buildSchema';

let compiled: ValidateFunction | undefined;

/** The profile validator, compiled once per process on first use. */
export function profileValidator(): ValidateFunction {
	if (!compiled) {
		// Loaded on first use, so that starting the server does not pay for it.
		const { default: Ajv } = require('ajv') as typeof import('ajv');
		const ajv = new Ajv({ allErrors: true, strict: true });
		ajv.addKeyword('markdownEnumDescriptions');
		compiled = ajv.compile(buildProfileSchema());
	}
	return compiled;
}

/** The node an ajv instance path points at, or the deepest ancestor that exists. */
export function nodeAtPointer(root: AstNode, pointer: string): AstNode {
	let node = root;
	for (const raw of pointer.split('/').slice(1)) {
		const segment = raw.replace(/~1/g, '/').replace(/~0/g, '~');
		let next: AstNode | null | undefined;
		if (node.kind === 'map') {
			const pair = node.pairs.find((p) => keyName(p) === segment);
			next = pair?.value ?? pair?.key;
		} else if (node.kind === 'seq') {
			next = node.items[Number(segment)];
		}
		if (!next) {
			break;
		}
		node = next;
	}
	return node;
}

/**
 * Checks the plain data of one profile against the JSON Schema. The rules speak first and more
 * precisely; schema errors are reported only for a profile the rules found no error in, so the
 * schema acts as a safety net rather than a second voice.
 */
export function schemaProblems(data: unknown, root: AstNode): Problem[] {
	const validate = profileValidator();
	if (validate(data)) {
		return [];
	}
	const seen = new Set<string>();
	const problems: Problem[] = [];
	for (const error of validate.errors ?? []) {
		if (error.keyword === 'if') {
			continue;
		}
		const node = nodeAtPointer(root, error.instancePath);
		const span: Span = { start: node.start, end: node.end };
		const message = `Does not match the profile schema at ${error.instancePath || '/'}: ${error.message ?? 'invalid'}.`;
		const key = `${span.start}:${message}`;
		if (!seen.has(key)) {
			seen.add(key);
			problems.push({ code: 'schema', span, message });
		}
	}
	return problems;
}
