import * as fs from 'node:fs';
import * as path from 'node:path';
import { loadAdmx, type IngestionInstall } from '../service';
import type { CliIo } from './io';
import { decodeText, printEncodingProblem, readBytes } from './loadDocument';

/**
 * The ADMX files `--admx APP=FILE` names as ingested under APP, read once per content; a folder
 * stands for every `.admx` in it. Undefined after saying on stderr what could not be read.
 */
export function readIngestedAdmx(specs: readonly string[], io: CliIo, command: string): IngestionInstall[] | undefined {
	const installs: IngestionInstall[] = [];
	for (const spec of specs) {
		const equals = spec.indexOf('=');
		if (equals <= 0 || equals === spec.length - 1) {
			io.stderr(`rapolicy ${command}: --admx takes APP=FILE (the AppName the ADMX is ingested under, and the .admx file or a folder of them), not ${spec}\n`);
			return undefined;
		}
		const app = spec.slice(0, equals);
		const target = spec.slice(equals + 1);
		const full = path.resolve(io.cwd, target);
		let files = [target];
		try {
			if (fs.statSync(full).isDirectory()) {
				files = fs.readdirSync(full).filter((f) => f.toLowerCase().endsWith('.admx')).sort().map((f) => path.join(target, f));
			}
		} catch {
			// A missing file is reported when it is read.
		}
		for (const file of files) {
			const bytes = readBytes(file, io, command);
			const text = bytes && decodeText(bytes, (p) => printEncodingProblem(file, p, io));
			if (text === undefined) {
				return undefined;
			}
			installs.push({ app, admx: loadAdmx(text), order: -1 });
		}
	}
	return installs;
}
