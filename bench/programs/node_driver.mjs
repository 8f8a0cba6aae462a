// A suite program in node: instantiate the freestanding .wasm (no imports),
// warm up (tier-up), time run(n) with process CPU time.
import { readFileSync } from 'node:fs';

const [wasmPath, program, nText] = process.argv.slice(2);
const n = Number(nText);
const instance = new WebAssembly.Instance(new WebAssembly.Module(readFileSync(wasmPath)), {});
const run = instance.exports.run;
run(Math.floor(n / 10) + 1);
const cpuMs = () => {
  const usage = process.cpuUsage();
  return (usage.user + usage.system) / 1000;
};
const start = cpuMs();
const checksum = run(n) >>> 0;
const elapsed = cpuMs() - start;
console.log(JSON.stringify({ engine: 'node', case: program, unit: 'ms', value: elapsed, n, checksum }));
