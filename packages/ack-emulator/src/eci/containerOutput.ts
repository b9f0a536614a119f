import { isPlainObject, type JsonObject } from '../util/json';

/** A speech bubble like cowsay's, for the Argo examples (`docker/whalesay` runs `cowsay hello world`). */
function cowsay(text: string): string[] {
  const line = text || ' ';
  return [
    ` ${'_'.repeat(line.length + 2)} `,
    `< ${line} >`,
    ` ${'-'.repeat(line.length + 2)} `,
    '    \\',
    '     \\',
    '      \\',
    '                    ##        .',
    '              ## ## ##       ==',
    '           ## ## ## ##      ===',
    '       /""""""""""""""""___/ ===',
    '  ~~~ {~~ ~~~~ ~~~ ~~~~ ~~ ~ /  ===- ~~~',
    '       \\______ o          __/',
    '        \\    \\        __/',
    '          \\____\\______/',
  ];
}

function unquote(word: string): string {
  return word.replace(/^(['"])(.*)\1$/, '$2');
}

/** What one shell statement prints: `echo …` and `cowsay …` print their words, anything else nothing. */
function statementOutput(statement: string): string[] {
  const words = statement.trim().split(/\s+/).filter(Boolean).map(unquote);
  const program = words[0]?.split('/').pop();
  if (program === 'echo') return [words.slice(1).join(' ')];
  if (program === 'cowsay') return cowsay(words.slice(1).join(' '));
  return [];
}

/**
 * The lines a simulated container prints on stdout. Containers here do no
 * real work and exit 0: `echo`, `cowsay` and `sh -c "echo …; …"` print what
 * they would; any other command prints one line saying what ran.
 */
export function simulatedContainerOutput(container: JsonObject): string[] {
  const argv = [
    ...(Array.isArray(container.command) ? container.command : []),
    ...(Array.isArray(container.args) ? container.args : []),
  ].map(String);
  const program = argv[0]?.split('/').pop();
  if (program === 'echo' || program === 'cowsay')
    return statementOutput(argv.join(' '));
  if ((program === 'sh' || program === 'bash') && argv[1] === '-c')
    return (argv[2] ?? '').split(/;|&&|\n/).flatMap(statementOutput);
  const ran = argv.length > 0 ? argv.join(' ') : 'the image entrypoint';
  return [`${ran}: completed (simulated container, exit code 0)`];
}

/** The container named `name` in a pod spec (app or init container). */
export function podContainer(
  spec: JsonObject,
  name: string,
): JsonObject | undefined {
  return [
    ...(Array.isArray(spec.containers) ? spec.containers : []),
    ...(Array.isArray(spec.initContainers) ? spec.initContainers : []),
  ]
    .filter(isPlainObject)
    .find(c => c.name === name);
}
