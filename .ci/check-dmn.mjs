// Every DMN file must open in Camunda Modeler: parse it with dmn-moddle, the model layer dmn-js
// imports with, and fail on any error or warning (unknown elements or attributes, broken
// references). Usage: node .ci/check-dmn.mjs <folder>
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { DmnModdle } from 'dmn-moddle';

const folder = process.argv[2] ?? 'dmn';
const files = readdirSync(folder).filter((name) => name.endsWith('.dmn')).sort();
if (files.length === 0) {
  console.error(`No DMN files in ${folder}`);
  process.exit(1);
}

const moddle = new DmnModdle();
let failed = 0;
for (const name of files) {
  const file = join(folder, name);
  try {
    const { rootElement, warnings } = await moddle.fromXML(readFileSync(file, 'utf8'), 'dmn:Definitions');
    const decisions = rootElement.drgElement.filter((element) => element.$type === 'dmn:Decision');
    if (warnings.length > 0) {
      failed++;
      for (const warning of warnings) {
        console.error(`${file}: ${warning.message}`);
      }
    } else if (decisions.length === 0) {
      failed++;
      console.error(`${file}: no decision`);
    } else {
      console.log(`${file}: ok (${decisions.map((decision) => decision.id).join(', ')})`);
    }
  } catch (error) {
    failed++;
    console.error(`${file}: ${error.message}`);
  }
}
if (failed > 0) {
  console.error(`${failed} of ${files.length} DMN files have problems`);
  process.exit(1);
}
