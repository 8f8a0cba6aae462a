// Boundary benchmark in node: JS -> wasm calls, wasm -> JS calls, and a
// Uint8Array over memory.buffer. Same cases and output as harness.hpp.
// Timed with process.cpuUsage() (CPU time, like the C++ drivers' thread CPU
// clock; it also counts node's helper threads, which only makes node slower).
import { readFileSync } from 'node:fs';

const [wasmPath] = process.argv.slice(2);
const scale = Number(process.env.BOUNDARY_SCALE || 1);
const calls = Math.floor(100_000_000 / (scale > 0 ? scale : 1));
const kBufferBytes = 1 << 20;
const passes = Math.floor(calls / 200_000) + 1;
const engineName = 'node';

const cpuNs = () => {
  const usage = process.cpuUsage();
  return (usage.user + usage.system) * 1000;
};
const report = (name, unit, value) =>
  console.log(JSON.stringify({ engine: engineName, case: name, unit, value }));
const fail = (what) => {
  console.error(`${engineName}: wrong result in ${what}`);
  process.exit(1);
};
const expectedCallHost = (n) => {
  let acc = 0;
  for (let i = 0; i < n; ++i) acc = (acc + i) | 0;
  return acc;
};

const module = new WebAssembly.Module(readFileSync(wasmPath));
const instance = new WebAssembly.Instance(module, {
  env: { host_add: (a, b) => (a + b) | 0 },
});
const { add, call_host, buffer_ptr, sum, fill, memory } = instance.exports;

// (a) JS -> wasm
{
  let acc = 0;
  for (let i = 0; i < calls / 100; ++i) acc = add(acc, i);
  acc = 0;
  const start = cpuNs();
  for (let i = 0; i < calls; ++i) acc = add(acc, i);
  const elapsed = cpuNs() - start;
  if (acc !== expectedCallHost(calls)) fail('call_export');
  report('call_export', 'ns/call', elapsed / calls);
}
// (b) wasm -> JS
{
  call_host(calls / 100);
  const start = cpuNs();
  const result = call_host(calls);
  const elapsed = cpuNs() - start;
  if (result !== expectedCallHost(calls)) fail('call_import');
  report('call_import', 'ns/call', elapsed / calls);
}
// (c) memory through a Uint8Array over memory.buffer (no copies besides the
// host's own writes/reads).
const totalBytes = kBufferBytes * passes;
const host = new Uint8Array(kBufferBytes);
for (let i = 0; i < kBufferBytes; ++i) host[i] = (i * 7 + 3) & 0xff;
const shared = new Uint8Array(memory.buffer, buffer_ptr(), kBufferBytes);
{
  shared.set(host);
  const start = cpuNs();
  for (let pass = 0; pass < passes; ++pass) {
    host[0] = pass & 0xff;
    shared.set(host);
  }
  report('host_write', 'ns/byte', (cpuNs() - start) / totalBytes);
}
{
  let expected = 0;
  for (let i = 0; i < kBufferBytes; ++i) expected += host[i];
  let result = 0;
  const start = cpuNs();
  for (let pass = 0; pass < passes; ++pass) result = sum(kBufferBytes) >>> 0;
  report('guest_sum', 'ns/byte', (cpuNs() - start) / totalBytes);
  if (result !== expected >>> 0) fail('guest_sum');
}
{
  fill(kBufferBytes, 1);
  const start = cpuNs();
  for (let pass = 0; pass < passes; ++pass) fill(kBufferBytes, pass);
  report('guest_fill', 'ns/byte', (cpuNs() - start) / totalBytes);
}
{
  const start = cpuNs();
  for (let pass = 0; pass < passes; ++pass) host.set(shared);
  report('host_read', 'ns/byte', (cpuNs() - start) / totalBytes);
  const word = new DataView(host.buffer).getBigUint64(8 * 5, true);
  const expected = (BigInt(passes - 1) * 0x0101010101010101n + 5n) & 0xffffffffffffffffn;
  if (word !== expected) fail('host_read');
}
