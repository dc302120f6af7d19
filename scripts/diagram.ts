import fs from 'node:fs';
import { procedureMarkdown } from '../workflows/diagram.ts';

fs.mkdirSync('docs', { recursive: true });
fs.writeFileSync('docs/procedure.md', procedureMarkdown());
console.log('wrote docs/procedure.md');
