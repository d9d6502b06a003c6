// Runs a command with CODE_SERVER_BIN and CODE_SERVER_NODE set, installing code-server first
// when needed (scripts/setup-vscode-e2e.sh). Usage: node scripts/with-vscode.mjs <command> [args...]
import { spawnSync } from 'node:child_process';
import path from 'node:path';

const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), '..');
const setup = spawnSync('bash', [path.join(root, 'scripts/setup-vscode-e2e.sh')], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'] });
if (setup.status !== 0) {
	// Exit 3 leaves one line on stdout saying what to install.
	process.stderr.write(setup.stdout);
	process.exit(1);
}
const env = { ...process.env };
for (const m of setup.stdout.matchAll(/^export (\w+)=(.*)$/gm)) {
	env[m[1]] = m[2];
}
const [command, ...args] = process.argv.slice(2);
const result = spawnSync(command, args, { cwd: root, env, stdio: 'inherit' });
process.exit(result.status ?? 1);
