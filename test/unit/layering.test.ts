import * as assert from 'node:assert/strict';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { builtinModules } from 'node:module';
import * as path from 'node:path';
import { describe, it } from 'node:test';

/** The repository root, from out/test/unit or test/unit. */
const ROOT = path.resolve(__dirname, __dirname.includes(`${path.sep}out${path.sep}`) ? '../../..' : '../..');
const SERVICE = path.join(ROOT, 'server/src/service');
const CLIENT = path.join(ROOT, 'client/src');
const SERVER = path.join(ROOT, 'server');
const COMMON = path.join(ROOT, 'server/src/common');

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

describe('layering', () => {
	const service = importsOf(SERVICE);
	const client = importsOf(CLIENT);
	const inService = (...dirs: string[]) => service.filter((i) => dirs.some((d) => within(path.join(ROOT, i.file), path.join(SERVICE, d))));

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
		assert.ok(service.some((i) => i.file === 'server/src/service/document.ts' && i.specifier === './yaml/yamlAst'));
		assert.ok(client.some((i) => i.file === 'client/src/extension.ts' && i.specifier === 'vscode'));
	});

	it('the language service uses no editor, LSP runtime or Node module', () => {
		assertNone(
			service.filter((i) => !ALLOWED.has(i.specifier) && (EDITOR.test(i.specifier) || i.specifier.startsWith('node:') || BUILTINS.has(i.specifier))),
			'server/src/service/ must run anywhere, with no editor, LSP runtime or Node built-in',
		);
	});

	it('the client reaches the server only through server/src/common/', () => {
		assertNone(
			client.filter((i) => within(i.target, SERVER) && !within(i.target, COMMON)),
			'client/src/ may import the server only from server/src/common/',
		);
	});

	it('the model depends on neither validation nor features', () => {
		assertNone(
			inService('model').filter((i) => within(i.target, path.join(SERVICE, 'validation')) || within(i.target, path.join(SERVICE, 'features'))),
			'server/src/service/model/ may not import validation/ or features/',
		);
	});

	it('parsers, model, catalog and text helpers depend on neither document.ts nor features', () => {
		assertNone(
			inService('syncml', 'xml', 'yaml', 'model', 'catalog', 'text')
				.filter((i) => i.target === path.join(SERVICE, 'document') || within(i.target, path.join(SERVICE, 'features'))),
			'syncml/, xml/, yaml/, model/, catalog/ and text/ may not import document.ts or features/',
		);
	});
});
