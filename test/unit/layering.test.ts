import * as assert from 'node:assert/strict';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { builtinModules } from 'node:module';
import * as path from 'node:path';
import { describe, it } from 'node:test';
import * as ts from 'typescript';

/** The repository root, from out/test/unit or test/unit. */
const ROOT = path.resolve(__dirname, __dirname.includes(`${path.sep}out${path.sep}`) ? '../../..' : '../..');
const SERVICE = path.join(ROOT, 'server/src/service');
const CLIENT = path.join(ROOT, 'client/src');
const SERVER = path.join(ROOT, 'server');
const COMMON = path.join(ROOT, 'server/src/common');
const SERVER_SRC = path.join(ROOT, 'server/src');

interface Import {
	/** Relative to the repository root, with forward slashes, for readable failures. */
	readonly file: string;
	readonly specifier: string;
	/** The imported file without extension, for relative specifiers. */
	readonly target: string | undefined;
}

const PATTERNS = [
	// import/export ... from '…', across lines; the clause holds no quote or semicolon.
	/^\s*(?:import|export)\b[^'";]*?\bfrom\s*['"]([^'"\n]+)['"]/gm,
	// import '…' for its side effects.
	/^\s*import\s*['"]([^'"\n]+)['"]/gm,
	// import('…') and require('…'), including `typeof import('…')`.
	/\b(?:import|require)\s*\(\s*['"]([^'"\n]+)['"]\s*\)/g,
];

/** Specifiers of a TypeScript source; comments that start a line are ignored, so prose cannot match. */
function importSpecifiers(source: string): string[] {
	const code = source.replace(/^\s*\/\*[\s\S]*?\*\//gm, '').replace(/^\s*\/\/.*$/gm, '');
	return PATTERNS.flatMap((pattern) => [...code.matchAll(pattern)].map((m) => m[1]));
}

function sourceFiles(dir: string): string[] {
	return readdirSync(dir).flatMap((name) => {
		const full = path.join(dir, name);
		return statSync(full).isDirectory() ? sourceFiles(full) : name.endsWith('.ts') ? [full] : [];
	});
}

function importsOf(dir: string): Import[] {
	return sourceFiles(dir).flatMap((file) => importSpecifiers(readFileSync(file, 'utf8')).map((specifier) => ({
		file: path.relative(ROOT, file).split(path.sep).join('/'),
		specifier,
		target: specifier.startsWith('.') ? path.resolve(path.dirname(file), specifier).replace(/\.(?:ts|js)$/, '') : undefined,
	})));
}

const within = (target: string | undefined, dir: string) => target !== undefined && (target === dir || target.startsWith(dir + path.sep));

function assertNone(found: readonly Import[], rule: string): void {
	const lines = found.map((i) => `  ${i.file} imports '${i.specifier}'`);
	assert.equal(found.length, 0, `${rule}:\n${lines.join('\n')}`);
}

const BUILTINS = new Set(builtinModules);
/** The editor and the LSP runtime; the service may only use the plain LSP data types and text documents. */
const EDITOR = /^(?:vscode|vscode-languageserver|vscode-languageclient|vscode-jsonrpc)(?:$|[/-])/;
const ALLOWED = new Set(['vscode-languageserver-types', 'vscode-languageserver-textdocument']);

/**
 * The folders of the language service, lowest first. A file may import its own folder and the
 * folders before it, never one after it; `index.ts`, the service's public face, stands above all.
 */
const LAYERS = [
	'text', // spans, lines, suggestions
	'problems', // the problem type, the rule registry, settings
	'xml', 'json', 'yaml', // syntax trees with exact ranges
	'config', // rapolicy.json: its reader, its globs, and settings merged over it
	'mdm', // OMA-URI shapes, payload forms, the list separator
	'admx', // the ADMX and ADML reader and model
	'catalog', // the built-in Remote Assistance policies, also as ADMX policies
	'model', // the policy model every source lowers into
	'policy', // values checked against policies
	'ingestion', // ADMX files ingested under an AppName, and their lint
	'gpo', // Group Policy formats and registry operations
	'syncml', 'intune', 'profile', // each source read into the model
	'schema', // the profile JSON Schema
	'validation', // checks over a whole lowered document
	'document', // the parse entry: text to checked model
	'export', // each channel's encoder
	'import', // any source back into a profile
	'channels', // the list of channels, each an encoder and an importer; the preview and import by content
	'estate', // what many files set together, in one form, and where they conflict
	'features', // completion, hover, symbols, actions
] as const;

/** The layer of a service file: its folder's place in LAYERS, LAYERS.length for index.ts, -1 for an unknown folder. */
function layerOf(serviceRelative: string): number {
	const parts = serviceRelative.split('/');
	return parts.length === 1 ? (parts[0] === 'index' ? LAYERS.length : -1) : (LAYERS as readonly string[]).indexOf(parts[0]);
}

/** Imports from a service file to a later layer, or from a folder LAYERS does not list. `edges` holds paths relative to the service, without extension. */
function upwardImports(edges: readonly { from: string; to: string }[]): string[] {
	return edges.flatMap(({ from, to }) => {
		const [a, b] = [layerOf(from), layerOf(to)];
		if (a < 0 || b < 0) {
			return [`${a < 0 ? from : to}: its folder is not in LAYERS`];
		}
		return b > a ? [`${from} imports ${to}, a later layer`] : [];
	});
}

/** Every cycle of imports among files, each as its files in order (Tarjan's strongly connected components). */
function circles(edges: ReadonlyMap<string, readonly string[]>): string[][] {
	const index = new Map<string, number>();
	const low = new Map<string, number>();
	const stack: string[] = [];
	const onStack = new Set<string>();
	const found: string[][] = [];
	let next = 0;
	const visit = (node: string): void => {
		index.set(node, next);
		low.set(node, next);
		next++;
		stack.push(node);
		onStack.add(node);
		for (const target of edges.get(node) ?? []) {
			if (!index.has(target)) {
				visit(target);
				low.set(node, Math.min(low.get(node)!, low.get(target)!));
			} else if (onStack.has(target)) {
				low.set(node, Math.min(low.get(node)!, index.get(target)!));
			}
		}
		if (low.get(node) === index.get(node)) {
			const component: string[] = [];
			let member: string;
			do {
				member = stack.pop()!;
				onStack.delete(member);
				component.push(member);
			} while (member !== node);
			if (component.length > 1 || (edges.get(node) ?? []).includes(node)) {
				found.push(component.reverse());
			}
		}
	};
	for (const node of edges.keys()) {
		if (!index.has(node)) {
			visit(node);
		}
	}
	return found;
}

/** Node's globals that would tie the service to one runtime; strings and comments are not code. */
function usesRuntimeGlobal(source: string): boolean {
	const code = source
		.replace(/\/\*[\s\S]*?\*\//g, '')
		.replace(/\/\/.*$/gm, '')
		.replace(/(['"`])(?:\\.|(?!\1)[^\\\n])*\1/g, "''");
	return /\b(?:Buffer|process|global|__dirname|__filename)\b/.test(code);
}

/**
 * Calls that spread an array into their arguments (`push(...list)`, `Math.max(...list)`), as
 * `line: code`: each argument takes a stack slot, so a list as long as a large file's overflows it.
 */
function spreadCalls(source: string): string[] {
	const file = ts.createSourceFile('x.ts', source, ts.ScriptTarget.Latest, true);
	const found: string[] = [];
	const visit = (node: ts.Node): void => {
		if ((ts.isCallExpression(node) || ts.isNewExpression(node)) && (node.arguments ?? []).some(ts.isSpreadElement)) {
			found.push(`${file.getLineAndCharacterOfPosition(node.getStart()).line + 1}: ${node.getText().slice(0, 80)}`);
		}
		ts.forEachChild(node, visit);
	};
	visit(file);
	return found;
}

const withoutExtension = (file: string) => file.replace(/\.ts$/, '');
const serviceRelative = (absolute: string) => path.relative(SERVICE, absolute).split(path.sep).join('/');

describe('layering', () => {
	const service = importsOf(SERVICE);
	const client = importsOf(CLIENT);
	const serviceEdges = service
		.filter((i) => within(i.target, SERVICE))
		.map((i) => ({ from: withoutExtension(path.relative('server/src/service', i.file).split(path.sep).join('/')), to: serviceRelative(i.target!) }));

	it('reads import, export-from, dynamic import and require specifiers', () => {
		const source = [
			`import type { A } from './a';`,
			`import {\n\tB,\n\ttype C,\n} from "../b";`,
			`import './side-effect';`,
			`export { D } from './d';`,
			`export * from './e';`,
			`const f = require('f') as typeof import('g');`,
			`const h = await import('h');`,
			`// import { x } from 'commented';`,
			`/** Call import('prose') here. */`,
			`const text = 'a string, not from "an import"';`,
		].join('\n');
		assert.deepEqual(importSpecifiers(source).sort(), ['../b', './a', './d', './e', './side-effect', 'f', 'g', 'h']);
	});

	it('finds the imports of the real sources', () => {
		assert.ok(service.some((i) => i.file === 'server/src/service/document/document.ts' && i.specifier === '../yaml/yamlAst'));
		assert.ok(client.some((i) => i.file === 'client/src/extension.ts' && i.specifier === 'vscode'));
		assert.ok(serviceEdges.some((e) => e.from === 'features/hover' && e.to === 'document/document'));
	});

	it('the language service uses no editor, LSP runtime or Node module', () => {
		assertNone(
			service.filter((i) => !ALLOWED.has(i.specifier) && (EDITOR.test(i.specifier) || i.specifier.startsWith('node:') || BUILTINS.has(i.specifier))),
			'server/src/service/ must run anywhere, with no editor, LSP runtime or Node built-in',
		);
	});

	it('the language service imports nothing outside itself', () => {
		assertNone(
			service.filter((i) => i.target !== undefined && !within(i.target, SERVICE)),
			'server/src/service/ may import only its own files (server/src/common/ is the client\'s door to it, not the other way)',
		);
	});

	it('the language service uses no Node global (Buffer, process, __dirname)', () => {
		const offenders = sourceFiles(SERVICE).filter((file) => usesRuntimeGlobal(readFileSync(file, 'utf8')));
		assert.deepEqual(offenders.map((file) => path.relative(ROOT, file)), []);
	});

	it('no call in the service or the CLI spreads an array into its arguments', () => {
		const offenders = [...sourceFiles(SERVICE), ...sourceFiles(path.join(SERVER_SRC, 'cli'))]
			.flatMap((file) => spreadCalls(readFileSync(file, 'utf8')).map((call) => `${path.relative(ROOT, file)}:${call}`));
		assert.deepEqual(offenders, []);
	});

	it('every service folder is a layer, and every import points to its own layer or a lower one', () => {
		assert.deepEqual(upwardImports(serviceEdges), []);
	});

	it('no files of the server import each other in a circle', () => {
		const edges = new Map<string, string[]>();
		for (const i of importsOf(SERVER_SRC)) {
			const from = withoutExtension(path.join(ROOT, i.file));
			if (i.target !== undefined) {
				edges.set(from, [...(edges.get(from) ?? []), i.target.replace(/\/index$/, '')]);
			}
		}
		assert.deepEqual(circles(edges).map((c) => c.map((f) => path.relative(ROOT, f)).join(' -> ')), []);
	});

	it('the client reaches the server only through server/src/common/', () => {
		assertNone(
			client.filter((i) => within(i.target, SERVER) && !within(i.target, COMMON)),
			'client/src/ may import the server only from server/src/common/',
		);
	});

	describe('the checks catch what they are for', () => {
		it('an import from a lower layer to a higher one, and a folder missing from the list', () => {
			assert.deepEqual(upwardImports([{ from: 'xml/xmlParser', to: 'text/span' }, { from: 'features/hover', to: 'document/document' }]), []);
			assert.deepEqual(upwardImports([{ from: 'admx/readAdmx', to: 'export/resolve' }]), ['admx/readAdmx imports export/resolve, a later layer']);
			assert.deepEqual(upwardImports([{ from: 'widgets/a', to: 'text/span' }]), ['widgets/a: its folder is not in LAYERS']);
			assert.deepEqual(upwardImports([{ from: 'features/hover', to: 'index' }]), ['features/hover imports index, a later layer']);
		});

		it('a circle of two or three files, and a file importing itself', () => {
			assert.deepEqual(circles(new Map([['a', ['b']], ['b', ['c']], ['c', []]])), []);
			assert.deepEqual(circles(new Map([['a', ['b']], ['b', ['c']], ['c', ['a']]])), [['a', 'b', 'c']]);
			assert.deepEqual(circles(new Map([['a', ['a']]])), [['a']]);
		});

		it('an array spread into a call, not into an array or an object', () => {
			assert.deepEqual(spreadCalls('list.push(...items);\nMath.max(...values);\nnew Set(...sets);'), ['1: list.push(...items)', '2: Math.max(...values)', '3: new Set(...sets)']);
			assert.deepEqual(spreadCalls('const a = [...items];\nconst o = { ...other };\nlist.push({ ...item });'), []);
		});

		it('a Node global in code, not in strings or comments', () => {
			assert.equal(usesRuntimeGlobal(`const b = Buffer.from('x');`), true);
			assert.equal(usesRuntimeGlobal(`if (process.env.X) {}`), true);
			assert.equal(usesRuntimeGlobal(`// Buffer is not used here\nconst s = 'process';`), false);
			assert.equal(usesRuntimeGlobal(`/** A Buffer-free writer. */\nconst x = 1;`), false);
		});
	});
});
