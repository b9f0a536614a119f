/**
 * The error with its stack replaced by its name and message. The scaffolder writes a failed step's
 * stack to the task log; for input the user has to correct, a trace of the action's code only
 * buries the message.
 */
export function withoutStackTrace<E extends Error>(error: E): E {
  error.stack = `${error.name}: ${error.message}`;
  return error;
}
