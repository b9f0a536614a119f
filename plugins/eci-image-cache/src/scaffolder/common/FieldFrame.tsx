import { ScaffolderField } from '@backstage/plugin-scaffolder-react/alpha';
import { ReactNode } from 'react';

/**
 * The scaffolder's frame around a field: the template's description (markdown) under it, and the
 * error state of the form's theme.
 */
export function FieldFrame(props: {
  field: { rawErrors?: string[]; required?: boolean; disabled?: boolean };
  description?: string;
  children: ReactNode;
}) {
  const { field } = props;
  return (
    <ScaffolderField
      rawErrors={field.rawErrors}
      rawDescription={props.description}
      required={field.required}
      disabled={field.disabled}
    >
      {props.children}
    </ScaffolderField>
  );
}
