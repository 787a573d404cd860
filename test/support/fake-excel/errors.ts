/**
 * Errors shaped like OfficeExtension.Error: callers branch on `code`, as they must with the real
 * host. Only the codes the gateway meets are produced.
 */
export type FakeErrorCode =
  | "PropertyNotLoaded"
  | "ItemNotFound"
  | "ItemAlreadyExists"
  | "AccessDenied"
  | "InvalidOperationInCellEditMode"
  | "ApiNotFound"
  | "InvalidArgument"
  | "InvalidReference"
  | "ResponsePayloadSizeLimitExceeded"
  | "InvalidOperation"
  | "UndoNotSupported"
  | "GeneralException";

export class FakeOfficeError extends Error {
  readonly debugInfo: { code: string; message: string };
  constructor(
    readonly code: FakeErrorCode,
    message: string,
  ) {
    super(message);
    this.name = "RichApi.Error";
    this.debugInfo = { code, message };
  }
}

export function notLoaded(property: string): FakeOfficeError {
  return new FakeOfficeError(
    "PropertyNotLoaded",
    `The property '${property}' is not available. Before reading the property's value, call the load method on the containing object and call "context.sync()" on the associated request context.`,
  );
}

export function itemNotFound(what: string): FakeOfficeError {
  return new FakeOfficeError("ItemNotFound", `The requested resource doesn't exist: ${what}`);
}

export function accessDenied(sheet: string): FakeOfficeError {
  return new FakeOfficeError("AccessDenied", `You cannot perform the requested operation: sheet '${sheet}' is protected.`);
}

export function apiNotFound(api: string, version: string): FakeOfficeError {
  return new FakeOfficeError("ApiNotFound", `The API '${api}' (ExcelApi ${version}) is not supported by this host.`);
}

export function undoNotSupported(api: string): FakeOfficeError {
  return new FakeOfficeError("UndoNotSupported", `${api} does not support undo, so it cannot be part of an undo group.`);
}
