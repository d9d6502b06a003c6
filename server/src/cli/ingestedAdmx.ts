import * as fs from 'node:fs';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { AdmxFiles, DEFAULT_ADML_LANGUAGE } from '../admxFiles';
import { loadAdml, loadAdmx, type AdmxSource, type IngestionInstall, type ReadAdmx } from '../service';
import type { CliIo } from './io';

const LOADERS = { loadAdmx, loadAdml };

/** An ADMX named by `--admx`, with where it was read from, which an import names it by. */
export type NamedInstall = IngestionInstall & { readonly path: string; readonly source: AdmxSource };

/**
 * The ADMX files `--admx APP=FILE` names as ingested under APP, each read as the editor reads it,
 * with the ADML of `language` beside it; a folder stands for every `.admx` in it. Undefined after
 * saying on stderr what could not be read.
 */
export function readIngestedAdmx(specs: readonly string[], io: CliIo, command: string, language = DEFAULT_ADML_LANGUAGE): NamedInstall[] | undefined {
	const files = new AdmxFiles(() => LOADERS);
	const installs: NamedInstall[] = [];
	for (const spec of specs) {
		const equals = spec.indexOf('=');
		if (equals <= 0 || equals === spec.length - 1) {
			io.stderr(`rapolicy ${command}: --admx takes APP=FILE (the AppName the ADMX is ingested under, and the .admx file or a folder of them), not ${spec}\n`);
			return undefined;
		}
		const app = spec.slice(0, equals);
		const given = spec.slice(equals + 1);
		const full = path.resolve(io.cwd, given);
		// Each file is named as given, or as in the folder given.
		let targets = [{ target: full, shown: given }];
		try {
			if (fs.statSync(full).isDirectory()) {
				targets = fs.readdirSync(full).filter((f) => f.toLowerCase().endsWith('.admx')).sort().map((f) => ({ target: path.join(full, f), shown: path.join(given, f) }));
			}
		} catch {
			// A missing file is reported when it is read.
		}
		for (const { target, shown } of targets) {
			const read = files.read(target, language, shown);
			if ('error' in read) {
				io.stderr(`rapolicy ${command}: --admx ${spec}: ${read.error}\n`);
				return undefined;
			}
			installs.push({ app, admx: read.admx, adml: read.adml, order: -1, path: target, source: read });
		}
	}
	return installs;
}

/**
 * The ADMX files a profile names, read relative to the profile's folder, each with the ADML of
 * `language` beside it. Files are read once per profile.
 */
export function cliReadAdmx(profilePath: string, cwd: string, language = DEFAULT_ADML_LANGUAGE): ReadAdmx {
	return new AdmxFiles(() => LOADERS).readAdmxFor(pathToFileURL(path.resolve(cwd, profilePath)).toString(), language);
}
