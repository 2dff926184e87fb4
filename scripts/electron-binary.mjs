// Prints the path of the Electron executable, or exits 1 with nothing printed when there is none.
// Never triggers Electron's own download (requiring the 'electron' package would, on our machines
// that cannot reach its download host).
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

const dir = join(process.cwd(), 'node_modules', 'electron');
const override = process.env.ELECTRON_OVERRIDE_DIST_PATH;
const pathFile = join(dir, 'path.txt');
let exe = null;
if (override) exe = join(override, process.platform === 'win32' ? 'electron.exe' : 'electron');
else if (existsSync(pathFile)) exe = join(dir, 'dist', readFileSync(pathFile, 'utf8').trim());
if (exe && existsSync(exe)) {
  console.log(exe);
  process.exit(0);
}
process.exit(1);
