/** A file a service answers with (a report): its media type, its bytes and, to download it, a file name. `ApiRouter.file` sends it. */
export interface FileAnswer {
  type: string;
  body: string | Buffer;
  fileName?: string;
}
