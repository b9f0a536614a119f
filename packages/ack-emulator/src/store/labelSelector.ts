import { badRequest } from '../api/errors';

type Operator = 'exists' | '!' | '=' | '!=' | 'in' | 'notin' | 'gt' | 'lt';

interface Requirement {
  key: string;
  operator: Operator;
  values: string[];
}

/** A parsed label selector; `matches` is called once per object on list and watch. */
export interface LabelSelector {
  matches(labels: Record<string, string> | undefined): boolean;
  readonly empty: boolean;
}

function splitTopLevel(selector: string): string[] {
  const parts: string[] = [];
  let depth = 0;
  let current = '';
  for (const char of selector) {
    if (char === '(') depth++;
    if (char === ')') depth--;
    if (char === ',' && depth === 0) {
      parts.push(current);
      current = '';
    } else {
      current += char;
    }
  }
  parts.push(current);
  return parts.map(p => p.trim()).filter(p => p.length > 0);
}

function parseRequirement(text: string): Requirement {
  const setMatch = /^([^\s!=<>(),]+)\s+(in|notin)\s*\(([^)]*)\)$/.exec(text);
  if (setMatch) {
    const values = setMatch[3].split(',').map(v => v.trim());
    return { key: setMatch[1], operator: setMatch[2] as Operator, values };
  }
  const opMatch = /^([^\s!=<>(),]+)\s*(==|!=|=|>|<)\s*([^\s!=<>(),]*)$/.exec(
    text,
  );
  if (opMatch) {
    const operators: Record<string, Operator> = {
      '=': '=',
      '==': '=',
      '!=': '!=',
      '>': 'gt',
      '<': 'lt',
    };
    const operator = operators[opMatch[2]];
    if (
      (operator === 'gt' || operator === 'lt') &&
      !/^-?\d+$/.test(opMatch[3])
    ) {
      throw badRequest(
        `unable to parse requirement: for 'Gt', 'Lt' operators, the value must be an integer`,
      );
    }
    return { key: opMatch[1], operator, values: [opMatch[3]] };
  }
  const notExists = /^!\s*([^\s!=<>(),]+)$/.exec(text);
  if (notExists) return { key: notExists[1], operator: '!', values: [] };
  if (/^[^\s!=<>(),]+$/.test(text))
    return { key: text, operator: 'exists', values: [] };
  throw badRequest(
    `unable to parse requirement: found '${text}', expected: key, '!', 'in', 'notin', '=', '==', '!='`,
  );
}

function matchesRequirement(
  req: Requirement,
  labels: Record<string, string> | undefined,
): boolean {
  const has =
    labels !== undefined &&
    Object.prototype.hasOwnProperty.call(labels, req.key);
  const value = has ? labels![req.key] : undefined;
  switch (req.operator) {
    case 'exists':
      return has;
    case '!':
      return !has;
    case '=':
      return has && value === req.values[0];
    case '!=':
      return !has || value !== req.values[0];
    case 'in':
      return has && req.values.includes(value!);
    case 'notin':
      return !has || !req.values.includes(value!);
    case 'gt':
      return (
        has && /^-?\d+$/.test(value!) && Number(value) > Number(req.values[0])
      );
    case 'lt':
      return (
        has && /^-?\d+$/.test(value!) && Number(value) < Number(req.values[0])
      );
    default:
      return false;
  }
}

/** Parses the `labelSelector` query parameter (`=`, `==`, `!=`, `in`, `notin`, `key`, `!key`, `>`, `<`). */
export function parseLabelSelector(
  selector: string | undefined | null,
): LabelSelector {
  const requirements = selector
    ? splitTopLevel(selector).map(parseRequirement)
    : [];
  return {
    empty: requirements.length === 0,
    matches: labels => requirements.every(r => matchesRequirement(r, labels)),
  };
}
