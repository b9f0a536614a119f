import { isPlainObject } from './json';

type Step =
  | { kind: 'field'; name: string }
  | { kind: 'index'; index: number }
  | { kind: 'filter'; field: string[]; value: string };

/**
 * Compiles the simple JSONPath subset used by printer columns:
 * `.a.b`, `.a[0].b`, `.a[*].b` and `.a[?(@.type=="Ready")].status`.
 */
export function compileJsonPath(path: string): (root: unknown) => unknown[] {
  const steps = parse(path);
  return root => evaluateSteps(root, steps);
}

export function evaluateJsonPath(root: unknown, path: string): unknown[] {
  return evaluateSteps(root, parse(path));
}

function evaluateSteps(root: unknown, steps: Step[]): unknown[] {
  let values: unknown[] = [root];
  for (const step of steps) {
    const next: unknown[] = [];
    for (const value of values) {
      if (step.kind === 'field') {
        if (step.name === '*' && Array.isArray(value)) next.push(...value);
        else if (isPlainObject(value) && value[step.name] !== undefined)
          next.push(value[step.name]);
      } else if (step.kind === 'index') {
        if (Array.isArray(value)) {
          const item =
            value[step.index < 0 ? value.length + step.index : step.index];
          if (item !== undefined) next.push(item);
        }
      } else if (Array.isArray(value)) {
        for (const item of value) {
          let current: unknown = item;
          for (const f of step.field)
            current = isPlainObject(current) ? current[f] : undefined;
          if (current !== undefined && String(current) === step.value)
            next.push(item);
        }
      }
    }
    values = next;
  }
  return values;
}

function parse(path: string): Step[] {
  const steps: Step[] = [];
  const text = path
    .trim()
    .replace(/^\{(.*)\}$/, '$1')
    .replace(/^\$/, '');
  const pattern =
    /\.([^.[\]]+)|\[(-?\d+)\]|\[\*\]|\[\?\(@\.([^=!<>]+?)\s*==\s*["']?([^"')]*)["']?\)\]/g;
  let consumed = 0;
  for (
    let match = pattern.exec(text);
    match !== null;
    match = pattern.exec(text)
  ) {
    if (match.index !== consumed)
      throw new Error(`unsupported JSONPath ${path}`);
    consumed = pattern.lastIndex;
    if (match[1] !== undefined) steps.push({ kind: 'field', name: match[1] });
    else if (match[2] !== undefined)
      steps.push({ kind: 'index', index: Number(match[2]) });
    else if (match[3] !== undefined)
      steps.push({
        kind: 'filter',
        field: match[3].split('.'),
        value: match[4],
      });
    else steps.push({ kind: 'field', name: '*' });
  }
  if (consumed !== text.length) throw new Error(`unsupported JSONPath ${path}`);
  return steps;
}
