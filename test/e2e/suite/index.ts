import * as fs from 'node:fs';
import * as path from 'node:path';
import Mocha from 'mocha';

/** Entry point the extension host calls: runs every *.test.js beside this file with Mocha. */
export function run(): Promise<void> {
	const mocha = new Mocha({ ui: 'bdd', timeout: 30_000, color: false, reporter: 'spec' });
	for (const file of fs.readdirSync(__dirname).filter((f) => f.endsWith('.test.js')).sort()) {
		mocha.addFile(path.join(__dirname, file));
	}
	return new Promise((resolve, reject) => {
		const runner = mocha.run((failures) => {
			const results = { passed: runner.stats?.passes ?? 0, failed: failures };
			const file = process.env.RAPOLICY_E2E_RESULTS;
			if (file) {
				fs.writeFileSync(file, JSON.stringify(results));
			}
			if (failures > 0) {
				reject(new Error(`${failures} extension test(s) failed`));
			} else {
				resolve();
			}
		});
	});
}
