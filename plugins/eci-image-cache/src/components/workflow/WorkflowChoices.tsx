import { Flex } from '@backstage/ui';
import { Choice } from './Choice';
import { WORKFLOW_CHOICES, WorkflowSelection } from './workflowChoices';

/** The panel's selectors (kind, cache mode, annotation names, placement), side by side. */
export function WorkflowChoices(props: {
  selection: WorkflowSelection;
  onChange: (change: Partial<WorkflowSelection>) => void;
}) {
  const { selection, onChange } = props;
  return (
    <Flex gap="5" style={{ flexWrap: 'wrap' }}>
      {WORKFLOW_CHOICES.map(choice => (
        <Choice
          key={choice.key}
          label={choice.label}
          values={choice.values}
          labels={choice.labels}
          value={selection[choice.key]}
          // The group only offers the choice's own values.
          onChange={value =>
            onChange({ [choice.key]: value } as Partial<WorkflowSelection>)
          }
        />
      ))}
    </Flex>
  );
}
