import * as fs from 'node:fs';
import * as path from 'node:path';

/** A file to create: where, how to name it in messages, its content, and the folder it must stay in. */
export interface NewFile {
	readonly target: string;
	readonly shown: string;
	readonly data: string | Uint8Array;
	readonly folder: string;
	/** Whether missing folders between `folder` and the file are made. */
	readonly makeFolders: boolean;
}

const inside = (folder: string, target: string) => {
	const relative = path.relative(folder, target);
	return relative !== '' && !relative.startsWith('..') && !path.isAbsolute(relative);
};

/**
 * Creates the files, all or none: each must stay inside its folder (also once links in the folders
 * between are resolved), and is created exclusively, so an existing file or a link standing in its
 * place is never written through. On a failure the files already created are removed again.
 * Undefined when all were written, else why not.
 */
export function writeNewFiles(files: readonly NewFile[]): string | undefined {
	const created: string[] = [];
	for (const file of files) {
		const problem = writeNewFile(file);
		if (problem !== undefined) {
			for (const done of created) {
				fs.rmSync(done, { force: true });
			}
			return problem;
		}
		created.push(file.target);
	}
	return undefined;
}

function writeNewFile(file: NewFile): string | undefined {
	if (!inside(file.folder, file.target)) {
		return `${file.shown} would be written outside ${file.folder}`;
	}
	try {
		if (file.makeFolders) {
			fs.mkdirSync(path.dirname(file.target), { recursive: true });
		}
		// A folder on the way may be a link to elsewhere: the real place decides.
		if (!inside(fs.realpathSync(file.folder), path.join(fs.realpathSync(path.dirname(file.target)), path.basename(file.target)))) {
			return `${file.shown} would be written outside ${file.folder}, through a link`;
		}
		fs.writeFileSync(file.target, file.data, { flag: 'wx' });
		return undefined;
	} catch (error) {
		const code = (error as NodeJS.ErrnoException).code;
		return code === 'EEXIST' ? `${file.shown} exists (a file or a link); it is not written over` : `cannot write ${file.shown}: ${code ?? String(error)}`;
	}
}
