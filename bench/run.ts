// `npm run bench -- <name> [flags]`: run one benchmark from the registry. Progress goes to stderr; the last line
// of stdout is one JSON object (the figures, or {"benchmark", "error"} when it could not run).
import { BenchError } from './lib/benchmark.js';
import { registry } from './registry.js';

function listBenchmarks(): string {
  const width = Math.max(...Object.keys(registry).map((n) => n.length));
  return Object.entries(registry)
    .map(([name, b]) => `  ${name.padEnd(width)}  ${b.description}`)
    .join('\n');
}

async function main(argv: string[]): Promise<number> {
  const [name, ...args] = argv;
  const entry = name ? registry[name] : undefined;
  if (!name || !entry) {
    process.stderr.write(`${name ? `Unknown benchmark "${name}". ` : ''}Usage: npm run bench -- <name> [flags]\nAvailable:\n${listBenchmarks()}\n`);
    console.log(JSON.stringify({ error: name ? `unknown benchmark: ${name}` : 'no benchmark named', available: Object.keys(registry) }));
    return 1;
  }
  try {
    const bench = await entry.load();
    const { result, exitCode } = await bench.run(args);
    console.log(JSON.stringify({ benchmark: name, ...result }));
    return exitCode;
  } catch (e) {
    const known = e instanceof BenchError;
    const message = e instanceof Error ? e.message : String(e);
    process.stderr.write(`\nbench ${name} failed: ${known ? message : ((e as Error)?.stack ?? message)}\n`);
    console.log(JSON.stringify({ benchmark: name, error: message }));
    return known ? e.exitCode : 1;
  }
}

// Exit explicitly: a leftover handle (a pool, a worker) must not keep a finished benchmark alive.
main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (e) => {
    process.stderr.write(`${(e as Error)?.stack ?? e}\n`);
    process.exit(1);
  },
);
