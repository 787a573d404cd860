/**
 * The part of pako 1.x (the copy JSZip itself uses) that the budgeted inflater calls. @types/pako
 * describes pako 2; this is all we need of 1.x.
 */
declare module "pako" {
  export class Inflate {
    constructor(options?: { raw?: boolean; chunkSize?: number });
    /** Feeds input; `false` never finishes the stream, pako ends it by itself at its final block. */
    push(data: Uint8Array, mode: boolean): boolean;
    onData: (chunk: Uint8Array) => void;
    onEnd: (status: number) => void;
    msg: string;
  }
}
