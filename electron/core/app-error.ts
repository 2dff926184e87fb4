// The core's thrown error: carries a stable code so every boundary (IPC, CLI, browser host)
// can turn it into { code, message } data. Anything else that escapes is reported as INTERNAL.
import { type AppErrorData, type ErrorCode, ERROR_CODES, errorData } from './shared/errors.js';

export class AppError extends Error {
  readonly code: ErrorCode;
  readonly detail: AppErrorData['detail'];

  constructor(
    code: ErrorCode,
    message?: string,
    options?: { cause?: unknown; detail?: AppErrorData['detail'] },
  ) {
    super(message ?? ERROR_CODES[code], { cause: options?.cause });
    this.name = 'AppError';
    this.code = code;
    this.detail = options?.detail;
  }

  toData(): AppErrorData {
    return errorData(this.code, this.message, this.detail);
  }
}

export function toAppError(err: unknown): AppError {
  if (err instanceof AppError) return err;
  if (err instanceof Error && err.name === 'AbortError')
    return new AppError('CANCELLED', undefined, { cause: err });
  return new AppError('INTERNAL', undefined, { cause: err });
}
