import { TextField } from '@backstage/ui';
import { FieldFrame } from '../common/FieldFrame';
import { fieldInputState } from '../common/fieldInputState';
import { fieldTexts } from '../common/fieldTexts';
import { EciValidatedTextProps } from './schema';

/**
 * Scaffolder field `EciValidatedText`: a text input whose value the form checks with a rule of
 * the common package (`ui:options.rule`) before the task is created.
 */
export function EciValidatedText(props: EciValidatedTextProps) {
  const { schema, uiSchema, formData, onChange } = props;
  const { label, description } = fieldTexts(schema, uiSchema, 'Value');
  return (
    <FieldFrame field={props} description={description}>
      <TextField
        id={props.idSchema?.$id}
        label={label}
        {...fieldInputState(props)}
        value={formData ?? ''}
        onChange={value => onChange(value === '' ? undefined : value)}
      />
    </FieldFrame>
  );
}
