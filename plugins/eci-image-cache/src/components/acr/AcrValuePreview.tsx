import { Text } from '@backstage/ui';
import { monospace } from '../common/styles';

/** "Pods on … get `value`", announced when it changes, with the reason for the region prefix. */
export function AcrValuePreview(props: {
  /** Where the pods run, e.g. "clusters in cn-hangzhou". */
  pods: string;
  value: string;
  explanation?: string;
  testId: string;
}) {
  return (
    <div aria-live="polite">
      <Text as="p">
        Pods on {props.pods} get{' '}
        <code style={monospace} data-testid={props.testId}>
          {props.value}
        </code>
      </Text>
      <Text as="p" variant="body-small" color="secondary">
        {props.explanation}
      </Text>
    </div>
  );
}
