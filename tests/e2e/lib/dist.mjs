// Where the release builds are: scripts/test.sh builds both before this runs.
import path from 'node:path';

const root = path.resolve(import.meta.dirname, '..', '..', '..');
export const DIST = process.env.DIST ?? path.join(root, 'dist');
export const DIST_UNDER_CONSOLE = process.env.DIST_CONSOLE ?? path.join(root, 'target', 'dist-console');
