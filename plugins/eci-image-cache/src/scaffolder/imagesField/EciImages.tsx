import { TextAreaField } from '@backstage/ui';
import { useState } from 'react';
import { FieldFrame } from '../common/FieldFrame';
import { fieldInputState } from '../common/fieldInputState';
import { fieldTexts } from '../common/fieldTexts';
import { imageLines } from './imageLines';
import { EciImagesProps } from './schema';

/**
 * Scaffolder field `EciImages`: a list of images typed one per line; the form checks them with the
 * common image rules before the task is created.
 */
export function EciImages(props: EciImagesProps) {
  const { schema, uiSchema, formData, onChange } = props;
  const { label, description } = fieldTexts(schema, uiSchema, 'Images');
  // The text as typed (blank lines included); the form keeps the list of images.
  const [text, setText] = useState(() => (formData ?? []).join('\n'));
  return (
    <FieldFrame field={props} description={description}>
      <TextAreaField
        id={props.idSchema?.$id}
        label={label}
        {...fieldInputState(props)}
        placeholder="registry.example.com/team/app:1.0.0"
        value={text}
        onChange={value => {
          setText(value);
          const images = imageLines(value);
          onChange(images.length > 0 ? images : undefined);
        }}
      />
    </FieldFrame>
  );
}
