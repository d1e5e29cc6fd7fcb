/**
 * The console's own stylesheet, `src/web/static/console.css`, served with the portal's static
 * files (`/assets/portal/`, see src/web/portal/assets.ts); the query carries a content hash.
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const file = fileURLToPath(new URL('../../web/static/console.css', import.meta.url));
const hash = createHash('sha256').update(readFileSync(file)).digest('hex').slice(0, 12);

export const CONSOLE_CSS = `/assets/portal/console.css?v=${hash}`;
