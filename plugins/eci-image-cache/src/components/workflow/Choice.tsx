import { Radio, RadioGroup } from '@backstage/ui';

/** A horizontal radio group of one workflow choice. */
export function Choice(props: {
  label: string;
  values: readonly string[];
  labels: Readonly<Record<string, string>>;
  value: string;
  onChange: (value: string) => void;
}) {
  return (
    <RadioGroup
      label={props.label}
      orientation="horizontal"
      value={props.value}
      onChange={props.onChange}
    >
      {props.values.map(value => (
        <Radio key={value} value={value}>
          {props.labels[value]}
        </Radio>
      ))}
    </RadioGroup>
  );
}
