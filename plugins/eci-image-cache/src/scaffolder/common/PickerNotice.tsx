import { Alert, FieldLabel, Flex } from '@backstage/ui';
import { ReactNode } from 'react';

/** A picker with nothing to pick: its label, and an alert saying why (or that it is loading). */
export function PickerNotice(props: {
  label: string;
  required?: boolean;
  status: 'info' | 'warning' | 'danger';
  title: string;
  description?: ReactNode;
  isPending?: boolean;
  action?: ReactNode;
}) {
  return (
    <Flex direction="column" gap="2">
      <FieldLabel
        label={props.label}
        secondaryLabel={props.required ? 'Required' : undefined}
      />
      <Alert
        role={props.isPending ? undefined : 'status'}
        status={props.status}
        icon
        isPending={props.isPending}
        title={props.title}
        description={props.description}
        customActions={props.action}
      />
    </Flex>
  );
}
