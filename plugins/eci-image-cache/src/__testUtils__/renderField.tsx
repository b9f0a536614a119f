import { renderInTestApp } from '@backstage/frontend-test-utils';
import { FieldExtensionComponentProps } from '@backstage/plugin-scaffolder-react';
import { act } from '@testing-library/react';
import { ComponentType, useState, useSyncExternalStore } from 'react';
import { clientApis } from './renderTab';

/** The other fields of the form, changeable while the field is shown. */
export class FormValues {
  private values: Record<string, unknown>;
  private readonly listeners = new Set<() => void>();

  constructor(initial: Record<string, unknown> = {}) {
    this.values = initial;
  }

  get = () => this.values;

  subscribe = (listener: () => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  /** Changes other fields, as typing in them would. */
  set(change: Record<string, unknown>) {
    act(() => {
      this.values = { ...this.values, ...change };
      this.listeners.forEach(listener => listener());
    });
  }
}

type AnyFieldProps = FieldExtensionComponentProps<string, any>;

/** What a field is rendered with, as the scaffolder's form would pass it. */
export interface FieldSetup {
  title?: string;
  description?: string;
  uiOptions?: Record<string, unknown>;
  required?: boolean;
  /** The field's value to start with. */
  value?: string;
  /** The rest of the form. */
  form?: FormValues;
  rawErrors?: string[];
}

function Harness(props: {
  field: ComponentType<AnyFieldProps>;
  setup: FieldSetup;
  form: FormValues;
  onChange: jest.Mock;
}) {
  const { field: Field, setup, form, onChange } = props;
  const [value, setValue] = useState(setup.value);
  const others = useSyncExternalStore(form.subscribe, form.get);
  const fieldProps = {
    name: 'field',
    schema: {
      type: 'string',
      title: setup.title,
      description: setup.description,
    },
    uiSchema: { 'ui:options': setup.uiOptions ?? {} },
    idSchema: { $id: 'root_field' },
    formData: value,
    formContext: { formData: { ...others, field: value } },
    required: setup.required,
    disabled: false,
    readonly: false,
    rawErrors: setup.rawErrors ?? [],
    onChange: (next: string | undefined) => {
      onChange(next);
      setValue(next);
    },
    onBlur: () => {},
    onFocus: () => {},
    registry: {},
  } as unknown as AnyFieldProps;
  return <Field {...fieldProps} />;
}

/**
 * Renders a scaffolder field component with the real client against msw, holding its value like
 * the form does. Returns the form's other values and the `onChange` spy.
 */
export async function renderField(
  field: ComponentType<any>,
  setup: FieldSetup = {},
) {
  const form = setup.form ?? new FormValues();
  const onChange = jest.fn();
  await renderInTestApp(
    <Harness field={field} setup={setup} form={form} onChange={onChange} />,
    { apis: [...clientApis()] },
  );
  return { form, onChange };
}
