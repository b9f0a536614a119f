import { CompoundEntityRef, parseEntityRef } from '@backstage/catalog-model';

/**
 * The value of another field of the form, trimmed; undefined when it is empty or not a string.
 * `formData` is the whole form (every step), as the scaffolder passes it in `formContext.formData`
 * and to field validators.
 */
export function formValue(
  formData: unknown,
  field: string | undefined,
): string | undefined {
  if (!field || typeof formData !== 'object' || formData === null) {
    return undefined;
  }
  const value = (formData as Record<string, unknown>)[field];
  return typeof value === 'string' && value.trim() !== ''
    ? value.trim()
    : undefined;
}

/** An entity ref read from a form field, as the EntityPicker writes it. */
export type FormEntityRef =
  | { status: 'missing'; field: string }
  | { status: 'invalid'; field: string; text: string }
  | { status: 'ok'; field: string; ref: CompoundEntityRef; text: string };

/** Reads the entity ref in `field`; a bare name means a Component in the default namespace. */
export function formEntityRef(formData: unknown, field: string): FormEntityRef {
  const text = formValue(formData, field);
  if (text === undefined) {
    return { status: 'missing', field };
  }
  try {
    const ref = parseEntityRef(text, {
      defaultKind: 'Component',
      defaultNamespace: 'default',
    });
    return { status: 'ok', field, ref, text };
  } catch {
    return { status: 'invalid', field, text };
  }
}

/** Why a picker cannot list anything without an entity. */
export function entityRefProblem(
  entity: Exclude<FormEntityRef, { status: 'ok' }>,
): string {
  return entity.status === 'missing'
    ? `Choose a service first (field "${entity.field}").`
    : `"${entity.text}" in field "${entity.field}" is not an entity ref.`;
}
