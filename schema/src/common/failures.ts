// Expected failures are typed results in the schema, not exceptions that escape: a client can
// show "Enter a valid NHS number" beside the NHS number field. Anything else is masked.
/** A problem with one input field. `path` names the field as the client sent it. */
export interface FieldProblem {
  path: string[];
  message: string;
}

export class ValidationError extends Error {
  constructor(
    readonly fieldErrors: FieldProblem[],
    message = 'There is a problem with what was entered',
  ) {
    super(message);
    this.name = 'ValidationError';
  }

  static field(path: string[], message: string) {
    return new ValidationError([{ path, message }]);
  }
}

/** The viewer may not do this. Used only where saying so reveals nothing: a record the viewer may
 * not see is reported exactly as one that does not exist. */
export class NotAuthorisedError extends Error {
  constructor(message = 'You do not have permission to do this') {
    super(message);
    this.name = 'NotAuthorisedError';
  }
}

export class NotFoundError extends Error {
  constructor(message = 'Not found') {
    super(message);
    this.name = 'NotFoundError';
  }
}

