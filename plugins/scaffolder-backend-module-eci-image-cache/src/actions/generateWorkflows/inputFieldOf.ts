const SHARED_OPTIONS = new Set([
  'kind',
  'schedule',
  'timezone',
  'dialect',
  'placement',
  'cacheMode',
]);

const CONTAINER_FIELD = /^containers\[(\d+)\](?:\.(image|command|args)(.*))?$/;

/** The service input field behind a builder option, e.g. `containers[1].image` → `images[1]`. */
function serviceFieldOf(optionField: string): string {
  const root = optionField.split(/[.[]/, 1)[0];
  const container = CONTAINER_FIELD.exec(optionField);
  if (optionField === 'serviceName') {
    return 'name';
  }
  if (root === 'acrInstanceIds') {
    return 'acrInstanceId';
  }
  if (container) {
    const [, index, part, rest] = container;
    return part === undefined || part === 'image'
      ? `images[${index}]`
      : `${part}${rest}`;
  }
  if (root === 'containers') {
    return 'images';
  }
  return optionField;
}

/**
 * Translates a builder option path (as named by the common package's validators) into the
 * action input field that supplied it, e.g. `containers[1].image` → `services[3].images[1]`.
 * `inputFields` lists the service's input fields that were given; other values came from the
 * catalog entity (or the backend's settings) and are named as such.
 */
export function inputFieldOf(
  optionField: string,
  serviceField: string,
  inputFields: readonly string[],
): string {
  if (SHARED_OPTIONS.has(optionField.split(/[.[]/, 1)[0])) {
    return optionField;
  }
  const field = serviceFieldOf(optionField);
  if (!inputFields.includes(field.split(/[.[]/, 1)[0])) {
    return `${serviceField} (${optionField}, from the catalog entity)`;
  }
  return `${serviceField}.${field}`;
}
