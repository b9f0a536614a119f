import { ValidationProblem } from '@eci-portal/plugin-eci-image-cache-common';
import { Alert, Flex } from '@backstage/ui';
import { uniqueMessages } from '../../state/messageText';
import { Message } from '../common/Message';
import { plainList } from '../common/styles';

/** One problem per line, each once. */
function ProblemList(props: { problems: ValidationProblem[] }) {
  const messages = uniqueMessages(props.problems.map(p => p.message));
  return (
    <ul style={{ ...plainList, marginTop: 4 }}>
      {messages.map(message => (
        <li key={message} style={{ marginTop: 2 }}>
          <Message text={message} />
        </li>
      ))}
    </ul>
  );
}

/** Invalid annotation or settings values (which block caches) and risky ones. */
export function ConfigIssues(props: {
  problems: ValidationProblem[];
  warnings: ValidationProblem[];
}) {
  const { problems, warnings } = props;
  if (problems.length === 0 && warnings.length === 0) {
    return null;
  }
  return (
    <Flex direction="column" gap="2">
      {problems.length > 0 ? (
        <Alert
          status="danger"
          icon
          title="Fix these values in catalog-info.yaml (or the saved settings) before caches can be made."
          description={<ProblemList problems={problems} />}
        />
      ) : null}
      {warnings.length > 0 ? (
        <Alert
          status="warning"
          icon
          title="Worth a look:"
          description={<ProblemList problems={warnings} />}
        />
      ) : null}
    </Flex>
  );
}
