import { asSentence, messageParts } from '../../state/messageText';
import { monospace } from './styles';

/** A backend or validation message as a sentence, with `identifiers` set as code. */
export function Message(props: { text: string }) {
  return (
    <>
      {messageParts(asSentence(props.text)).map((part, index) =>
        part.code ? (
          <code key={index} style={monospace}>
            {part.text}
          </code>
        ) : (
          <span key={index}>{part.text}</span>
        ),
      )}
    </>
  );
}
