// Errors a person can be told about. Anything else is logged and shown as a generic message.
export class DomainError extends Error {
  constructor(
    message: string,
    readonly fieldErrors: Record<string, string> = {},
  ) {
    super(message);
    this.name = "DomainError";
  }
}

/** Also used for resources the viewer may not see, so that their existence is not revealed. */
export class NotFoundError extends DomainError {
  constructor(message = "We could not find that page or record.") {
    super(message);
    this.name = "NotFoundError";
  }
}

export class ForbiddenError extends DomainError {
  constructor(message = "You do not have permission to do that.") {
    super(message);
    this.name = "ForbiddenError";
  }
}

/** Optimistic concurrency: someone else saved a newer version first. */
export class ConflictError extends DomainError {
  constructor(
    message = "Someone else changed this while you were editing it. Check their changes, then make yours again.",
    readonly current?: unknown,
  ) {
    super(message);
    this.name = "ConflictError";
  }
}

export class RateLimitError extends DomainError {
  constructor(readonly retryAfterSeconds: number) {
    super(`Too many attempts. Try again in ${Math.max(1, Math.ceil(retryAfterSeconds / 60))} minutes.`);
    this.name = "RateLimitError";
  }
}
